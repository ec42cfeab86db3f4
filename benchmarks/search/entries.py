"""Catalog entries in bulk: live, reviewed and numbered as the publishing path would leave them.

Wagtail creates a page at about 20 pages/s (treebeard locks, revisions, signals, the
moderation guard), so 100,000 entries would take well over an hour. Here treebeard
paths are computed in memory, base ``Page`` rows go in with ``bulk_create`` and the
``CatalogEntryPage`` rows (multi-table inheritance, which ``bulk_create`` refuses)
with one ``executemany`` per batch. The confidentiality invariant is respected, not
bypassed: rows go in as drafts, one approved 主动公开 review per entry is recorded with
the fingerprint of exactly the inserted content, and only then are the rows switched
live under publication passes naming those approvals, which the database triggers
check row by row. 索引号 are rendered in the configured format from per-(organisation,
year) counters, and the ``IndexNumberSequence`` rows are moved past them.
"""

from __future__ import annotations

import datetime
import random
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TextIO

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from tqdm import tqdm

from disclosure_pages.catalog.index_numbers import IndexNumberSequence, index_number_format_for, render_index_number
from disclosure_pages.catalog.models import CatalogEntryPage, CatalogIndexPage
from disclosure_pages.moderation.fingerprint import content_fingerprint
from disclosure_pages.moderation.models import CHECKLIST_KEYS, ConfidentialityReview, Outcome, Source
from disclosure_pages.moderation.passes import bulk_publication_passes
from disclosure_pages.pagebase import BasePage
from disclosure_pages.taxonomy.models import Organisation
from disclosure_pages.visibility import DisclosureMode

from .content import EntryFactory
from .portal import REVIEW_COMMENT, Fixture


class IndexNumbers:
    """Unique 索引号 in the configured format, from in-memory per-(organisation, year) counters."""

    def __init__(self, site: Any, organisations: Iterable[Organisation]):
        self.format = index_number_format_for(site)
        organisation_ids = [o.pk for o in organisations]
        self.counters: dict[tuple[int, int], int] = {
            (org, year): value
            for org, year, value in IndexNumberSequence.objects.filter(
                organisation_id__in=organisation_ids
            ).values_list("organisation_id", "year", "last_value")
        }
        self.used: set[str] = set(
            CatalogEntryPage.objects.filter(publisher_id__in=organisation_ids)
            .exclude(index_number=None)
            .values_list("index_number", flat=True)
        )

    def allocate(self, organisation: Organisation, date: datetime.date) -> str:
        key = (organisation.pk, date.year)
        while True:
            self.counters[key] = self.counters.get(key, 0) + 1
            number = render_index_number(
                self.format, org_code=organisation.index_code, date=date, seq=self.counters[key]
            )
            if number not in self.used:
                self.used.add(number)
                return number

    def save(self) -> None:
        """Move the database counters past the numbers used, so editors never get one twice."""
        for (organisation_id, year), value in self.counters.items():
            updated = IndexNumberSequence.objects.filter(
                organisation_id=organisation_id, year=year, last_value__lt=value
            ).update(last_value=value)
            if not updated:
                IndexNumberSequence.objects.get_or_create(
                    organisation_id=organisation_id, year=year, defaults={"last_value": value}
                )


@dataclass
class CreationResult:
    ids: list[int]
    seconds: float

    @property
    def rate(self) -> float:
        return len(self.ids) / max(self.seconds, 1e-9)


def _child_insert_sql() -> tuple[str, list[Any]]:
    fields = list(CatalogEntryPage._meta.local_concrete_fields)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    table = connection.ops.quote_name(CatalogEntryPage._meta.db_table)
    return f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", fields  # noqa: S608 (names from the model)


def create_entries(
    fixture: Fixture,
    total: int,
    sentences: list[str],
    *,
    rng: random.Random,
    batch_size: int = 2000,
    progress: TextIO | None = None,
) -> CreationResult:
    """Insert ``total`` live, reviewed catalog entries under ``fixture.catalog`` in batches."""
    catalog = CatalogIndexPage.objects.get(pk=fixture.catalog.pk)
    factory = EntryFactory(sentences, fixture.organisations, rng)
    numbers = IndexNumbers(catalog.get_site(), [o for o, _ in fixture.organisations])
    content_type = ContentType.objects.get_for_model(CatalogEntryPage)
    child_sql, child_fields = _child_insert_sql()
    depth = catalog.depth + 1
    step = catalog.get_last_child()._get_lastpos_in_path() if catalog.numchild else 0
    created: list[int] = []
    started = time.perf_counter()
    with tqdm(total=total, desc="create", unit="entry", file=progress, disable=progress is None) as bar:
        for batch_start in range(0, total, batch_size):
            size = min(batch_size, total - batch_start)
            entries: list[CatalogEntryPage] = []
            for offset in range(size):
                step += 1
                number = batch_start + offset + 1
                values = factory.content()
                slug = f"entry-{number}"
                entry = CatalogEntryPage(
                    path=CatalogEntryPage._get_path(catalog.path, depth, step),
                    depth=depth,
                    numchild=0,
                    locale_id=catalog.locale_id,
                    live=False,
                    has_unpublished_changes=False,
                    draft_title=values["title"],
                    slug=slug,
                    url_path=f"{catalog.url_path}{slug}/",
                    content_type=content_type,
                    disclosure_mode=DisclosureMode.PROACTIVE,
                    **values,
                )
                entry.index_number = numbers.allocate(values["publisher"], values["publish_date"])
                entries.append(entry)
            with transaction.atomic():
                _insert_batch(entries, child_sql, child_fields)
            created.extend(e.pk for e in entries)
            bar.update(size)
        with transaction.atomic():
            numbers.save()
            BasePage.objects.filter(pk=catalog.pk).update(numchild=F("numchild") + total)
    return CreationResult(created, time.perf_counter() - started)


def _insert_batch(entries: list[CatalogEntryPage], child_sql: str, child_fields: list[Any]) -> None:
    """Base rows (drafts), child rows, approvals of exactly this content, then live."""
    # The fingerprint is taken before the pk exists: pk, path, live and 索引号 are not content.
    fingerprints = [content_fingerprint(entry) for entry in entries]
    base_fields = [f.attname for f in BasePage._meta.concrete_fields if not f.primary_key]
    bases = [BasePage(**{name: getattr(entry, name) for name in base_fields}) for entry in entries]
    BasePage.objects.bulk_create(bases)
    for entry, base in zip(entries, bases, strict=True):
        entry.pk = entry.page_ptr_id = base.pk
    rows = [[f.get_db_prep_save(f.pre_save(entry, True), connection) for f in child_fields] for entry in entries]
    with connection.cursor() as cursor:
        cursor.executemany(child_sql, rows)
    reviews = ConfidentialityReview.objects.bulk_create(
        ConfidentialityReview(
            page_id=entry.pk,
            fingerprint=fingerprint,
            page_title=entry.title[:255],
            organisation_name=entry.publisher.name[:100],
            outcome=Outcome.APPROVED,
            decision=DisclosureMode.PROACTIVE,
            checklist=CHECKLIST_KEYS,
            comment=REVIEW_COMMENT,
            reviewer_name="系统",
            source=Source.DEMO,
        )
        for entry, fingerprint in zip(entries, fingerprints, strict=True)
    )
    now = timezone.now()
    # The database triggers let a row go live only with a pass naming its approval above.
    page_ids = [e.pk for e in entries]
    with bulk_publication_passes(page_ids, {r.page_id: r.pk for r in reviews}):
        BasePage.objects.filter(pk__in=page_ids).update(live=True, first_published_at=now, last_published_at=now)
