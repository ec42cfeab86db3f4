"""The public search page and JSON API: results, filters, sort, paging, scripts, failures, hostile input."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from disclosure_pages.models import CatalogIndexPage
from disclosure_pages.taxonomy.models import Dimension
from disclosure_search.results import MAX_PAGE_SIZE
from tests import factories

pytestmark = pytest.mark.django_db


def _body(text: str) -> list[tuple[str, str]]:
    return [("paragraph", f"<p>{text}</p>")]


@pytest.fixture(scope="module")
def module_entries(module_portal, django_db_blocker):
    with django_db_blocker.unblock():
        catalog = factories.section(module_portal, CatalogIndexPage)
        other = factories.organisation(name="安庆市财政局", code="003110927")
        old = factories.entry(
            catalog, title="关于做好政府信息公开工作的通知", publish_date=datetime.date(2021, 3, 1),
            body=_body("各单位要认真落实政府信息公开条例，<b>依法</b>做好信息公开工作。"),
            genre_category=factories.term(Dimension.GENRE, "通知"),
        )
        new = factories.entry(
            catalog, title="2024年财政预算信息公开", publish_date=datetime.date(2024, 5, 6), publisher=other,
            body=_body("财政预算按规定向社会公开。"),
        )
    return old, new, other


@pytest.fixture
def entries(db, module_entries):
    """(old, new, other), built once for the module: read them, do not change them."""
    return module_entries


def _titles(response) -> list[str]:
    return [r["title"] for r in response.json()["results"]]


def test_page_shows_results_with_metadata_and_marks(client, entries):
    old, _new, _other = entries
    response = client.get("/search/", {"q": "信息公开", "sort": "date", "type": "catalogentrypage"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "共找到 2 条信息" in html
    assert old.index_number in html and "安庆市人民政府办公室" in html and "2021年3月1日" in html
    assert "<mark>信息公开</mark>" in html
    assert "&lt;b&gt;" not in html  # rich text is flattened, not escaped markup
    assert 'role="search"' in html  # the header box


def test_api_filters_sort_and_pagination(client, entries):
    old, new, other = entries
    response = client.get("/api/search/", {"q": "信息公开", "sort": "date", "type": "catalogentrypage"})
    data = response.json()
    assert data["count"] == 2 and _titles(response) == [new.title, old.title]
    first = data["results"][0]
    assert set(first) >= {"title", "url", "type", "index_number", "publisher", "published", "snippet"}
    assert first["publisher"] == "安庆市财政局" and first["published"] == "2024-05-06"
    assert first["url"].startswith("http://")
    assert _titles(client.get("/api/search/", {"q": "信息公开", "organ": other.pk})) == [new.title]
    assert _titles(client.get("/api/search/", {"q": "信息公开", "year": 2021})) == [old.title]
    genre = factories.term(Dimension.GENRE, "通知").pk
    assert _titles(client.get("/api/search/", {"q": "信息公开", "genre": genre})) == [old.title]
    assert _titles(client.get("/api/search/", {"q": "信息公开", "type": "catalogentrypage", "year": 2024})) == [new.title]
    page2 = client.get("/api/search/", {"q": "信息公开", "sort": "date", "page_size": 1, "page": 2, "type": "catalogentrypage"}).json()
    assert page2["count"] == 2 and page2["page"] == 2 and [r["title"] for r in page2["results"]] == [old.title]
    big = client.get("/api/search/", {"q": "信息公开", "page_size": 5000}).json()
    assert big["page_size"] == MAX_PAGE_SIZE
    bad = client.get("/api/search/", {"q": "财政预算", "organ": "abc", "year": "99999", "type": "nope"}).json()
    assert bad["count"] == 1 and len(bad["notices"]) == 3


def test_zh_hant_query_finds_simplified_page_with_traditional_snippet(client, entries):
    old, _new, _other = entries
    response = client.get("/zh-hant/search/", {"q": "資訊公開", "type": "catalogentrypage", "year": 2021})
    assert response.status_code == 200
    html = response.content.decode()
    assert old.index_number in html and "工作的通知" in html
    assert "<mark>信息公開</mark>" in html and "條例" in html  # Traditional snippet


def test_nothing_found_gives_advice(client, entries):
    html = client.get("/search/", {"q": "量子纠缠", "year": 2021}).content.decode()
    assert "没有找到符合条件的信息" in html and "繁体字" in html and "去掉筛选条件" in html


def test_drafts_never_reach_page_api_or_counts(client, catalog):
    entry = factories.entry(catalog, title="关于防汛值班的通知")
    entry.body = _body("草稿秘密词火山口")
    entry.save_revision()
    factories.entry(catalog, title="火山口草稿条目", publish=False)
    assert client.get("/api/search/", {"q": "火山口"}).json()["count"] == 0
    assert "火山口草稿条目" not in client.get("/search/", {"q": "火山口"}).content.decode()


def test_degraded_when_backend_is_down(client, entries):
    broken = {
        "default": {"BACKEND": "wagtail.search.backends.elasticsearch8", "URLS": ["http://127.0.0.1:1"], "TIMEOUT": 1},
        "database": {"BACKEND": "wagtail.search.backends.database"},
    }
    with override_settings(WAGTAILSEARCH_BACKENDS=broken):
        data = client.get("/api/search/", {"q": "财政预算"}).json()
        page = client.get("/search/", {"q": "财政预算"})
    assert data["degraded"] is True and data["count"] == 1
    assert page.status_code == 200 and "备用检索" in page.content.decode()


def test_long_query_is_truncated_with_notice(client, entries):
    data = client.get("/api/search/", {"q": "信息公开" + "啊" * 10_000}).json()
    assert any("过长" in n for n in data["notices"])


@pytest.mark.parametrize(
    "query",
    ['信息 AND 公开', 'NEAR(信息 公开)', '"信息', '公开*', '^信息', 'title:信息', '((信息', '信息)', "'; DROP", '%s %d',
     "\x00信息\x00", "😀信息公开🎉", "", "   ", "!!!", "NOT", "a" * 300],
)
def test_fts_operators_and_odd_input_are_plain_words(client, entries, query):
    assert client.get("/search/", {"q": query}).status_code == 200
    assert client.get("/api/search/", {"q": query}).status_code == 200


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=80), page=st.text(max_size=4))
def test_hypothesis_never_500(client, entries, query, page):
    for url in ("/search/", "/api/search/"):
        response = client.get(url, {"q": query, "page": page, "page_size": page, "year": page})
        assert response.status_code == 200


def test_query_count_does_not_grow_with_page_size(client, catalog):
    for n in range(6):
        factories.entry(catalog, title=f"关于信息公开的第{n}号通知")

    def queries(size: int) -> int:
        params = {"q": "信息公开", "page_size": size, "type": "catalogentrypage"}
        client.get("/search/", params)  # warm caches
        with CaptureQueriesContext(connection) as ctx:
            response = client.get("/search/", params)
        assert response.status_code == 200
        return len(ctx.captured_queries)

    small, large = queries(2), queries(6)
    assert small == large, (small, large)
    # The leading guide adds one query; ranking, the window's count and the facet counts are one.
    # PostgreSQL adds the query text's parse and the planner setting, in a savepoint of their own.
    budget = {"postgresql": 24}.get(connection.vendor, 19)
    assert large <= budget, f"{large} queries for one results page"


def _facet(data: dict, param: str) -> dict[str, int]:
    facet = next((f for f in data["facets"] if f["param"] == param), {"values": []})
    return {v["label"]: v["count"] for v in facet["values"]}


def test_facet_counts_cover_every_match_in_the_api_and_the_page(client, entries):
    old, new, other = entries
    data = client.get("/api/search/", {"q": "信息公开", "page_size": 1}).json()
    assert data["count"] == 2 and len(data["results"]) == 1  # counts cover all matches, not the page
    assert _facet(data, "organ") == {"安庆市人民政府办公室": 1, "安庆市财政局": 1}
    assert _facet(data, "year") == {"2021": 1, "2024": 1}
    assert _facet(data, "type") == {"目录条目": 2}
    assert _facet(data, "genre") == {"通知": 1}
    by_date = client.get("/api/search/", {"q": "信息公开", "page_size": 1, "sort": "date"}).json()
    assert by_date["facets"] == data["facets"]  # the same counts, whatever the order
    # Narrowed: counts follow the filter, and the chosen value says so.
    narrowed = client.get("/api/search/", {"q": "信息公开", "organ": other.pk}).json()
    assert _facet(narrowed, "year") == {"2024": 1}
    organ = next(f for f in narrowed["facets"] if f["param"] == "organ")
    assert [(v["label"], v["selected"]) for v in organ["values"]] == [("安庆市财政局", True)]

    html = client.get("/search/", {"q": "信息公开"}).content.decode()
    assert 'class="search-facets"' in html and "按分类查看检索结果" in html
    assert f'organ={other.pk}">安庆市财政局</a>' in html.replace("&amp;", "&")
    assert '<span aria-current="page">信息检索</span>' in html  # breadcrumbs


def test_hits_show_the_document_number(client, entries):
    old, _new, _other = entries
    data = client.get("/api/search/", {"q": "信息公开", "type": "catalogentrypage"}).json()
    assert {r["title"]: r["doc_number"] for r in data["results"]}[old.title] == old.doc_number
    if old.doc_number:
        assert old.doc_number in client.get("/search/", {"q": "信息公开"}).content.decode()


def test_facets_never_count_what_citizens_may_not_see(client, catalog):
    factories.entry(catalog, title="关于防汛物资储备的通知")
    factories.entry(catalog, title="关于防汛物资储备的内部意见", publish=False)
    data = client.get("/api/search/", {"q": "防汛物资"}).json()
    assert data["count"] == 1 and _facet(data, "type") == {"目录条目": 1}


def test_a_query_beyond_the_count_limit_says_more_than(client, entries):
    with override_settings(DISCLOSURE_SEARCH_RANK_WINDOW=1, DISCLOSURE_SEARCH_COUNT_LIMIT=1):
        data = client.get("/api/search/", {"q": "信息公开"}).json()
        page = client.get("/search/", {"q": "信息公开"}).content.decode()
    assert data["count"] == 1 and data["count_is_exact"] is False and data["num_pages"] == 1
    assert "“信息公开”找到超过 1 条信息" in page
    exact = client.get("/api/search/", {"q": "信息公开"}).json()
    assert exact["count"] == 2 and exact["count_is_exact"] is True


def test_a_broad_query_counts_its_facets_among_the_newest_and_says_so(client, entries):
    old, new, other = entries
    with override_settings(DISCLOSURE_SEARCH_RANK_WINDOW=1):
        data = client.get("/api/search/", {"q": "信息公开"}).json()
    assert data["count"] == 2  # the count stays exact
    assert _facet(data, "organ") == {"安庆市财政局": 1}  # the newest match only
    assert any("分类统计只计算了最新发布的 1 条结果" in notice for notice in data["notices"])
