"""The catalog index: newest first, filters for every dimension, paging with a fixed query count.

The filters' parsing is checked without the database; the pages share one portal per
module (tests/conftest.py ``module_portal``), since a portal takes about a second to build.
"""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from disclosure_pages.catalog.listing import CatalogFilterSet, page_size_from
from disclosure_pages.models import (
    CatalogEntryPage,
    CatalogIndexPage,
    ClassificationTerm,
    Dimension,
    DisclosureMode,
    Organisation,
)
from disclosure_pages.moderation.guard import UnreviewedPublication
from tests import factories

# Wagtail's routing (site, locale, the route's pages, alias and view-restriction checks)
# takes about half; the listing takes terms, organs, years, count and one page of rows;
# the layout takes the site settings, breadcrumbs and the portal's sections.
QUERY_BUDGET = 22


# ----------------------------------------------------------------------------- parsing (no database)

TOPIC = ClassificationTerm(pk=1, dimension=Dimension.TOPIC, name="综合政务")
SUB_TOPIC = ClassificationTerm(pk=12, dimension=Dimension.TOPIC, name="政务公开", parent=TOPIC)
GENRE = ClassificationTerm(pk=30, dimension=Dimension.GENRE, name="通知")
ORGAN = Organisation(pk=7, name="安庆市人民政府办公室", code="003110926")


def _filters(query: str) -> CatalogFilterSet:
    return CatalogFilterSet(
        QueryDict(query), CatalogEntryPage.objects.none(), terms=[TOPIC, SUB_TOPIC, GENRE], organisations=[ORGAN]
    )


def test_good_filter_values_are_looked_up_among_the_loaded_choices():
    filters = _filters("topic=12&genre=%2030%20&organ=7&year=2024")
    assert filters.problems == []
    assert filters.value("topic") is SUB_TOPIC and filters.value("genre") is GENRE
    assert filters.value("organ") is ORGAN and filters.value("year") == 2024
    assert [filters.selected(name) for name in ("topic", "organ", "year", "format")] == ["12", "7", "2024", ""]
    assert filters.active and not _filters("").active


@pytest.mark.parametrize(
    ("query", "problem"),
    [
        ("topic=abc", "分类参数无效，已忽略。"),
        ("topic=999999", "所选分类不存在，已忽略。"),
        ("topic=30", "所选分类不存在，已忽略。"),  # a term of another dimension
        ("topic=１２", "分类参数无效，已忽略。"),  # full-width digits are not a number in a URL
        ("genre=-1", "分类参数无效，已忽略。"),
        ("audience=" + "9" * 400, "分类参数无效，已忽略。"),
        ("organ=%27%20OR%201=1", "发布机构参数无效，已忽略。"),
        ("organ=8", "所选发布机构不存在，已忽略。"),
        ("year=20x4", "年份参数无效，已忽略。"),
        ("year=1800", "年份超出范围，已忽略。"),
        ("year=3000", "年份超出范围，已忽略。"),
        ("year=%00", "年份参数无效，已忽略。"),
    ],
)
def test_bad_filter_values_are_explained(query, problem):
    assert _filters(query).problems == [problem]


def test_problems_come_in_the_order_of_the_form():
    assert _filters("year=x&organ=x&topic=x&genre=x").problems == [
        "分类参数无效，已忽略。",
        "分类参数无效，已忽略。",
        "发布机构参数无效，已忽略。",
        "年份参数无效，已忽略。",
    ]


@pytest.mark.parametrize(("value", "size"), [("", 20), ("0", 20), ("abc", 20), ("1e9", 20), ("7", 7), ("5000", 100)])
def test_page_size_defaults_and_caps(value, size):
    assert page_size_from(QueryDict(f"page_size={value}")) == size


# ----------------------------------------------------------------------------- pages


@pytest.fixture(scope="module")
def module_catalogs(module_portal, django_db_blocker) -> dict[str, int]:
    """The shared portal's catalog, and a second catalog holding one entry."""
    with django_db_blocker.unblock():
        catalog = factories.section(module_portal, CatalogIndexPage)
        single = factories.add_child(module_portal, CatalogIndexPage(title="单条目录", slug="single"))
        factories.entry(single, title="唯一条目")
    return {"catalog": catalog.pk, "single": single.pk}


@pytest.fixture
def catalog(db, module_catalogs) -> CatalogIndexPage:
    """A fresh instance for each test (treebeard counts children on the instance)."""
    return CatalogIndexPage.objects.get(pk=module_catalogs["catalog"])


@pytest.fixture
def single(db, module_catalogs) -> CatalogIndexPage:
    return CatalogIndexPage.objects.get(pk=module_catalogs["single"])


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
        8,
        topic_category=factories.term(Dimension.TOPIC, "政务公开"),
        genre_category=factories.term(Dimension.GENRE, "通知"),
    )
    small = _queries_for(client, catalog.url + "?page_size=2")
    large = _queries_for(client, catalog.url + "?page_size=8")
    filtered = _queries_for(client, catalog.url + f"?page_size=8&genre={factories.term(Dimension.GENRE, '通知').pk}")
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
def test_bad_filter_values_are_ignored_with_a_message(client, single, query):
    response = client.get(single.url + "?" + query)
    assert response.status_code == 200
    assert {e.title for e in response.context["entries_page"].object_list} == {"唯一条目"}
    if not query.startswith("page_size"):
        assert response.context["filters"].problems


def test_a_term_of_another_dimension_is_not_accepted(client, single):
    genre = factories.term(Dimension.GENRE, "通知")
    response = client.get(single.url + f"?topic={genre.pk}")
    assert response.context["filters"].problems == ["所选分类不存在，已忽略。"]


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
