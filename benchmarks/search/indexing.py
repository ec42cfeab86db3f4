"""Indexing the benchmark's entries through the search backend, timed."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any, TextIO

from django.db import connection, transaction
from tqdm import tqdm

from disclosure_pages.catalog.models import CatalogEntryPage
from disclosure_pages.text.segment import get_tokenizer
from disclosure_search import engine


@dataclass
class IndexingResult:
    count: int
    seconds: float

    @property
    def rate(self) -> float:
        return self.count / max(self.seconds, 1e-9)


def index_entries(
    backend: Any, ids: list[int], *, batch_size: int = 500, progress: TextIO | None = None
) -> IndexingResult:
    """Index the entries through ``backend.add_bulk``: the same work a rebuild does for them.

    jieba's dictionary is loaded first: a one-off cost per process, not per entry.
    """
    get_tokenizer()
    started = time.perf_counter()
    count = 0
    with tqdm(total=len(ids), desc="index", unit="entry", file=progress, disable=progress is None) as bar:
        for start in range(0, len(ids), batch_size):
            chunk = ids[start : start + batch_size]
            objects = list(CatalogEntryPage.get_indexed_objects().filter(pk__in=chunk).select_related("publisher"))
            with transaction.atomic():
                backend.add_bulk(CatalogEntryPage, objects)
            count += len(objects)
            bar.update(len(chunk))
    seconds = time.perf_counter() - started
    # As the rebuild command does after its pass: the index merged and analysed (not timed).
    engine.compact()
    if connection.vendor == "postgresql":  # and the freshly loaded pages, as autovacuum would
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return IndexingResult(count, seconds)
