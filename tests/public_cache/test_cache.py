"""Citizens' pages come from the cache, and no change citizens could see outlives it (issue 13)."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from disclosure_pages.models import (
    CatalogEntryAttachment,
    CatalogEntryPage,
    CatalogIndexPage,
    ContentGeneration,
    Organisation,
)
from disclosure_pages.moderation.passes import publication_pass
from disclosure_pages.public_cache.middleware import HEADER
from disclosure_pages.visibility import DisclosureMode
from tests import factories
from tests.moderation.test_guard import make_document

pytestmark = pytest.mark.django_db

TITLE = "关于公布2024年度行政事业性收费目录的通知"


def generation() -> int:
    return ContentGeneration.objects.get(pk=1).value


@pytest.fixture
def catalog(portal):
    return factories.section(portal, CatalogIndexPage)


@pytest.fixture
def entry(catalog):
    page = factories.entry(catalog, publish=False, title=TITLE)
    page.attachments.add(CatalogEntryAttachment(document=make_document("收费目录"), title="收费目录清单"))
    return factories.publish(page)


def fetch(client, url: str):
    response = client.get(url)
    return response, response.content.decode()


def cached(client, *urls: str) -> None:
    """Each URL answered twice; the second comes from the cache."""
    for url in urls:
        first = client.get(url)
        assert first.status_code == 200 and first[HEADER] == "miss", url
        assert client.get(url)[HEADER] == "hit", url


def test_a_second_visit_is_one_query_and_the_same_page(client, entry):
    first, html = fetch(client, entry.url)
    with CaptureQueriesContext(connection) as queries:
        second, again = fetch(client, entry.url)
    assert second[HEADER] == "hit" and again == html
    assert len(queries) == 1  # the content generation
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_editors_and_sessions_are_never_answered_from_it(client, entry, superuser):
    cached(client, entry.url)
    client.cookies["sessionid"] = "x"  # a page password, a message, a login: anything personal
    assert HEADER not in client.get(entry.url)
    del client.cookies["sessionid"]
    client.force_login(superuser)
    response = client.get(entry.url)
    assert response.status_code == 200 and HEADER not in response


def test_a_draft_leaves_it_alone(client, entry):
    cached(client, entry.url)
    before = generation()
    entry.title = "草稿标题"
    entry.save_revision()
    assert generation() == before
    response, html = fetch(client, entry.url)
    assert response[HEADER] == "hit" and "草稿标题" not in html


def assert_withdrawn(client, entry_url: str, catalog_url: str, status: int = 404) -> None:
    response = client.get(entry_url)
    assert response.get(HEADER) != "hit", entry_url
    assert response.status_code == status and TITLE not in response.content.decode()
    assert TITLE not in client.get(catalog_url).content.decode()


def test_unpublishing(client, entry, catalog):
    cached(client, entry.url, catalog.url)
    entry.unpublish()
    assert_withdrawn(client, entry.url, catalog.url)


def test_unpublishing_by_the_orm(client, entry, catalog):
    cached(client, entry.url, catalog.url)
    Page.objects.filter(pk=entry.pk).update(live=False)
    assert_withdrawn(client, entry.url, catalog.url)


def test_unpublishing_by_sql(client, entry, catalog):
    cached(client, entry.url, catalog.url)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE wagtailcore_page SET live = %s WHERE id = %s", [False, entry.pk])
    assert_withdrawn(client, entry.url, catalog.url)


def test_a_changed_disclosure_decision(client, entry, catalog):
    """Written as only a reviewed publication may write a live page's content (with its pass)."""
    cached(client, entry.url, catalog.url)
    with publication_pass(entry.pk):
        CatalogEntryPage.objects.filter(pk=entry.pk).update(disclosure_mode=DisclosureMode.WITHHELD)
    assert_withdrawn(client, entry.url, catalog.url)


def test_a_new_view_restriction(client, entry, catalog):
    cached(client, entry.url, catalog.url)
    PageViewRestriction.objects.create(page=catalog, restriction_type=PageViewRestriction.PASSWORD, password="x")
    response = client.get(entry.url)
    assert TITLE not in response.content.decode()


def test_moving_under_a_restricted_section(client, entry, catalog, portal):
    closed = factories.add_child(portal, CatalogIndexPage(title="内部目录", slug="neibu"))
    PageViewRestriction.objects.create(page=closed, restriction_type=PageViewRestriction.PASSWORD, password="x")
    cached(client, entry.url, catalog.url)
    old_url = entry.url
    entry.move(closed, pos="last-child")
    assert TITLE not in client.get(old_url, follow=True).content.decode()  # Wagtail redirects the old URL
    assert TITLE not in client.get(catalog.url).content.decode()
    assert TITLE not in client.get(Page.objects.get(pk=entry.pk).url).content.decode()


def test_deleting(client, entry, catalog):
    cached(client, entry.url, catalog.url)
    entry.delete()
    assert_withdrawn(client, entry.url, catalog.url)


def test_replacing_a_file(client, entry):
    """A file a live page shows is replaced by a reviewed publication (the guard refuses any other way)."""
    cached(client, entry.url)
    entry.attachments.clear()
    entry.attachments.add(CatalogEntryAttachment(document=make_document("收费目录（更正）"), title="收费目录清单（更正）"))
    factories.publish(entry)
    response, html = fetch(client, entry.url)
    assert response[HEADER] == "miss" and "收费目录清单（更正）" in html


def test_a_response_that_sets_a_cookie_is_not_kept(client, entry, settings):
    cache.clear()
    response = client.get("/search/?q=收费")
    assert HEADER not in response  # not marked public
    assert client.get(entry.url)[HEADER] == "miss"


def test_a_failing_cache_costs_speed_never_the_page(client, entry, settings):
    settings.CACHES = {
        **settings.CACHES,
        "down": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"},
    }
    settings.DISCLOSURE_PUBLIC_CACHE_ALIAS = "down"
    for _ in range(2):
        response = client.get(entry.url)
        assert response.status_code == 200 and TITLE in response.content.decode()


def test_each_language_has_its_own_copy(client, entry):
    cached(client, entry.url)
    response = client.get("/zh-hant" + entry.url)
    assert response[HEADER] == "miss" and 'lang="zh-Hant"' in response.content.decode()


def test_views_that_give_no_public_copy_cost_no_query(client, entry):
    with CaptureQueriesContext(connection) as queries:
        client.get("/api/search/?q=收费")
    assert not any("public_cache_generation" in query["sql"] for query in queries.captured_queries)


def test_each_change_draws_a_new_token(entry):
    """Copies are keyed by the token: a database counted again from scratch (or restored) repeats
    the counts, never the tokens, so a shared cache's old copies are never found."""
    seen = {ContentGeneration.objects.get(pk=1).token}
    for n in range(3):  # an organisation's name: every page of it shows the name
        Organisation.objects.filter(pk=entry.publisher_id).update(short_name=f"办公室{n}")
        seen.add(ContentGeneration.objects.get(pk=1).token)
    assert len(seen) == 4 and all(len(token) == 32 for token in seen)
