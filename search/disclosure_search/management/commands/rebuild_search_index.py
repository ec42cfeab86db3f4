"""Rebuild the search index with a progress bar, counts and the indexing rate.

modelsearch's own rebuild loop, with a tqdm bar instead of its dots, and afterwards the
removal of index entries of disclosure pages that are no longer searchable (the database
backend's own rebuild only drops entries whose row was deleted).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from typing import Any

from django.core.management.base import CommandParser
from modelsearch.backends import get_search_backend
from modelsearch.index import get_indexed_models
from modelsearch.management.commands import rebuild_modelsearch_index
from tqdm import tqdm

from disclosure_pages.mixins import DisclosurePageMixin
from disclosure_search import engine

CHUNK_SIZE = 500


class Command(rebuild_modelsearch_index.Command):
    help = "Rebuild the full-text search index (with a progress bar)."

    def add_arguments(self, parser: CommandParser) -> None:
        super().add_arguments(parser)
        parser.add_argument("--chunk-size", dest="chunk_size", type=int, help="Objects indexed at once.")
        parser.set_defaults(chunk_size=CHUNK_SIZE)

    def update_backend(self, backend_name: str, schema_only: bool = False, chunk_size: int = CHUNK_SIZE) -> None:
        backend = get_search_backend(backend_name)
        if not backend.rebuilder_class:
            self.stdout.write(f"{backend_name}: backend needs no rebuild")
            return
        started = time.monotonic()
        total = 0 if schema_only else sum(model.get_indexed_objects().count() for model in get_indexed_models())
        with tqdm(total=total, desc=backend_name, unit="obj", disable=self.verbosity < 1, file=self.stderr._out) as bar:
            self.bar = bar
            super().update_backend(backend_name, schema_only=schema_only, chunk_size=chunk_size)
        removed = self.remove_unsearchable(backend)
        if getattr(backend, "feeds_disclosure_engine", False):
            engine.compact()
        elapsed = max(time.monotonic() - started, 1e-6)
        self.stdout.write(
            f"{backend_name}: indexed {bar.n} objects, removed {removed} unsearchable pages "
            f"in {elapsed:.1f}s ({bar.n / elapsed:.0f} objects/s)"
        )

    def write(self, *args: Any, **kwargs: Any) -> None:
        """modelsearch's running commentary: the progress bar and the summary replace it."""

    def print_iter_progress(self, iterable: Iterable[list[Any]]) -> Iterator[list[Any]]:
        for chunk in iterable:
            yield chunk
            self.bar.update(len(chunk))

    def remove_unsearchable(self, backend: Any) -> int:
        """Entries of disclosure pages that are drafts, unpublished, restricted or not 主动公开."""
        removed = 0
        for model in get_indexed_models():
            if not issubclass(model, DisclosurePageMixin):
                continue
            searchable = model.get_indexed_objects().values("pk")
            for page in model.objects.exclude(pk__in=searchable).only("pk"):
                backend.delete(page)
                removed += 1
        return removed
