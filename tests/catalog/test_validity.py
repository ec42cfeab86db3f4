"""Repealed and expired entries (已废止, 已失效) say so on their page, in listings and in search results."""

from __future__ import annotations

import pytest

from disclosure_pages.models import CatalogIndexPage
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def entries(portal):
    catalog = factories.section(portal, CatalogIndexPage)
    made = {
        validity: factories.entry(catalog, title=f"关于城市道路占用管理的规定（{validity}）", validity=validity)
        for validity in ("in_force", "amended", "repealed", "expired")
    }
    return catalog, made


@pytest.mark.parametrize(("validity", "banner"), [("repealed", "本文件已废止"), ("expired", "本文件已失效")])
def test_the_page_carries_a_banner(client, entries, validity, banner):
    html = client.get(entries[1][validity].url).content.decode()
    assert f'<p class="notice notice--warning validity-banner" role="note">{banner}，仅供查阅' in html


@pytest.mark.parametrize("validity", ["in_force", "amended"])
def test_documents_in_force_carry_none(client, entries, validity):
    html = client.get(entries[1][validity].url).content.decode()
    assert "validity-banner" not in html and "validity-badge" not in html


def test_listings_and_search_results_carry_a_badge(client, entries):
    catalog, _made = entries
    for url in (catalog.url, "/search/?q=城市道路占用"):
        html = client.get(url).content.decode()
        assert html.count('<span class="validity-badge">') == 2, url
        assert '<span class="validity-badge">已废止</span>' in html and '<span class="validity-badge">已失效</span>' in html
