"""A front-end cache (CDN, Varnish) is told to forget every URL that shows a changed page.

A real HTTP server on this machine takes the PURGE requests Wagtail's HTTP backend sends.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from wagtail.models import PageViewRestriction

from disclosure_pages.models import CatalogIndexPage
from tests import factories

pytestmark = pytest.mark.django_db


class Varnish(BaseHTTPRequestHandler):
    purged: list[str] = []

    def do_PURGE(self) -> None:  # noqa: N802 (the HTTP method)
        type(self).purged.append(f"http://{self.headers['Host']}{self.path}")
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def purged(settings) -> Iterator[list[str]]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Varnish)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                    "LOCATION": f"http://127.0.0.1:{server.server_address[1]}"},
    }  # fmt: skip
    Varnish.purged = []
    yield Varnish.purged
    server.shutdown()


@pytest.fixture
def entry():
    portal = factories.portal_at_site_root()
    catalog = factories.section(portal, CatalogIndexPage)
    return catalog, factories.entry(catalog, title="关于公布行政事业性收费目录的通知", slug="shoufei")


def test_unpublishing_purges_the_page_its_listings_feeds_and_sitemap_in_every_language(purged, entry):
    catalog, page = entry
    page.unpublish()
    base, listing = "http://localhost", catalog.url  # /catalog/
    for url in (
        f"{base}{listing}shoufei/", f"{base}/zh-hant{listing}shoufei/", f"{base}/en{listing}shoufei/",
        f"{base}{listing}", f"{base}/zh-hant{listing}", f"{base}/", f"{base}/zh-hant/",
        f"{base}/feeds/rss/", f"{base}/zh-hant/feeds/atom/", f"{base}/feeds/organ/{page.publisher_id}/rss/",
        f"{base}/sitemap.xml",
    ):  # fmt: skip
        assert url in purged, (url, sorted(set(purged)))


def test_moving_purges_the_old_and_the_new_addresses(purged, entry, django_user_model):
    catalog, page = entry
    other = factories.add_child(catalog.get_parent(), CatalogIndexPage(title="历史目录", slug="lishi"))
    purged.clear()
    page.move(other, pos="last-child")
    assert f"http://localhost{catalog.url}shoufei/" in purged and "http://localhost/lishi/shoufei/" in purged


def test_a_view_restriction_purges_everything_under_it(purged, entry):
    catalog, page = entry
    purged.clear()
    PageViewRestriction.objects.create(page=catalog, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert f"http://localhost{catalog.url}shoufei/" in purged and f"http://localhost{catalog.url}" in purged


def test_public_responses_say_how_long_a_front_end_cache_may_keep_them(purged, entry, client, settings):
    settings.DISCLOSURE_FRONTEND_CACHE_SECONDS = 120
    _catalog, page = entry
    response = client.get(page.url)
    assert "s-maxage=120" in response["Cache-Control"] and "public" in response["Cache-Control"]


def test_without_a_front_end_cache_nothing_says_it_may_be_kept(entry, client):
    _catalog, page = entry
    assert "s-maxage" not in client.get(page.url).get("Cache-Control", "")


def test_a_page_seen_with_a_session_is_never_offered_to_a_front_end_cache(purged, entry, client):
    """A session may hold a page password: what it sees must not be cached for everyone."""
    _catalog, page = entry
    client.cookies["sessionid"] = "x"
    assert "s-maxage" not in client.get(page.url).get("Cache-Control", "")


def test_a_restricted_section_costs_the_same_queries_for_few_or_many_entries(purged, entry):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from disclosure_pages.public_cache.frontend import subtree, urls_showing

    catalog, _page = entry

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            urls_showing(subtree(catalog))
        return len(queries)

    few = count()
    for n in range(15):
        factories.entry(catalog, title=f"条目{n}", slug=f"tiaomu-{n}")
    assert count() == few
