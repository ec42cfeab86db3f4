"""RSS and Atom feeds of new catalog entries: whole catalog, per organ, per topic, per language."""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page, PageViewRestriction

from disclosure_pages.models import CatalogIndexPage, ClassificationTerm
from disclosure_pages.public_cache.middleware import HEADER
from tests import factories
from tests.translation.helpers import translate

pytestmark = pytest.mark.django_db
ATOM = {"a": "http://www.w3.org/2005/Atom"}


@pytest.fixture
def site():
    portal = factories.portal_at_site_root()
    catalog = factories.section(portal, CatalogIndexPage)
    office = factories.organisation()
    finance = factories.organisation(name="安庆市财政局", code="003110918")
    budget = ClassificationTerm.objects.get(dimension="topic", name="财政", parent__name="财政、金融、审计")
    entries = {
        "old": factories.entry(catalog, title="关于2023年度预算的通知", publish_date=datetime.date(2023, 3, 1), publisher=finance,
                               topic_category=budget),
        "new": factories.entry(catalog, title="关于做好政务公开工作的通知", publish_date=datetime.date(2024, 6, 2),
                               publisher=office),
        "newest": factories.entry(catalog, title="关于2024年度决算的通知", publish_date=datetime.date(2024, 9, 1),
                                  publisher=finance, topic_category=budget),
    }  # fmt: skip
    return portal, catalog, office, finance, budget, entries


def rss_titles(client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200 and "rss" in response["Content-Type"]
    return [item.findtext("title") for item in ET.fromstring(response.content).iter("item")]


def test_the_catalog_feed_lists_new_entries_first(client, site):
    *_, entries = site
    assert rss_titles(client, "/feeds/rss/") == [entries[k].title for k in ("newest", "new", "old")]
    atom = ET.fromstring(client.get("/feeds/atom/").content)
    links = [e.find("a:link", ATOM).get("href") for e in atom.findall("a:entry", ATOM)]
    assert links[0] == f"http://testserver{entries['newest'].url}"
    assert atom.findtext("a:entry/a:author/a:name", namespaces=ATOM) == "安庆市财政局"


def test_per_organ_and_per_topic(client, site):
    _portal, _catalog, office, finance, budget, entries = site
    assert rss_titles(client, f"/feeds/organ/{office.pk}/rss/") == [entries["new"].title]
    assert rss_titles(client, f"/feeds/organ/{finance.pk}/rss/") == [entries[k].title for k in ("newest", "old")]
    assert rss_titles(client, f"/feeds/topic/{budget.pk}/rss/") == [entries[k].title for k in ("newest", "old")]
    # A first-level topic covers its second-level ones.
    assert rss_titles(client, f"/feeds/topic/{budget.parent_id}/rss/") == [entries[k].title for k in ("newest", "old")]


def test_bad_addresses_are_404(client, site):
    for url in ("/feeds/json/", "/feeds/organ/999999/rss/", "/feeds/topic/999999/rss/", "/feeds/organ/0/atom/"):
        assert client.get(url).status_code == 404, url
    audience = ClassificationTerm.objects.filter(dimension="audience").first()
    assert client.get(f"/feeds/topic/{audience.pk}/rss/").status_code == 404  # not a topic


def test_only_what_citizens_may_see(client, site):
    _portal, catalog, *_, entries = site
    factories.entry(catalog, publish=False, title="草稿条目")
    entries["new"].unpublish()
    PageViewRestriction.objects.create(page=entries["old"], restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert rss_titles(client, "/feeds/rss/") == [entries["newest"].title]


def test_a_withdrawal_leaves_the_cached_feed(client, site):
    *_, entries = site
    rss_titles(client, "/feeds/rss/")
    assert client.get("/feeds/rss/")[HEADER] == "hit"
    entries["newest"].unpublish()
    assert entries["newest"].title not in rss_titles(client, "/feeds/rss/")


def test_the_traditional_feed_shows_translations_and_untranslated_sources(client, site, superuser):
    *_, entries = site
    zh_hant = Locale.objects.get_or_create(language_code="zh-hant")[0]
    translate(entries["newest"], superuser, zh_hant)
    translated = Page.objects.get(locale=zh_hant, translation_key=entries["newest"].translation_key)
    feed = ET.fromstring(client.get("/zh-hant/feeds/rss/").content)
    items = [(i.findtext("title"), i.findtext("link")) for i in feed.iter("item")]
    assert items[0] == ("關於2024年度決算的通知", f"http://testserver{translated.url}")
    assert items[1] == (entries["new"].title, f"http://testserver/zh-hant{entries['new'].url}")


def test_pages_link_their_feeds(client, site):
    _portal, catalog, office, *_ = site
    html = client.get(catalog.url).content.decode()
    assert '<link rel="alternate" type="application/rss+xml" title="政府信息公开目录 (RSS)" href="/feeds/rss/">' in html
    assert 'href="/feeds/atom/"' in html
    filtered = client.get(f"{catalog.url}?organ={office.pk}").content.decode()
    assert f'href="/feeds/organ/{office.pk}/rss/"' in filtered
    assert 'href="/zh-hant/feeds/rss/"' in client.get("/zh-hant" + catalog.url).content.decode()


def test_a_feed_costs_the_same_queries_for_five_or_fifty_entries(client, site):
    _portal, catalog, *_ = site

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/feeds/rss/?uncached=" + str(Page.objects.count()))
        assert response.status_code == 200
        return len(queries)

    few = count()
    for n in range(45):
        factories.entry(catalog, title=f"条目{n}")
    assert count() == few
