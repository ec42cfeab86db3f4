"""Smoke runs of ``bench_search``: it prints its figures, its bulk rows are real pages, it cleans up.

No timing is asserted: figures depend on the machine. What is checked is that the bulk
path produces what the ordinary publishing path would (live, reviewed, numbered, indexed,
findable entries in a valid tree), since a benchmark over malformed rows measures nothing.
"""

from __future__ import annotations

import re
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from wagtail.search.models import IndexEntry

from benchmarks import search as bench
from disclosure_pages.models import CatalogEntryPage, CatalogIndexPage, DisclosurePortalPage
from disclosure_pages.moderation.models import ConfidentialityReview
from disclosure_search.service import search_pages

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

FIGURES = ("entries:", "creation rate:", "indexing rate:", "query p50:", "query p95:", "database:")


def _run(*args: str) -> str:
    out = StringIO()
    call_command("bench_search", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_smoke_run_prints_figures_and_deletes_its_portal(tmp_path: Path) -> None:
    output = _run("--entries", "200", "--queries", "12", "--seed-dir", str(tmp_path / "missing"))

    assert "built-in sentences" in output  # works without the seed files
    for label in FIGURES:
        assert re.search(rf"^{re.escape(label)}\s+\S", output, re.MULTILINE), label
    assert re.search(r"^entries:\s+200$", output, re.MULTILINE)
    assert re.search(r"^indexing rate:\s+\d+ entries/s", output, re.MULTILINE)
    assert re.search(r"^query p95:\s+[\d.]+ ms", output, re.MULTILINE)
    assert "sqlite" in output or "postgresql" in output

    assert not CatalogEntryPage.objects.exists()
    assert not DisclosurePortalPage.objects.filter(slug__startswith=bench.PORTAL_SLUG_PREFIX).exists()
    entry_type = ContentType.objects.get_for_model(CatalogEntryPage)
    assert not IndexEntry.objects.filter(content_type=entry_type).exists()
    # Review records are immutable: one per entry stays behind, by design.
    assert ConfidentialityReview.objects.filter(comment=bench.REVIEW_COMMENT).count() >= 200


def test_kept_entries_are_live_reviewed_numbered_and_findable() -> None:
    _run("--entries", "200", "--queries", "3", "--keep", "--batch-size", "64")

    catalog = CatalogIndexPage.objects.get(url_path__contains=bench.PORTAL_SLUG_PREFIX)
    entries = CatalogEntryPage.objects.child_of(catalog)
    assert entries.count() == 200 == catalog.numchild
    assert entries.live().count() == 200
    numbers = list(entries.values_list("index_number", flat=True))
    assert all(numbers) and len(set(numbers)) == 200
    reviewed = set(
        ConfidentialityReview.objects.approvals()
        .filter(page_id__in=entries.values("pk"))
        .values_list("page_id", flat=True)
    )
    assert reviewed == set(entries.values_list("pk", flat=True))
    # Valid treebeard paths: Wagtail's own tree queries see every entry and the last one.
    last = entries.order_by("-path").first()
    assert catalog.get_last_child().pk == last.pk
    assert last.get_parent().pk == catalog.pk
    # Indexed through the search backend and found through the search service.
    entry = entries.select_related("publisher").first()
    assert search_pages(entry.index_number).count >= 1
    assert search_pages(entry.publisher.name).count >= 1


def test_queries_only_times_the_current_index_and_writes_nothing(catalog) -> None:
    from tests import factories

    factories.entry(catalog, title="关于政府信息公开工作要点的通知")
    pages = CatalogEntryPage.objects.count()
    output = _run("--queries-only", "--queries", "6")
    assert re.search(r"^Queries: 6, median [\d.]+ ms, p95 [\d.]+ ms", output, re.MULTILINE)
    assert CatalogEntryPage.objects.count() == pages
    assert not DisclosurePortalPage.objects.filter(slug__startswith=bench.PORTAL_SLUG_PREFIX).exists()
