"""Catalog entries in bulk, through the product's bulk publication (disclosure_pages.catalog.bulk).

The entries are published as an import would publish them: a revision, one approved
主动公开 review of exactly that content, 索引号 from the real counters, all in one
transaction. They are indexed afterwards (``index=False`` here), so that indexing is timed
on its own.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from typing import TextIO

from django.db import transaction
from tqdm import tqdm

from disclosure_pages.catalog.bulk import BulkPublisher
from disclosure_pages.catalog.models import CatalogEntryPage, CatalogIndexPage
from disclosure_pages.moderation.models import Source
from disclosure_pages.visibility import DisclosureMode

from .content import EntryFactory
from .portal import REVIEW_COMMENT, Fixture


@dataclass
class CreationResult:
    ids: list[int]
    seconds: float

    @property
    def rate(self) -> float:
        return len(self.ids) / max(self.seconds, 1e-9)


def create_entries(
    fixture: Fixture,
    total: int,
    sentences: list[str],
    *,
    rng: random.Random,
    batch_size: int = 2000,
    progress: TextIO | None = None,
) -> CreationResult:
    """Publish ``total`` catalog entries under ``fixture.catalog`` in batches, in one transaction."""
    factory = EntryFactory(sentences, fixture.organisations, rng)
    created: list[int] = []
    started = time.perf_counter()
    with (
        tqdm(total=total, desc="create", unit="entry", file=progress, disable=progress is None) as bar,
        transaction.atomic(),
    ):
        catalog = CatalogIndexPage.objects.get(pk=fixture.catalog.pk)
        publisher = BulkPublisher(catalog, source=Source.DEMO, comment=REVIEW_COMMENT, index=False)
        for batch_start in range(0, total, batch_size):
            size = min(batch_size, total - batch_start)
            batch = [
                CatalogEntryPage(
                    slug=f"entry-{batch_start + n + 1}", disclosure_mode=DisclosureMode.PROACTIVE, **factory.content()
                )
                for n in range(size)
            ]
            created.extend(publisher.publish(batch))
            bar.update(size)
        publisher.finish()
    return CreationResult(created, time.perf_counter() - started)
