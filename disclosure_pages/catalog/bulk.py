"""Publishing many new catalog entries at once: legacy imports, the demo portal, benchmarks.

Wagtail creates and publishes a page at about 20 pages/s (treebeard locks, a revision, a
review, the guard, signals, one index write per page), so a legacy catalog of 100,000
entries took well over an hour. Here every step a publication takes is done for a batch
of pages at a time: treebeard paths are computed in memory, base rows go in with
``bulk_create`` and the specific rows (multi-table inheritance, which ``bulk_create``
refuses) with one ``executemany``, then child rows and many-to-many rows, one revision
each, one approved 主动公开 review each with the fingerprint of exactly that content, and
only then are the rows switched live under publication passes naming those revisions and
approvals, which the database triggers check row by row, and the guard's
``content_published`` signal is sent (the files a page shows are recorded). 索引号 come from the real
counters, locked for the caller's transaction and moved past the numbers used; the search
index is written a batch at a time. Nothing here commits: the caller's transaction makes
an import all or nothing.
"""

from __future__ import annotations

import copy
import datetime
import functools
import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import get_all_child_relations, get_serializable_data_for_fields
from modelsearch.backends import get_search_backends
from wagtail.models import PageLogEntry, Revision

from ..moderation.checklist import checklist_record
from ..moderation.fingerprint import content_fingerprint, content_pass
from ..moderation.models import CHECKLIST_KEYS, ConfidentialityReview, Outcome
from ..moderation.passes import bulk_publication_passes
from ..moderation.prescreen.page import findings_for
from ..moderation.signals import bulk_published, content_published
from ..page_text import indexing_pass
from ..pagebase import BasePage
from ..visibility import DisclosureMode
from .bulk_sql import insert_returning_ids, insert_rows
from .index_numbers import IndexNumberSequence, index_number_format_for, render_index_number
from .models import CatalogEntryPage, CatalogIndexPage

logger = logging.getLogger("disclosure_pages")


class IndexNumbers:
    """索引号 from the (organisation, year) counters, locked until the caller's transaction ends.

    Numbers are checked against the stored ones a batch at a time (a webmaster may have changed
    the format so that it repeats an older number: those are skipped), so that memory does not
    grow with the catalog or the import.
    """

    def __init__(self, site: Any):
        self.format = index_number_format_for(site)
        self.counters: dict[tuple[int, int], int] = {}
        self.loaded: set[int] = set()

    def _load(self, organisation_id: int) -> None:
        rows = IndexNumberSequence.objects.select_for_update().filter(organisation_id=organisation_id)
        for year, value in rows.values_list("year", "last_value"):
            self.counters[(organisation_id, year)] = value
        self.loaded.add(organisation_id)

    def _next(self, organisation: Any, date: datetime.date) -> str:
        if organisation.pk not in self.loaded:
            self._load(organisation.pk)
        key = (organisation.pk, date.year)
        self.counters[key] = self.counters.get(key, 0) + 1
        return render_index_number(self.format, org_code=organisation.index_code, date=date, seq=self.counters[key])

    def allocate(self, pages: Sequence[CatalogEntryPage]) -> None:
        """Give each page (with its publisher) the next free number of its organisation and year."""
        chosen: set[str] = set()
        pending = list(pages)
        while pending:
            proposed = []
            for page in pending:
                date = page.publish_date or datetime.date.today()
                number = self._next(page.publisher, date)
                while number in chosen:  # a format without {year} repeats across years
                    number = self._next(page.publisher, date)
                chosen.add(number)
                proposed.append((page, number))
            taken = set(
                CatalogEntryPage.objects.filter(index_number__in=[n for _, n in proposed]).values_list(
                    "index_number", flat=True
                )
            )
            pending = []
            for page, number in proposed:
                if number in taken:
                    pending.append(page)
                else:
                    page.index_number = number

    def save(self) -> None:
        """Move the counters past the numbers used, so editors never get one twice."""
        for (organisation_id, year), value in self.counters.items():
            updated = IndexNumberSequence.objects.filter(
                organisation_id=organisation_id, year=year, last_value__lt=value
            ).update(last_value=value)
            if not updated:
                IndexNumberSequence.objects.get_or_create(
                    organisation_id=organisation_id, year=year, defaults={"last_value": value}
                )


@contextmanager
def _serialised(pages: Sequence[CatalogEntryPage], data: list[dict[str, Any]]) -> Iterator[None]:
    """While the block runs, each page's ``serializable_data()`` is a copy of ``data``."""
    for page, content in zip(pages, data, strict=True):
        page.serializable_data = functools.partial(copy.deepcopy, content)
    try:
        yield
    finally:
        for page in pages:
            del page.serializable_data


class BulkPublisher:
    """Publishes batches of new, unsaved catalog entries under ``catalog``; call ``finish`` at the end.

    ``reviewer`` (a user, or None for the system) is recorded as the confidentiality
    reviewer of each entry with ``source`` and ``comment``; use it inside one transaction.
    ``index=False`` leaves the search index to the caller (a benchmark timing it apart).
    """

    def __init__(
        self, catalog: CatalogIndexPage, *, reviewer: Any = None, source: str, comment: str, index: bool = True
    ) -> None:
        if not connection.in_atomic_block:
            raise RuntimeError("BulkPublisher must run inside a transaction (all or nothing)")
        self.catalog = CatalogIndexPage.objects.select_for_update().get(pk=catalog.pk)
        self.reviewer = reviewer
        self.reviewer_name = (reviewer.get_full_name() or reviewer.get_username()) if reviewer else "系统"
        self.source, self.comment, self.index = source, comment, index
        self.numbers = IndexNumbers(self.catalog.get_site())
        self.content_type = ContentType.objects.get_for_model(CatalogEntryPage)
        self.page_type = ContentType.objects.get_for_model(BasePage)
        self.step = self.catalog.get_last_child()._get_lastpos_in_path() if self.catalog.numchild else 0
        self.organisations: dict[int, Any] = {}  # publishers by id, read once per import
        self.created = 0

    def publish(self, pages: Sequence[CatalogEntryPage]) -> list[int]:
        """Insert and publish ``pages`` (unsaved, 主动公开); returns their ids in order."""
        if not pages:
            return []
        # Each page's text is read once (pre-screen, then the search index), and its content
        # once (fingerprint, attachments, recorded files): it is fixed from here on.
        with indexing_pass(), content_pass():
            return self._publish(pages)

    def _publish(self, pages: Sequence[CatalogEntryPage]) -> list[int]:
        catalog = self.catalog
        self._attach_publishers(pages)
        for page in pages:
            if page.disclosure_mode != DisclosureMode.PROACTIVE:
                raise ValueError(f"only 主动公开 entries can be published: {page.title}")
            self.step += 1
            page.path = CatalogEntryPage._get_path(catalog.path, catalog.depth + 1, self.step)
            page.depth, page.numchild = catalog.depth + 1, 0
            page.locale_id = catalog.locale_id
            page.live, page.has_unpublished_changes = False, False
            page.draft_title = page.title
            page.url_path = f"{catalog.url_path}{page.slug}/"
            page.content_type = self.content_type
        self.numbers.allocate(pages)
        # What the reviewer approves: the content, before the rows (pk and tree are not content).
        # Serialised once per page, in memory: once saved, each read would query every relation.
        data = [page.serializable_data() for page in pages]
        with _serialised(pages, data):
            fingerprints = [content_fingerprint(page) for page in pages]
            findings = [[f.as_dict() for f in findings_for(page)] for page in pages]
        self._insert(pages)
        revisions = self._revisions(pages, data)
        checklist = checklist_record(CHECKLIST_KEYS)  # every item checked, in the record's own form
        reviews = [
            ConfidentialityReview(
                page_id=page.pk,
                revision_id=revision.pk,
                fingerprint=fingerprint,
                page_title=page.title[:255],
                organisation_name=page.publisher.name[:100],
                outcome=Outcome.APPROVED,
                decision=DisclosureMode.PROACTIVE,
                checklist=checklist,
                findings=found,
                findings_acknowledged=bool(found),
                comment=self.comment,
                reviewer=self.reviewer,
                reviewer_name=self.reviewer_name,
                source=self.source,
            )
            for page, revision, fingerprint, found in zip(pages, revisions, fingerprints, findings, strict=True)
        ]
        insert_returning_ids(reviews)
        self._go_live(pages, revisions, reviews)
        with _serialised(pages, data):  # what the guard announces after any publication (files, …)
            for page, review in zip(pages, reviews, strict=True):
                content_published.send(
                    sender=CatalogEntryPage, page=page, review=review, fingerprint=review.fingerprint, new=True
                )
        if self.index:
            self._index(pages)
        self.created += len(pages)
        return [page.pk for page in pages]

    def _attach_publishers(self, pages: Sequence[CatalogEntryPage]) -> None:
        """Each page's 发布机构 object (索引号 and the review record need it), without a query per page."""
        missing = {page.publisher_id for page in pages} - self.organisations.keys()
        if missing:
            model = CatalogEntryPage._meta.get_field("publisher").related_model
            self.organisations.update(model.objects.in_bulk(missing))
        for page in pages:
            page.publisher = self.organisations[page.publisher_id]

    def finish(self) -> None:
        self.numbers.save()
        BasePage.objects.filter(pk=self.catalog.pk).update(numchild=F("numchild") + self.created)
        if self.index:
            bulk_published.send(sender=CatalogEntryPage, count=self.created)

    def _insert(self, pages: Sequence[CatalogEntryPage]) -> None:
        # Children and many-to-many terms are read while the pages have no id: then the
        # relations answer from memory, not with a query per page and relation.
        children = [
            (relation, [(page, list(getattr(page, relation.get_accessor_name()).all())) for page in pages])
            for relation in get_all_child_relations(CatalogEntryPage)
        ]
        terms = [
            (field, [(page, list(getattr(page, field.name).all())) for page in pages])
            for field in CatalogEntryPage._meta.get_fields()
            if isinstance(field, ParentalManyToManyField)
        ]
        base_fields = [f.attname for f in BasePage._meta.concrete_fields if not f.primary_key]
        bases = [BasePage(**{name: getattr(page, name) for name in base_fields}) for page in pages]
        BasePage.objects.bulk_create(bases)
        for page, base in zip(pages, bases, strict=True):
            page.pk = page.page_ptr_id = base.pk
        insert_rows(pages, CatalogEntryPage._meta.local_concrete_fields)  # the entries' own table
        for relation, owned in children:
            rows = []
            for page, objects in owned:
                for order, child in enumerate(objects):
                    setattr(child, relation.field.attname, page.pk)
                    if hasattr(child, "sort_order") and child.sort_order is None:
                        child.sort_order = order
                    rows.append(child)
            relation.related_model.objects.bulk_create(rows)
        for field, chosen in terms:
            through = field.remote_field.through
            source, target = field.m2m_field_name() + "_id", field.m2m_reverse_field_name() + "_id"
            through.objects.bulk_create(
                through(**{source: page.pk, target: term.pk}) for page, selected in chosen for term in selected
            )

    def _revisions(self, pages: Sequence[CatalogEntryPage], data: list[dict[str, Any]]) -> list[Revision]:
        """One revision per page, holding what ``serializable_data`` gives once the rows exist."""
        relations = [relation.get_accessor_name() for relation in get_all_child_relations(CatalogEntryPage)]
        for page, content in zip(pages, data, strict=True):
            content["pk"] = page.pk
            for name in relations:
                if content.get(name):  # the in-memory children, now with their ids and the page's
                    content[name] = [get_serializable_data_for_fields(c) for c in getattr(page, name).all()]
        now = timezone.now()
        revisions = [
            Revision(
                content_type=self.content_type,
                base_content_type=self.page_type,
                object_id=str(page.pk),
                object_str=page.title[:255],
                content=content,
                user=self.reviewer,
                created_at=now,
            )
            for page, content in zip(pages, data, strict=True)
        ]
        insert_returning_ids(revisions)
        return revisions

    def _go_live(self, pages: Sequence[CatalogEntryPage], revisions: list[Revision], reviews: list[Any]) -> None:
        now = timezone.now()
        for page, revision in zip(pages, revisions, strict=True):
            page.live = True
            page.first_published_at = page.last_published_at = page.latest_revision_created_at = now
            page.live_revision_id = page.latest_revision_id = revision.pk
        ids = [page.pk for page in pages]
        # The database triggers let a row go live only with a pass naming its approval and revision.
        stamp = BasePage._meta.get_field("last_published_at").get_db_prep_value(now, connection)
        table = connection.ops.quote_name(BasePage._meta.db_table)
        sql = (
            f"UPDATE {table} SET live = %s, first_published_at = %s, last_published_at = %s, "  # noqa: S608
            "latest_revision_created_at = %s, live_revision_id = %s, latest_revision_id = %s WHERE id = %s"
        )
        rows = [(True, stamp, stamp, stamp, r.pk, r.pk, p.pk) for p, r in zip(pages, revisions, strict=True)]
        with (
            bulk_publication_passes(
                ids, {r.page_id: r.pk for r in reviews}, {p.pk: r.pk for p, r in zip(pages, revisions, strict=True)}
            ),
            connection.cursor() as cursor,
        ):
            cursor.executemany(sql, rows)
        PageLogEntry.objects.bulk_create(
            PageLogEntry(
                content_type=self.content_type,
                page_id=page.pk,
                label=page.title[:255],
                action="wagtail.publish",
                revision_id=revision.pk,
                user=self.reviewer,
                timestamp=now,
                data={"title": page.title[:255], "source": str(self.source)},
            )
            for page, revision in zip(pages, revisions, strict=True)
        )

    def _index(self, pages: Sequence[CatalogEntryPage]) -> None:
        """Every search backend, as a publication's signal would; a failing one is logged, as Wagtail does."""
        for backend in get_search_backends(with_auto_update=True):
            try:
                with transaction.atomic():
                    backend.add_bulk(CatalogEntryPage, list(pages))
            except Exception:
                logger.exception("Could not index %d imported entries in %s", len(pages), backend)
