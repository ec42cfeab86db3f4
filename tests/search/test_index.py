"""Indexing Chinese pages, and never indexing what citizens may not read."""

from __future__ import annotations

import datetime
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from wagtail.models import PageViewRestriction
from wagtail.search.models import IndexEntry

from disclosure_pages.models import CatalogEntryPage, DisclosureMode
from disclosure_search.service import search_pages
from tests import factories

pytestmark = pytest.mark.django_db


def _body(text: str) -> list[tuple[str, str]]:
    return [("paragraph", f"<p>{text}</p>")]


def _indexed(page) -> IndexEntry | None:
    content_type = ContentType.objects.get_for_model(CatalogEntryPage)
    return IndexEntry.objects.filter(content_type=content_type, object_id=str(page.pk)).first()


def _tokens(body: str) -> set[str]:
    """Indexed words: plain text on SQLite, a tsvector ('word':1,2) on PostgreSQL."""
    if connection.vendor == "postgresql":
        return set(re.findall(r"'([^']+)'", body))
    return set(body.split())


def _found(query: str) -> list[int]:
    return [hit.page.pk for hit in search_pages(query).hits]


def test_search_document_is_segmented_in_every_form(catalog):
    entry = factories.entry(
        catalog, title="关于印发政府信息公开工作要点的通知", doc_number="宜政办秘[2008]8号", body=_body("推进資訊公開")
    )
    entry = CatalogEntryPage.objects.get(pk=entry.pk)
    title = entry.search_title().split()
    assert {"政府", "信息", "公开", "信息公开", "宜政办秘〔2008〕8号"} <= set(title)
    document = entry.search_document().split()
    assert {"资讯", "信息", "公开", "人民政府", "办公室"} <= set(document)
    assert "宜政办秘〔2008〕8号" not in document  # title-like text is in the boosted field only
    row = _indexed(entry)
    assert row is not None and "信息公开" in _tokens(row.body)


def test_live_entry_found_by_words_doc_number_and_index_number(catalog):
    entry = factories.entry(catalog, title="关于做好防汛抗旱工作的通知", doc_number="国办发〔2019〕26号")
    assert entry.index_number
    assert _found("防汛抗旱") == [entry.pk]
    assert _found("国办发[2019]26号") == [entry.pk]
    assert _found(entry.index_number) == [entry.pk]
    assert _found("防汛抗旱工作") == [entry.pk]
    # The portal and its sections are navigation, not information: search leaves them out.
    assert _found("政府信息公开目录") == []


def test_draft_of_live_page_never_leaks(catalog):
    entry = factories.entry(catalog, title="关于防汛工作的通知", body=_body("常规内容"))
    entry.body = _body("机密草稿词火山口")
    entry.title = "草稿标题火山口"
    entry.save_revision()  # a draft: the live row keeps the published content
    assert _found("火山口") == []
    assert search_pages("火山口").count == 0
    hits = search_pages("防汛").hits
    assert [h.page.pk for h in hits] == [entry.pk]
    assert "火山口" not in hits[0].snippet and "火山口" not in hits[0].title
    assert "火山口" not in (_indexed(entry).body + _indexed(entry).title)


def test_unpublished_page_is_removed_at_once(catalog):
    entry = factories.entry(catalog, title="关于开展安全生产检查的通知")
    assert _indexed(entry) is not None
    entry.unpublish()
    assert _indexed(entry) is None
    assert _found("安全生产") == []


def test_draft_entry_and_on_application_entry_are_never_indexed(catalog):
    draft = factories.entry(catalog, title="关于体育场馆开放的通知", publish=False)
    on_application = factories.entry(
        catalog, title="关于体育彩票销售的报告", publish=False, disclosure_mode=DisclosureMode.ON_APPLICATION
    )
    assert _indexed(draft) is None and _indexed(on_application) is None
    assert _found("体育") == []
    # Even an index entry forced in by hand cannot surface: results are filtered at query time.
    from modelsearch.backends import get_search_backend

    get_search_backend().add(CatalogEntryPage.objects.get(pk=on_application.pk))
    assert _found("体育") == []
    assert search_pages("体育").count == 0


def test_deleted_page_is_removed(catalog):
    entry = factories.entry(catalog, title="关于农村公路养护的通知")
    assert _indexed(entry) is not None
    pk = entry.pk
    entry.delete()
    assert not IndexEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(CatalogEntryPage), object_id=str(pk)
    ).exists()


def test_view_restriction_removes_and_restores(catalog):
    entry = factories.entry(catalog, title="关于内部培训安排的通知")
    restriction = PageViewRestriction.objects.create(page=catalog, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert _indexed(entry) is None
    assert _found("内部培训") == []
    restriction.delete()
    assert _indexed(entry) is not None
    assert _found("内部培训") == [entry.pk]


def test_rebuild_command_indexes_only_searchable_pages(catalog, capsys):
    live = factories.entry(catalog, title="关于城市绿化的通知", publish_date=datetime.date(2023, 1, 5))
    draft = factories.entry(catalog, title="关于城市照明的通知", publish=False)
    IndexEntry.objects.all().delete()
    call_command("rebuild_search_index")
    out = capsys.readouterr().out
    assert "indexed" in out.lower() or "已索引" in out
    assert _indexed(live) is not None and _indexed(draft) is None
    assert _found("城市") == [live.pk]


def test_update_index_works_with_the_new_fields(catalog):
    entry = factories.entry(catalog, title="关于河道治理的通知")
    IndexEntry.objects.all().delete()
    call_command("update_index", verbosity=0)
    assert _found("河道") == [entry.pk]
