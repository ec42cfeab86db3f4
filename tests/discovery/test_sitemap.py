"""sitemap.xml and robots.txt: every page citizens may see, in every language, and nothing else."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page, PageViewRestriction

from disclosure_pages.discovery import sitemap
from disclosure_pages.models import CatalogEntryPage, CatalogIndexPage
from disclosure_pages.moderation.passes import publication_pass
from disclosure_pages.public_cache.middleware import HEADER
from tests import factories
from tests.translation.helpers import translate

pytestmark = pytest.mark.django_db
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def site():
    portal = factories.portal_at_site_root()
    catalog = factories.section(portal, CatalogIndexPage)
    entries = [factories.entry(catalog, title=f"关于软件采购的通知（{n}）", slug=f"caigou-{n}") for n in range(3)]
    return portal, catalog, entries


def locations(client, url: str = "/sitemap.xml") -> list[str]:
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/xml"
    return [loc.text for loc in ET.fromstring(response.content).findall("s:url/s:loc", NS)]


def test_lists_every_live_page_with_full_addresses(client, site):
    portal, catalog, entries = site
    urls = locations(client)
    assert "http://testserver/" in urls
    assert f"http://testserver{catalog.url}" in urls
    assert {f"http://testserver{e.url}" for e in entries} <= set(urls)


def test_lists_nothing_citizens_may_not_see(client, site, superuser):
    portal, catalog, (shown, withdrawn, restricted) = site
    draft = factories.entry(catalog, publish=False, title="草稿", slug="caogao")
    withdrawn.unpublish()
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="x")
    hidden = factories.entry(catalog, title="依申请公开的信息", slug="yishenqing")
    with publication_pass(hidden.pk):
        CatalogEntryPage.objects.filter(pk=hidden.pk).update(disclosure_mode="on_application")
    urls = " ".join(locations(client))
    assert shown.slug in urls
    for page in (draft, withdrawn, restricted, hidden):
        assert page.slug not in urls, page.slug


def test_every_language_has_its_pages(client, site, superuser):
    portal, catalog, entries = site
    zh_hant = Locale.objects.get_or_create(language_code="zh-hant")[0]
    translate(portal, superuser, zh_hant)
    urls = locations(client)
    translated = Page.objects.get(locale=zh_hant, translation_key=entries[0].translation_key)
    assert f"http://testserver{translated.url}" in urls and translated.url.startswith("/zh-hant/")
    assert f"http://testserver{entries[0].url}" in urls


def test_large_sites_get_an_index_of_files(client, site, monkeypatch):
    everything = locations(client)
    cache.clear()  # the public cache holds the one-file sitemap
    monkeypatch.setattr(sitemap, "PER_FILE", 2)
    response = client.get("/sitemap.xml")
    files = [loc.text for loc in ET.fromstring(response.content).findall("s:sitemap/s:loc", NS)]
    assert files == [f"http://testserver/sitemap.xml?p={n}" for n in range(1, len(files) + 1)] and len(files) >= 3
    listed = [url for n in range(1, len(files) + 1) for url in locations(client, f"/sitemap.xml?p={n}")]
    assert listed == everything
    for bad in ("?p=0", "?p=99", "?p=x", "?p=%00"):
        assert client.get("/sitemap.xml" + bad).status_code == 404


def test_a_withdrawal_leaves_the_cached_sitemap(client, site):
    portal, catalog, entries = site
    locations(client)
    assert client.get("/sitemap.xml")[HEADER] == "hit"
    entries[0].unpublish()
    assert entries[0].slug not in " ".join(locations(client))


def test_robots_points_to_the_sitemap_and_keeps_crawlers_out_of_personal_pages(client, site):
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    for line in ("Disallow: /admin/", "Disallow: /applications/track/", "Disallow: /zh-hant/applications/track/",
                 "Disallow: /search/"):  # fmt: skip
        assert line in text.splitlines()
    assert "Disallow: /\n" not in text


def test_the_query_count_does_not_grow_with_the_pages(client, site):
    _portal, catalog, _entries = site

    def count(n: int) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/sitemap.xml?p=1&n={n}").status_code == 200  # n: a new cache key
        return len(queries)

    few = count(1)
    for n in range(20):
        factories.entry(catalog, title=f"条目{n}", slug=f"tiaomu-{n}")
    assert count(2) == few
