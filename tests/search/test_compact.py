"""After a large bulk publication commits, the search index is merged (outside any transaction).

Its own module: the other search tests share a module-wide transaction, and PostgreSQL
rebuilds an index concurrently only outside one.
"""

from __future__ import annotations

import pytest
from django.db import transaction

from disclosure_pages.catalog.bulk import BulkPublisher
from disclosure_pages.models import CatalogEntryPage, CatalogIndexPage
from disclosure_pages.moderation.models import Source
from disclosure_search import engine
from disclosure_search import signals as search_signals
from disclosure_search.service import search_pages
from tests import factories


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_large_bulk_publication_merges_the_index_after_it_commits(monkeypatch):
    catalog = factories.section(factories.portal(), CatalogIndexPage)
    monkeypatch.setattr(search_signals, "COMPACT_AFTER", 2)
    compacted = []
    monkeypatch.setattr(engine, "compact", lambda real=engine.compact: compacted.append(real()))
    with transaction.atomic():
        organisation = factories.organisation()
        publisher = BulkPublisher(catalog, source=Source.DEMO, comment="测试")
        publisher.publish(
            [
                CatalogEntryPage(title=f"关于水资源管理的通知{n}", slug=f"bulk-{n}", publisher=organisation)
                for n in range(2)
            ]
        )
        publisher.finish()
        assert compacted == []  # never inside the import's transaction
    assert len(compacted) == 1  # the real merge ran (on PostgreSQL a concurrent REINDEX) and raised nothing
    assert search_pages("水资源").count == 2

    with transaction.atomic():  # a small one leaves the index as it is
        publisher = BulkPublisher(catalog, source=Source.DEMO, comment="测试")
        publisher.publish([CatalogEntryPage(title="关于水资源调度的通知", slug="bulk-9", publisher=organisation)])
        publisher.finish()
    assert len(compacted) == 1
