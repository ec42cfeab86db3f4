"""Nothing 404s in any language: pages not translated yet are served, listed and linked under
the reader's prefix in their source language, with a note (disclosure_pages.i18n)."""

from __future__ import annotations

import pytest
from wagtail.models import Locale, Page
from wagtail_localize.operations import TranslationCreator

from tests import factories
from tests.translation.helpers import translate

NOTE = "本頁尚無繁體中文版本"


@pytest.fixture
def zh_hant(db) -> Locale:
    return Locale.objects.get_or_create(language_code="zh-hant")[0]


@pytest.fixture
def site(portal, zh_hant):
    """A portal with a guide and three catalog entries, nothing translated."""
    catalog = factories.section(portal, factories.CatalogIndexPage)
    entries = [factories.entry(catalog, title=f"关于软件采购的通知（{n}）") for n in range(3)]
    factories.guide(portal, 2024)
    return portal, catalog, entries


def get(client, page: Page, prefix: str = "/zh-hant"):
    return client.get(prefix + page.url)


def test_before_anything_is_translated_every_page_is_served_with_a_note(client, site) -> None:
    portal, catalog, entries = site
    for page in [portal, catalog, *entries, factories.section(portal, factories.GuideIndexPage)]:
        response = get(client, page)
        assert response.status_code == 200, page.url
        assert NOTE in response.content.decode()
    listing = get(client, catalog).content.decode()
    assert all(entry.title in listing for entry in entries)
    assert 'lang="zh-Hans"' in listing  # the Simplified content is marked as such


def test_the_default_site_shows_no_note(client, site) -> None:
    assert NOTE not in client.get(site[2][0].url).content.decode()
    assert "本页尚无" not in client.get(site[2][0].url).content.decode()


def test_after_translating_one_page_nothing_else_404s(client, site, superuser, zh_hant) -> None:
    portal, catalog, entries = site
    translate(entries[0], superuser, zh_hant)
    for page in [portal, catalog, *entries[1:], factories.section(portal, factories.GuideIndexPage)]:
        assert get(client, page).status_code == 200, page.url
    translated = get(client, entries[0]).content.decode()
    assert "關於軟件採購的通知（0）" in translated and NOTE not in translated
    listing = get(client, catalog).content.decode()
    assert "關於軟件採購的通知（0）" in listing  # the translation, in the reader's language
    assert "关于软件采购的通知（1）" in listing and "关于软件采购的通知（2）" in listing  # and the others
    assert "/zh-hant" + entries[1].url in listing


def test_a_draft_translation_is_not_shown(client, site, superuser, zh_hant) -> None:
    portal, catalog, entries = site
    TranslationCreator(superuser, [zh_hant]).create_translations(entries[0])
    draft = Page.objects.get(locale=zh_hant, translation_key=entries[0].translation_key)
    assert not draft.live
    response = get(client, entries[0])
    assert response.status_code == 200 and NOTE in response.content.decode()  # the reviewed source
    assert response.context["page"].pk == entries[0].pk


def test_while_a_translated_section_waits_for_review_readers_get_its_source(
    client, site, superuser, zh_hant
) -> None:
    portal, catalog, entries = site
    TranslationCreator(superuser, [zh_hant]).create_translations(entries[0])  # the catalog becomes a live alias
    alias = Page.objects.get(locale=zh_hant, translation_key=catalog.translation_key)
    assert alias.live and alias.alias_of_id == catalog.pk
    TranslationCreator(superuser, [zh_hant]).create_translations(catalog)  # and then a translation of its own
    alias.refresh_from_db()
    assert alias.alias_of_id is None and not alias.live  # its text is not reviewed yet: offline
    response = get(client, catalog)
    assert response.status_code == 200 and NOTE in response.content.decode()
    assert response.context["page"].pk == catalog.pk  # the reviewed source, under the reader's prefix
    assert all(get(client, entry).status_code == 200 for entry in entries)


def test_after_translating_a_section_and_the_whole_tree(client, site, superuser, zh_hant) -> None:
    portal, catalog, entries = site
    translate(catalog, superuser, zh_hant)
    listing = get(client, catalog).content.decode()
    assert all(f"關於軟件採購的通知（{n}）" in listing for n in range(3)) and NOTE not in listing
    assert get(client, factories.section(portal, factories.GuideIndexPage)).status_code == 200
    translate(portal, superuser, zh_hant)
    for page in Page.objects.descendant_of(portal, inclusive=True).live():
        response = get(client, page)
        assert response.status_code == 200 and NOTE not in response.content.decode(), page.url


def test_the_english_site_serves_the_chinese_pages(client, site) -> None:
    portal, catalog, entries = site
    Locale.objects.get_or_create(language_code="en")
    response = get(client, catalog, "/en")
    assert response.status_code == 200
    assert all(entry.title in response.content.decode() for entry in entries)
    assert "has not been translated into English" in response.content.decode()


def test_unknown_and_hostile_paths_are_404_in_every_language(client, site, superuser, zh_hant) -> None:
    portal, catalog, entries = site
    translate(entries[0], superuser, zh_hant)
    for prefix in ("/zh-hant", "/en", ""):
        for path in (catalog.url + "no-such-entry/", catalog.url + "%00/", catalog.url + entries[1].slug + "/x/y/"):
            assert client.get(prefix + path).status_code == 404, prefix + path
