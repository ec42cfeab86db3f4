"""Publishing an import in batches keeps every invariant of a one-by-one publication.

Each entry gets a revision, the named reviewer's approval of exactly its content, a 索引号
from the real counters and its search index row; the tree stays valid; a failure or an
interruption anywhere leaves nothing behind. Batches are made small so that these few
lines cross batch boundaries.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from wagtail.models import Page, PageLogEntry

from disclosure_pages.catalog import bulk
from disclosure_pages.catalog.importer import validate_lines, write_entries
from disclosure_pages.catalog.importer import writing as importer_writing
from disclosure_pages.catalog.index_numbers import IndexNumberSequence, allocate_index_number
from disclosure_pages.models import CatalogEntryPage, ConfidentialityReview, DisclosureSettings
from disclosure_pages.moderation.fingerprint import content_fingerprint
from disclosure_search.models import SearchDocument
from disclosure_search.service import search_pages
from tests import factories

from .lines import record, write_jsonl
from .running import entries, run, snapshot

pytestmark = pytest.mark.django_db

TOPICS = ["防汛抗旱", "安全生产", "乡村振兴", "营商环境", "医疗保险", "垃圾分类", "养老服务"]


@pytest.fixture
def many_file(tmp_path: Path, catalog, org, monkeypatch) -> Path:
    monkeypatch.setattr(importer_writing, "BATCH_SIZE", 3)
    return write_jsonl(
        tmp_path,
        *(
            record(
                id=f"B-{n}",
                title=f"关于{TOPICS[n]}工作的通知",
                doc_number=f"宜政办〔2023〕{n + 1}号",
                published=f"2023-0{n + 1}-10",
                classifications={"audience": ["公民", "法人"]},
            )
            for n in range(len(TOPICS))
        ),
    )


class TestBulkPublication:
    def test_each_entry_has_a_revision_and_an_approval_of_exactly_its_content(self, many_file, reviewer) -> None:
        run(str(many_file), "--publish", "--reviewed-by", "reviewer")
        pages = entries()
        assert len(pages) == len(TOPICS)
        reviews = {r.page_id: r for r in ConfidentialityReview.objects.filter(page_id__in=[p.pk for p in pages])}
        for page in pages:
            review = reviews[page.pk]
            assert page.live and page.live_revision_id == page.latest_revision_id == review.revision_id
            # As for any publication: the approval fits the content of the revision that went live.
            assert review.fingerprint == content_fingerprint(page.live_revision.as_object())
            assert (review.outcome, review.decision, review.reviewer_id) == ("approved", "proactive", reviewer.pk)
            assert review.allows_publication and all(item["checked"] for item in review.checklist)
            assert {t.name for t in page.audience_categories.all()} == {"公民", "法人"}
        assert PageLogEntry.objects.filter(page__in=pages, action="wagtail.publish").count() == len(TOPICS)

    def test_the_tree_and_the_counters_stay_right(self, many_file, reviewer, catalog) -> None:
        run(str(many_file), "--publish", "--reviewed-by", "reviewer")
        assert Page.find_problems() == ([], [], [], [], [])
        assert Page.objects.get(pk=catalog.pk).numchild == len(TOPICS)
        numbers = sorted(p.index_number for p in entries())
        assert numbers == [f"003110926/2023-{n:05d}" for n in range(1, len(TOPICS) + 1)]
        counter = IndexNumberSequence.objects.get(organisation__code="003110926", year=2023)
        assert counter.last_value == len(TOPICS)
        # The next entry published the ordinary way continues the sequence.
        later = CatalogEntryPage.objects.first()
        later.publish_date = later.publish_date.replace(day=20)
        assert allocate_index_number(later) == f"003110926/2023-{len(TOPICS) + 1:05d}"

    def test_numbers_already_stored_or_repeated_by_the_format_are_skipped(
        self, tmp_path, catalog, org, reviewer
    ) -> None:
        """A format without {year} repeats a sequence across years, and may repeat a stored number."""
        settings = DisclosureSettings.for_site(catalog.get_site())
        settings.index_number_format = "{org_code}-{seq}"
        settings.save()
        factories.entry(catalog, title="早先发布的通知", publisher=org)  # takes 003110926-1
        path = write_jsonl(
            tmp_path,
            *(record(id=f"Y-{n}", title=f"通知{n}", published=f"{2020 + n % 2}-03-0{n + 1}") for n in range(4)),
        )
        run(str(path), "--publish", "--reviewed-by", "reviewer")
        numbers = sorted(p.index_number for p in entries())
        assert numbers == [f"003110926-{n}" for n in range(1, 6)]  # each once, none reused

    def test_a_slug_a_sibling_already_has_is_lengthened(self, tmp_path, catalog, org, reviewer) -> None:
        digest = hashlib.sha256(b"id:S-1").hexdigest()
        factories.entry(catalog, title="同名的页面", slug=f"entry-{digest[:12]}", publisher=org)
        run(
            str(write_jsonl(tmp_path, record(id="S-1"), record(id="S-2", title="另一份"))),
            "--publish",
            "--reviewed-by",
            "reviewer",
        )
        slugs = {p.import_key: p.slug for p in entries() if p.import_key}
        assert slugs["id:S-1"] == f"entry-{digest[:16]}"
        assert len(slugs["id:S-2"]) == len("entry-") + 12

    def test_the_entries_are_searchable_at_once(self, many_file, reviewer) -> None:
        run(str(many_file), "--publish", "--reviewed-by", "reviewer")
        assert SearchDocument.objects.count() == len(TOPICS)
        found = search_pages("乡村振兴")
        assert [hit.page.title for hit in found.hits] == ["关于乡村振兴工作的通知"]

    def test_an_interrupted_import_leaves_nothing(self, many_file, reviewer, catalog) -> None:
        before = snapshot()
        validation = validate_lines(many_file.open("rb"))
        seen = []

        def interrupt(entry, created) -> None:
            seen.append(entry)
            if len(seen) == 5:  # in the second batch
                raise KeyboardInterrupt

        with pytest.raises(KeyboardInterrupt):
            write_entries(validation.entries, catalog, reviewer=reviewer, on_entry=interrupt)
        assert snapshot() == before
        assert not SearchDocument.objects.exists()
        assert not IndexNumberSequence.objects.exists()

    def test_a_failing_batch_leaves_nothing(self, many_file, reviewer, monkeypatch) -> None:
        before = snapshot()
        original = bulk.BulkPublisher._revisions
        calls = []

        def fail_second(self, pages, data):
            calls.append(pages)
            if len(calls) == 2:
                raise RuntimeError("disk full")
            return original(self, pages, data)

        monkeypatch.setattr(bulk.BulkPublisher, "_revisions", fail_second)
        with pytest.raises(RuntimeError, match="disk full"):
            run(str(many_file), "--publish", "--reviewed-by", "reviewer")
        assert snapshot() == before
        assert not SearchDocument.objects.exists()
