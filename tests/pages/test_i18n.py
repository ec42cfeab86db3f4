"""Links keep a 繁體 or English reader in their language."""

from __future__ import annotations

import pytest
from django.utils import translation

from disclosure_pages.i18n import in_active_language
from tests import factories


@pytest.mark.parametrize(
    ("language", "url", "expected"),
    [
        ("zh-hans", "/catalog/e/", "/catalog/e/"),
        ("zh-hant", "/catalog/e/", "/zh-hant/catalog/e/"),
        ("en", "/", "/en/"),
        ("zh-hant", "/zh-hant/catalog/e/", "/zh-hant/catalog/e/"),
        ("zh-hant", "http://xxgk.example.gov.cn/catalog/e/?page=2", "http://xxgk.example.gov.cn/zh-hant/catalog/e/?page=2"),
        ("zh-hant", "/documents/1/a.pdf", "/documents/1/a.pdf"),
        ("zh-hant", "", ""),
    ],
)
def test_in_active_language(language, url, expected):
    with translation.override(language):
        assert in_active_language(url) == expected


@pytest.mark.django_db
def test_catalog_links_on_the_traditional_site_stay_traditional(client, portal, catalog):
    entry = factories.entry(catalog, title="繁體讀者的條目")
    html = client.get("/zh-hant" + catalog.url).content.decode()
    assert f'href="/zh-hant{entry.url}"' in html
    assert f'href="{entry.url}"' not in html
