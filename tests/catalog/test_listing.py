"""The catalog index: newest first, filters for every dimension, paging with a fixed query count."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from disclosure_pages.models import Dimension, DisclosureMode
from disclosure_pages.moderation.guard import UnreviewedPublication
from tests import factories

pytestmark = pytest.mark.django_db

# Wagtail's routing (site, locale, the route's pages, alias and view-restriction checks)
# takes about half; the listing takes terms, organs, years, count and one page of rows;
# the layout takes the site settings, breadcrumbs and the portal's sections.
QUERY_BUDGET = 22


def _entries(catalog, count: int, **fields):
    return [
        factories.entry(catalog, publish_date=datetime.date(2020 + i % 5, 1 + i % 12, 1 + i % 28), **fields)
        for i in range(count)
    ]


def _queries_for(client, url: str) -> int:
    client.get(url)  # warm per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_query_count_does_not_grow_with_page_size(client, catalog):
    _entries(
        catalog,
        30,
        topic_category=factories.term(Dimension.TOPIC, "政务公开"),
        genre_category=factories.term(Dimension.GENRE, "通知"),
    )
    small = _queries_for(client, catalog.url + "?page_size=3")
    large = _queries_for(client, catalog.url + "?page_size=30")
    filtered = _queries_for(client, catalog.url + f"?page_size=30&genre={factories.term(Dimension.GENRE, '通知').pk}")
    assert small == large == filtered
    assert large <= QUERY_BUDGET, f"{large} queries for one catalog page"


def test_newest_first_and_paginated(client, catalog):
    old = factories.entry(catalog, title="旧文件", publish_date=datetime.date(2008, 2, 20))
    new = factories.entry(catalog, title="新文件", publish_date=datetime.date(2025, 3, 1))
    response = client.get(catalog.url + "?page_size=1")
    page = response.context["entries_page"]
    assert list(page.object_list) == [new]
    assert page.paginator.num_pages == 2
    response = client.get(catalog.url + "?page_size=1&page=2")
    assert list(response.context["entries_page"].object_list) == [old]
    # A page past the end, or nonsense, gives the nearest valid page, not an error.
    for bad in ("999", "-1", "abc", "1e9", "%00"):
        assert client.get(catalog.url + f"?page_size=1&page={bad}").status_code == 200


def test_filters_for_every_dimension_organ_and_year(client, catalog, org):
    edu = factories.term(Dimension.TOPIC, "教育")
    finance = factories.term(Dimension.TOPIC, "财政")
    citizens = factories.term(Dimension.AUDIENCE, "公民")
    other_org = factories.organisation("安庆市教育局", "003110555")
    a = factories.entry(
        catalog,
        title="教育文件",
        topic_category=edu,
        assembled_category=factories.term(Dimension.ASSEMBLED, "决策"),
        genre_category=factories.term(Dimension.GENRE, "意见"),
        format_category=factories.term(Dimension.FORMAT, "PDF"),
        publisher=other_org,
        publish_date=datetime.date(2023, 9, 1),
    )
    a.audience_categories.set([citizens])
    factories.publish(a)
    b = factories.entry(catalog, title="财政文件", topic_category=finance, publish_date=datetime.date(2024, 1, 5))

    def listed(query: str) -> set[str]:
        response = client.get(catalog.url + "?" + query)
        assert response.status_code == 200
        return {e.title for e in response.context["entries_page"].object_list}

    assert listed(f"topic={edu.pk}") == {"教育文件"}
    assert listed(f"topic={edu.parent_id}") == {"教育文件"}  # top level finds sub-topics
    assert listed(f"audience={citizens.pk}") == {"教育文件"}
    assert listed(f"assembled={a.assembled_category_id}") == {"教育文件"}
    assert listed(f"genre={a.genre_category_id}") == {"教育文件"}
    assert listed(f"format={a.format_category_id}") == {"教育文件"}
    assert listed(f"organ={other_org.pk}") == {"教育文件"}
    assert listed(f"organ={org.pk}") == {"财政文件"}
    assert listed("year=2024") == {"财政文件"}
    assert listed(f"year=2023&topic={finance.pk}") == set()
    assert b.title in listed("")


@pytest.mark.parametrize(
    "query",
    ["topic=abc", "topic=999999", "genre=-1", "year=20x4", "year=1800", "organ=%27%20OR%201=1", "topic=１２", "page_size=0"],
)
def test_bad_filter_values_are_ignored_with_a_message(client, catalog, query):
    factories.entry(catalog, title="唯一条目")
    response = client.get(catalog.url + "?" + query)
    assert response.status_code == 200
    assert {e.title for e in response.context["entries_page"].object_list} == {"唯一条目"}
    if not query.startswith("page_size"):
        assert response.context["filters"].problems


def test_a_term_of_another_dimension_is_not_accepted(client, catalog):
    factories.entry(catalog)
    genre = factories.term(Dimension.GENRE, "通知")
    response = client.get(catalog.url + f"?topic={genre.pk}")
    assert response.context["filters"].problems


def test_drafts_and_withheld_entries_are_never_listed(client, catalog):
    factories.entry(catalog, title="公开条目")
    factories.entry(catalog, title="草稿条目", publish=False)
    withheld = factories.entry(catalog, title="依申请条目", disclosure_mode=DisclosureMode.ON_APPLICATION, publish=False)
    with pytest.raises(UnreviewedPublication):
        factories.publish(withheld)
    response = client.get(catalog.url)
    titles = {e.title for e in response.context["entries_page"].object_list}
    assert titles == {"公开条目"}
    assert "草稿条目" not in response.content.decode()
