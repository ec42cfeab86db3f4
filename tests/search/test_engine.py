"""The embedded engine (SQLite and PostgreSQL): its index holds only what citizens may read, by any write path.

The database triggers of disclosure_search/migrations/0003 (SQLite) and 0004 (PostgreSQL) are tested with writes that skip
Python entirely (``QuerySet.update``, ``bulk_create``, raw SQL), since those are the
paths the signals cannot see. Ranking, the relevance window, date order and the
defence against a stale row go through the public search service.
"""

from __future__ import annotations

import datetime
import re

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.test import override_settings
from wagtail.models import PageViewRestriction

from disclosure_pages.models import CatalogEntryPage, DisclosureMode
from disclosure_pages.page_text import page_text
from disclosure_pages.pagebase import BasePage
from disclosure_pages.text.segment import forget, remembered
from disclosure_search import engine, parallel
from disclosure_search.filters import SearchFilterSet
from disclosure_search.models import SearchDocument
from disclosure_search.retrieval import uses_engine
from disclosure_search.service import search_pages
from tests import factories

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor not in {"sqlite", "postgresql"}, reason="no embedded engine here"),
]
sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="compares with Wagtail's SQLite backend")


def _body(text: str) -> list[tuple[str, str]]:
    return [("paragraph", f"<p>{text}</p>")]


def _documented(*pages) -> set[int]:
    return set(SearchDocument.objects.filter(page_id__in=[p.pk for p in pages]).values_list("page_id", flat=True))


def test_public_search_runs_on_the_engine(catalog):
    assert uses_engine("default")
    entry = factories.entry(catalog, title="关于防汛抗旱工作的通知", publish_date=datetime.date(2024, 6, 2))
    document = SearchDocument.objects.get(page_id=entry.pk)
    assert engine.page_id(document.sort_key) == entry.pk
    assert document.sort_key >> 32 == datetime.date(2024, 6, 2).toordinal()
    assert {"防汛", "抗旱", "通知"} <= set(document.title.split())
    assert [hit.page.pk for hit in search_pages("防汛抗旱").hits] == [entry.pk]


def test_drafts_never_get_a_row_even_by_raw_insert(catalog):
    draft = factories.entry(catalog, publish=False, title="机密草稿")
    assert not _documented(draft)
    with pytest.raises(IntegrityError, match="only live, public"), transaction.atomic():
        SearchDocument.objects.create(
            page_id=draft.pk,
            sort_key=engine.sort_key(draft),
            content_type_id=draft.content_type_id,
            title="机密",
            body="",
        )


def test_unpublishing_by_queryset_update_drops_the_row(catalog):
    entry = factories.entry(catalog, title="关于安全生产的通知")
    assert _documented(entry)
    BasePage.objects.filter(pk=entry.pk).update(live=False)  # no signal fires
    assert not _documented(entry)
    assert search_pages("安全生产").count == 0


def test_a_changed_disclosure_decision_drops_the_row(catalog):
    from disclosure_pages.moderation.passes import publication_pass

    entry = factories.entry(catalog, title="关于征地补偿的通知")
    # The confidentiality triggers refuse this write on a live page without a pass; the
    # index's own trigger must still drop the row if such a write ever gets through.
    with publication_pass(entry.pk):
        CatalogEntryPage.objects.filter(pk=entry.pk).update(disclosure_mode=DisclosureMode.ON_APPLICATION)
    assert not _documented(entry)


def test_a_restriction_written_without_signals_drops_the_whole_branch(catalog):
    first = factories.entry(catalog, title="关于垃圾分类的通知")
    second = factories.entry(catalog, title="关于垃圾分类的公告")
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=catalog, restriction_type=PageViewRestriction.PASSWORD, password="x")]
    )
    assert not _documented(first, second)
    assert search_pages("垃圾分类").count == 0


def test_moving_under_a_restricted_page_by_raw_sql_drops_the_row(portal, catalog):
    from disclosure_pages.models import CatalogIndexPage

    entry = factories.entry(catalog, title="关于养老服务的通知")
    closed = factories.section(portal, CatalogIndexPage)
    PageViewRestriction.objects.create(page=closed, restriction_type=PageViewRestriction.PASSWORD, password="x")
    BasePage.objects.filter(pk=entry.pk).update(path=closed.path + "0099")
    assert not _documented(entry)


def test_deleting_the_page_deletes_the_row(catalog):
    entry = factories.entry(catalog, title="关于营商环境的通知")
    BasePage.objects.get(pk=entry.pk).delete()
    assert not SearchDocument.objects.filter(page_id=entry.pk).exists()


_ON_PAGE = {"sqlite": "", "postgresql": " ON wagtailcore_page"}
_OFFLINE_TRIGGER = {
    "sqlite": "CREATE TRIGGER disclosure_search_page_offline AFTER UPDATE OF live ON wagtailcore_page "
    "FOR EACH ROW WHEN NOT NEW.live BEGIN DELETE FROM disclosure_search_searchdocument WHERE page_id = NEW.id; END",
    "postgresql": "CREATE TRIGGER disclosure_search_page_offline AFTER UPDATE OF live ON wagtailcore_page "
    "FOR EACH ROW WHEN (NOT NEW.live) EXECUTE FUNCTION disclosure_search_drop_page('id')",
}


def test_a_stale_row_is_never_shown_or_counted_and_is_removed(catalog):
    public = factories.entry(catalog, title="关于乡村振兴的通知")
    hidden = factories.entry(catalog, title="关于乡村振兴的内部意见")
    # Simulate a row the triggers would never allow: lift them for one write.
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER disclosure_search_page_offline" + _ON_PAGE[connection.vendor])
        BasePage.objects.filter(pk=hidden.pk).update(live=False)
        assert _documented(hidden)
        results = search_pages("乡村振兴")
        assert [hit.page.pk for hit in results.hits] == [public.pk]
        assert results.count == 1
        assert not _documented(hidden)
        cursor.execute(_OFFLINE_TRIGGER[connection.vendor])


def test_date_sort_is_the_index_order(catalog):
    dates = [datetime.date(2019, 3, 1), datetime.date(2024, 1, 5), datetime.date(2021, 7, 9)]
    entries = [
        factories.entry(catalog, title=f"关于行政许可事项的通知{n}", publish_date=d) for n, d in enumerate(dates)
    ]
    results = search_pages("行政许可", sort="date")
    assert [hit.page.pk for hit in results.hits] == [entries[1].pk, entries[2].pk, entries[0].pk]


def test_broad_queries_rank_the_newest_window_and_count_everything(catalog):
    old = factories.entry(
        catalog, title="关于行政处罚的通知", body=_body("行政处罚" * 5), publish_date=datetime.date(2010, 1, 1)
    )
    newer = [
        factories.entry(
            catalog,
            title=f"会议纪要{n}",
            body=_body(f"涉及行政处罚第{n}项"),
            publish_date=datetime.date(2020 + n, 1, 1),
        )
        for n in range(3)
    ]
    ranked_all = search_pages("行政处罚", page_size=2)
    assert ranked_all.hits[0].page.pk == old.pk  # the title match ranks first without a window

    with override_settings(DISCLOSURE_SEARCH_RANK_WINDOW=2):
        first = search_pages("行政处罚", page_size=2)
        second = search_pages("行政处罚", page_size=2, page=2)
    assert first.count == second.count == 4
    assert any("最新发布的 2 条" in notice for notice in first.notices)
    assert {hit.page.pk for hit in first.hits} == {newer[2].pk, newer[1].pk}
    assert [hit.page.pk for hit in second.hits] == [newer[0].pk, old.pk]


def test_counting_stops_at_the_count_limit_and_pages_end_there(catalog):
    for n in range(5):
        factories.entry(catalog, title=f"关于安全生产检查的通知{n}", publish_date=datetime.date(2020 + n, 1, 1))
    with override_settings(DISCLOSURE_SEARCH_RANK_WINDOW=2, DISCLOSURE_SEARCH_COUNT_LIMIT=3):
        first = search_pages("安全生产", page_size=2)
        last = search_pages("安全生产", page_size=2, page=9)  # beyond the last page: the last one
        by_date = search_pages("安全生产", page_size=2, page=2, sort="date")
    assert first.count == 3 and not first.count_is_exact and len(first.hits) == 2
    assert last.page == 2 and len(last.hits) == 1
    assert [hit.page.title[-1] for hit in by_date.hits] == ["2"]
    everything = search_pages("安全生产")
    assert everything.count == 5 and everything.count_is_exact


def test_the_lead_is_counted_once_up_to_the_count_limit(portal, catalog):
    factories.guide(portal, 2024)
    for n in range(5):
        factories.entry(catalog, title=f"政府信息公开工作要点{n}", publish_date=datetime.date(2020 + n, 1, 1))
    with override_settings(DISCLOSURE_SEARCH_RANK_WINDOW=2, DISCLOSURE_SEARCH_COUNT_LIMIT=5):
        exact = search_pages("信息公开", page_size=2)
    with override_settings(DISCLOSURE_SEARCH_RANK_WINDOW=2, DISCLOSURE_SEARCH_COUNT_LIMIT=4):
        stopped = search_pages("信息公开", page_size=2)
    assert (exact.count, exact.count_is_exact) == (6, True)  # the guide and all five entries
    assert (stopped.count, stopped.count_is_exact) == (5, False)  # the guide and the first four
    assert exact.hits[0].page.title == stopped.hits[0].page.title  # the guide leads both


def test_compacting_the_index_changes_no_answer(catalog):
    entries = [factories.entry(catalog, title=f"关于食品安全抽检的通告{n}") for n in range(3)]
    before = [hit.page.pk for hit in search_pages("食品安全").hits]
    engine.compact()  # inside the test's transaction: PostgreSQL only analyses (see test_compact.py)
    assert [hit.page.pk for hit in search_pages("食品安全").hits] == before
    assert sorted(before) == sorted(e.pk for e in entries)


def test_filters_narrow_the_engine_query(catalog):
    mine = factories.organisation("滨江市财政局", code="BJCZ")
    other = factories.organisation("滨江市教育局", code="BJJY")
    ours = factories.entry(catalog, title="关于财政预算公开的通知", publisher=mine)
    factories.entry(catalog, title="关于财政预算执行的通知", publisher=other)
    filters = SearchFilterSet.from_params({"organ": str(mine.pk)})
    results = search_pages("财政预算", filters=filters)
    assert results.count == 1 and [hit.page.pk for hit in results.hits] == [ours.pk]


def test_rebuilding_rewrites_every_row(catalog):
    entries = [factories.entry(catalog, title=f"关于医疗保险的通知{n}") for n in range(3)]
    draft = factories.entry(catalog, publish=False, title="关于医疗保险的草稿")
    SearchDocument.objects.all().delete()
    call_command("update_index", verbosity=0)
    assert _documented(*entries, draft) == {e.pk for e in entries}
    assert search_pages("医疗保险").count == 3


def test_worker_processes_cut_exactly_like_this_process(catalog, monkeypatch):
    entries = [
        factories.entry(catalog, title=f"關於資訊公開的通知{n}", body=_body(f"依申請公開第{n}號 保密審查"))
        for n in range(4)
    ]
    pages = list(CatalogEntryPage.objects.filter(pk__in=[e.pk for e in entries]))
    expected = [(p.search_title(), p.search_document()) for p in pages]
    forget()
    monkeypatch.setattr(parallel, "MIN_PAGES", 2)
    with override_settings(DISCLOSURE_SEARCH_INDEX_WORKERS=2):
        try:
            assert parallel.start(pages).finish() == 8
            assert all(remembered(page_text(p).body_text) for p in pages)
            assert [(p.search_title(), p.search_document()) for p in pages] == expected
        finally:
            parallel.shutdown()


def test_a_pipelined_pass_yields_each_chunk_already_cut_and_in_order(catalog, monkeypatch):
    entries = [factories.entry(catalog, title=f"关于河道管理的通知{n}", body=_body(f"河道采砂第{n}号")) for n in range(5)]
    pages = list(CatalogEntryPage.objects.filter(pk__in=[e.pk for e in entries]).order_by("pk"))
    forget()
    monkeypatch.setattr(parallel, "MIN_PAGES", 2)
    seen = []
    with override_settings(DISCLOSURE_SEARCH_INDEX_WORKERS=2):
        try:
            for chunk in parallel.pipelined(pages, size=2):
                assert all(remembered(page_text(p).body_text) for p in chunk)
                seen += chunk
        finally:
            parallel.shutdown()
    assert seen == pages


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's GIN pending lists")
def test_a_bulk_pass_merges_gin_pending_lists_seldom_and_compacting_merges_the_rest(catalog, monkeypatch):
    from modelsearch.backends import get_search_backend

    from disclosure_search.backends.postgres import BULK_PENDING_LIST_KB

    entries = [factories.entry(catalog, title=f"关于水利工程的通知{n}") for n in range(3)]
    pages = list(CatalogEntryPage.objects.filter(pk__in=[e.pk for e in entries]))
    monkeypatch.setattr(parallel, "MIN_PAGES", 2)
    backend = get_search_backend()

    def setting() -> str:
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_setting('gin_pending_list_limit')")
            return cursor.fetchone()[0]

    def merged_now() -> list[int]:
        """Pages each GIN index of Wagtail's table had pending (merging them as it answers)."""
        with connection.cursor() as cursor:
            return engine.merge_pending_lists(cursor, [engine._wagtail_index_table()])

    default = setting()
    with override_settings(DISCLOSURE_SEARCH_INDEX_WORKERS=0):
        backend.add_bulk(CatalogEntryPage, pages[:1])
        assert setting() == default  # one page is no bulk pass
        backend.add_bulk(CatalogEntryPage, pages)
        assert setting() == f"{BULK_PENDING_LIST_KB // 1024}MB"  # until the transaction ends
        engine.compact()
        after = merged_now()
        assert len(after) == 3 and not any(after)
    # The check can see pending entries: a new page's entry waits in the lists. (Indexing the
    # same pages again may write nothing to them: an update that changes no indexed value is
    # a heap-only update.)
    factories.entry(catalog, title="关于水利工程的通知（新）")
    assert any(merged_now())


def test_wagtail_entry_is_written_once_with_its_title_factor(catalog):
    from django.contrib.contenttypes.models import ContentType
    from wagtail.search.models import IndexEntry

    first = factories.entry(catalog, title="关于三公经费的通知", body=_body("三公经费预算"))
    second = factories.entry(catalog, title="关于公布三公经费决算情况的通知书", body=_body("三公经费决算"))
    content_type = ContentType.objects.get_for_model(CatalogEntryPage)
    rows = {
        int(row.object_id): row
        for row in IndexEntry.objects.filter(content_type=content_type, object_id__in=[str(first.pk), str(second.pk)])
    }
    # The body column holds the segmented text only (no unsegmented copy of the raw fields);
    # PostgreSQL stores it as a tsvector ('word':1,2).
    words = set(re.findall(r"'([^']+)'", rows[first.pk].body)) if connection.vendor == "postgresql" else None
    words = words if words is not None else set(rows[first.pk].body.split())
    assert "三公经费预算" not in words and {"三公经费", "预算"} <= words
    if connection.vendor == "sqlite":
        # Longer titles get the smaller factor, as Wagtail's own refresh would give them. (On
        # PostgreSQL a Chinese title is one lexeme of Wagtail's title vector: the factor is 1.)
        assert rows[second.pk].title_norm < rows[first.pk].title_norm


def _wagtail_and_ours():
    from modelsearch.backends import get_search_backend
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    return SQLiteSearchBackend({}), get_search_backend("default")


@sqlite_only
def test_admin_ranking_equals_wagtails_without_its_quadratic_query(catalog):
    from wagtail.models import Page

    for n in range(6):
        factories.entry(catalog, title=f"关于财政预算{'公开' * (n % 3)}的通知{n}", body=_body("财政 预算 " * (n + 1)))
    wagtail, ours = _wagtail_and_ours()
    for method in ("search", "autocomplete"):
        for query in ("财政", "预算", "关于", "通知 财政"):
            expected = getattr(wagtail, method)(query, Page.objects.all())
            found = getattr(ours, method)(query, Page.objects.all())
            assert [p.pk for p in found] == [p.pk for p in expected], (method, query)
            assert found.count() == expected.count()
            assert [p.pk for p in found[1:3]] == [p.pk for p in expected[1:3]]


@sqlite_only
def test_admin_results_past_the_ranked_ones_follow_newest_first(catalog, monkeypatch):
    from wagtail.models import Page

    from disclosure_search.backends import sqlite_query

    entries = [
        factories.entry(catalog, title=f"关于社会保险的通知{n}", body=_body("社会保险" * (n + 1))) for n in range(5)
    ]
    wagtail, ours = _wagtail_and_ours()
    monkeypatch.setattr(sqlite_query, "RANKED_LIMIT", 2)
    best = [p.pk for p in wagtail.search("社会保险", Page.objects.all())][:2]
    found = ours.search("社会保险", Page.objects.all())
    rest = sorted((e.pk for e in entries if e.pk not in best), reverse=True)
    assert [p.pk for p in found] == best + rest
    assert [p.pk for p in found[:2]] == best
    assert [p.pk for p in found[2:4]] == rest[:2]
    assert found.count() == 5


def test_the_admin_page_search_answers(catalog, admin_client):
    entry = factories.entry(catalog, title="关于养老服务补贴的通知")
    response = admin_client.get("/admin/pages/search/", {"q": "关于养老服务补贴的通知"})
    assert response.status_code == 200
    assert entry.title in response.content.decode()


def test_the_admin_finds_a_chinese_word_inside_a_title(catalog, admin_client):
    from wagtail.documents.models import Document

    entry = factories.entry(catalog, title="关于做好防汛抗旱工作的通知")
    other = factories.entry(catalog, title="关于优化营商环境的通知")
    response = admin_client.get("/admin/pages/search/", {"q": "防汛"})
    assert response.status_code == 200
    html = response.content.decode()
    assert entry.title in html and other.title not in html
    # The query as typed still matches text that is not segmented (a document's title).
    Document.objects.create(title="防汛预案全文")
    assert [d.title for d in Document.objects.search("防汛预案全文")] == ["防汛预案全文"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's vector table")
def test_the_vector_table_follows_updates_and_truncation(catalog):
    entry = factories.entry(catalog, title="关于河道治理的通知")
    SearchDocument.objects.filter(page_id=entry.pk).update(title="湖泊 保护")  # no signal fires
    assert search_pages("湖泊").count == 1
    assert search_pages("河道治理").count == 0
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # TRUNCATE refuses pending deferred checks
        cursor.execute("TRUNCATE disclosure_search_searchdocument")
        cursor.execute("SELECT count(*) FROM disclosure_search_tsv")
        assert cursor.fetchone()[0] == 0
    assert search_pages("湖泊").count == 0


def test_the_newest_matching_guide_leads_relevance_and_pages_stay_whole(portal, catalog):
    old_guide = factories.guide(portal, 2019)
    current = factories.guide(portal, 2024)  # guides show their publication day: the later one is newer
    entries = [
        factories.entry(
            catalog,
            title=f"政府信息公开工作要点{n}",
            body=_body("政府信息公开" * 5),
            publish_date=datetime.date(2023, 1, n + 1),
        )
        for n in range(4)
    ]
    first = search_pages("信息公开", page_size=3)
    second = search_pages("信息公开", page=2, page_size=3)
    assert first.hits[0].page.pk == current.pk
    assert first.count == second.count == 6
    shown = [hit.page.pk for hit in first.hits + second.hits]
    assert sorted(shown) == sorted([old_guide.pk, current.pk, *(e.pk for e in entries)])
    # By date nothing leads: the index's own order, newest first.
    by_date = search_pages("信息公开", sort="date", page_size=10)
    assert [hit.page.pk for hit in by_date.hits][-4:] == [e.pk for e in reversed(entries)]
