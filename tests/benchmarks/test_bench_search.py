"""Runs of ``bench_search``: figures printed, real pages made in bulk, cleaned up, never beside real content.

No timing is asserted: figures depend on the machine. What is checked is that the bulk
path produces what the ordinary publishing path would (live, reviewed, numbered, indexed,
findable entries in a valid tree), since a benchmark over malformed rows measures nothing,
and that it writes only to a database holding nothing but its own content.
"""

from __future__ import annotations

import re
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from wagtail.models import Page
from wagtail.search.models import IndexEntry

from benchmarks.search import seeds
from benchmarks.search.portal import ORG_CODE_PREFIX, PORTAL_SLUG_PREFIX, REVIEW_COMMENT
from benchmarks.search.vocabulary import BUILTIN_SENTENCES
from disclosure_pages.catalog.index_numbers import IndexNumberSequence
from disclosure_pages.models import CatalogEntryPage, CatalogIndexPage, DisclosurePortalPage, Organisation
from disclosure_pages.moderation.models import ConfidentialityReview
from disclosure_search.service import search_pages
from tests import factories

pytestmark = pytest.mark.slow

FIGURES = ("entries:", "creation rate:", "indexing rate:", "query p50:", "query p95:", "database:")


def _run(*args: str) -> str:
    out = StringIO()
    call_command("bench_search", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def _seed_dir(tmp_path: Path) -> Path:
    (tmp_path / "notice.txt").write_text("\n".join(BUILTIN_SENTENCES), encoding="utf-8")
    return tmp_path


# ----------------------------------------------------------------------------- where the text comes from


def test_the_seed_directory_comes_from_the_environment_or_beside_the_repository(tmp_path: Path) -> None:
    assert seeds.default_seed_dir({seeds.SEEDS_ENV: str(tmp_path)}) == tmp_path
    assert seeds.default_seed_dir({}) == seeds.REPOSITORY.parent / "shared" / "seeds"
    sentences, source = seeds.load_sentences(_seed_dir(tmp_path))
    assert len(sentences) == len(BUILTIN_SENTENCES) and str(tmp_path) in source


def test_missing_or_thin_seeds_are_a_clear_error_before_anything_is_written(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match=rf"No seed directory at {re.escape(str(tmp_path / 'nowhere'))}.*--seeds"):
        _run("--seeds", str(tmp_path / "nowhere"))
    (tmp_path / "short.txt").write_text("政府信息公开工作年度报告应当按时公布。", encoding="utf-8")
    with pytest.raises(CommandError, match="1 usable sentences"):
        _run("--seeds", str(tmp_path))


# ----------------------------------------------------------------------------- runs


@pytest.mark.django_db
def test_a_run_prints_figures_and_deletes_all_it_made_but_its_review_records(tmp_path: Path) -> None:
    pages = Page.objects.count()
    output = _run("--entries", "200", "--queries", "12", "--seeds", str(_seed_dir(tmp_path)))

    assert f"sentences from the seed files in {tmp_path}" in output
    for label in FIGURES:
        assert re.search(rf"^{re.escape(label)}\s+\S", output, re.MULTILINE), label
    assert re.search(r"^entries:\s+200$", output, re.MULTILINE)
    assert re.search(r"^indexing rate:\s+\d+ entries/s", output, re.MULTILINE)
    assert re.search(r"^query p95:\s+[\d.]+ ms", output, re.MULTILINE)
    assert "sqlite" in output or "postgresql" in output

    assert Page.objects.count() == pages
    assert not CatalogEntryPage.objects.exists()
    assert not Organisation.objects.filter(code__startswith=ORG_CODE_PREFIX).exists()
    assert not IndexNumberSequence.objects.exists()
    entry_type = ContentType.objects.get_for_model(CatalogEntryPage)
    assert not IndexEntry.objects.filter(content_type=entry_type).exists()
    # Review records are immutable: one per page stays behind, on a database holding nothing else.
    assert ConfidentialityReview.objects.filter(comment=REVIEW_COMMENT).count() == 202
    assert ConfidentialityReview.objects.count() == 202


@pytest.mark.django_db
def test_it_refuses_a_database_with_real_content_and_writes_nothing(catalog) -> None:
    pages, reviews = Page.objects.count(), ConfidentialityReview.objects.count()
    with pytest.raises(CommandError, match=r"\d+ disclosure pages, \d+ confidentiality review records.*throwaway"):
        _run("--entries", "10", "--builtin-text")
    assert (Page.objects.count(), ConfidentialityReview.objects.count()) == (pages, reviews)


@pytest.mark.django_db
def test_kept_entries_are_live_reviewed_numbered_and_findable() -> None:
    output = _run("--entries", "200", "--queries", "3", "--keep", "--batch-size", "64", "--builtin-text")
    assert f"{len(BUILTIN_SENTENCES)} built-in sentences" in output

    catalog = CatalogIndexPage.objects.get(url_path__contains=PORTAL_SLUG_PREFIX)
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
    # A kept benchmark portal is the benchmark's own content: a second run may go beside it.
    assert "entries:          5" in _run("--entries", "5", "--queries", "1", "--builtin-text")


@pytest.mark.django_db
def test_queries_only_times_the_current_index_and_writes_nothing(catalog) -> None:
    factories.entry(catalog, title="关于政府信息公开工作要点的通知")
    pages = CatalogEntryPage.objects.count()
    output = _run("--queries-only", "--queries", "6")
    assert re.search(r"^Queries: 6, median [\d.]+ ms, p95 [\d.]+ ms", output, re.MULTILINE)
    assert CatalogEntryPage.objects.count() == pages
    assert not DisclosurePortalPage.objects.filter(slug__startswith=PORTAL_SLUG_PREFIX).exists()
