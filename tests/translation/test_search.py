"""Search in the reader's language: one result per piece of information, shown as its live
translation where there is one, linked under the reader's prefix; the API's ``lang`` and
``Accept-Language`` choose the language."""

from __future__ import annotations

import pytest
from wagtail.models import Locale, Page

from tests import factories
from tests.translation.helpers import translate

TRANSLATED = "關於政府信息公開工作的通知（0）"


@pytest.fixture
def site(portal, superuser):
    zh_hant = Locale.objects.get_or_create(language_code="zh-hant")[0]
    catalog = factories.section(portal, factories.CatalogIndexPage)
    entries = [factories.entry(catalog, title=f"关于政府信息公开工作的通知（{n}）") for n in range(3)]
    translate(entries[0], superuser, zh_hant)
    return entries, Page.objects.get(locale=zh_hant, translation_key=entries[0].translation_key)


def _titles(data: dict) -> list[str]:
    return [hit["title"] for hit in data["results"]]


def test_the_traditional_page_shows_translations_and_links_into_the_traditional_site(client, site) -> None:
    entries, translation = site
    response = client.get("/zh-hant/search/", {"q": "資訊公開"})
    html = response.content.decode().replace("<mark>", "").replace("</mark>", "")
    assert TRANSLATED in html and translation.url in html
    assert "关于政府信息公开工作的通知（1）" in html and "/zh-hant" + entries[1].url in html
    assert response.context["results"].count == 3  # the translation is not a second result


def test_the_simplified_page_is_unchanged(client, site) -> None:
    entries, _translation = site
    data = client.get("/api/search/", {"q": "信息公开", "lang": "zh-hans"}).json()
    assert data["count"] == 3 and sorted(_titles(data)) == sorted(e.title for e in entries)
    assert all("/zh-hant/" not in hit["url"] for hit in data["results"])


@pytest.mark.parametrize(("params", "headers"), [({"lang": "zh-hant"}, {}), ({"lang": "zh-TW"}, {}), ({}, {"HTTP_ACCEPT_LANGUAGE": "zh-HK,zh;q=0.8"}), ({}, {"HTTP_ACCEPT_LANGUAGE": "zh-TW"})])
def test_the_api_answers_in_traditional(client, site, params, headers) -> None:
    entries, translation = site
    data = client.get("/api/search/", {"q": "信息公开", **params}, **headers).json()
    hit = next(hit for hit in data["results"] if hit["title"] == TRANSLATED)
    assert hit["url"].endswith(translation.url)
    other = next(hit for hit in data["results"] if hit["title"].endswith("（1）"))
    assert "/zh-hant/" in other["url"] and "辦公室" in other["snippet"]  # snippets in Traditional


def test_simplified_accept_language_and_unknown_lang_answer_in_simplified(client, site) -> None:
    for params, headers in [({}, {"HTTP_ACCEPT_LANGUAGE": "zh-CN"}), ({"lang": "xx-yy"}, {"HTTP_ACCEPT_LANGUAGE": "zh-CN"})]:
        data = client.get("/api/search/", {"q": "信息公开", **params}, **headers).json()
        assert TRANSLATED not in _titles(data) and data["count"] == 3
