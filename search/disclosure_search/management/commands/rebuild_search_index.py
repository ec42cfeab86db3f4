"""Rebuild the search index with a progress bar, counts and the indexing rate.

Wagtail's ``update_index`` prints dots; this command does the same work (every
configured backend, or ``--backend``) with a tqdm bar, and afterwards removes index
entries of disclosure pages that are no longer searchable (the database backend's own
rebuild only drops entries whose row was deleted).
"""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from modelsearch.backends import get_search_backend
from modelsearch.conf import get_app_config
from modelsearch.index import get_indexed_models
from modelsearch.management.commands.rebuild_modelsearch_index import group_models_by_index
from tqdm import tqdm

from disclosure_pages.mixins import DisclosurePageMixin


class Command(BaseCommand):
    help = "Rebuild the full-text search index (with a progress bar)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--backend", dest="backend_name", default=None, help="Only this backend.")
        parser.add_argument("--chunk-size", dest="chunk_size", type=int, default=500)

    def handle(self, *args: Any, **options: Any) -> None:
        names = [options["backend_name"]] if options["backend_name"] else list(get_app_config().get_search_backend_config())
        show_bar = options["verbosity"] > 0
        for name in names:
            self.rebuild(name, options["chunk_size"], show_bar)

    def rebuild(self, name: str, chunk_size: int, show_bar: bool) -> None:
        backend = get_search_backend(name)
        if not backend.rebuilder_class:
            self.stdout.write(f"{name}: backend needs no rebuild")
            return
        started = time.monotonic()
        total = 0
        for index, models in group_models_by_index(backend, get_indexed_models()).items():
            rebuilder = backend.rebuilder_class(index)
            index = rebuilder.start()
            for model in models:
                index.add_model(model)
            counts = {model: model.get_indexed_objects().count() for model in models}
            with tqdm(
                total=sum(counts.values()), desc=f"{name}", unit="obj", disable=not show_bar, file=self.stderr._out
            ) as bar:
                for model in models:
                    queryset = model.get_indexed_objects().order_by("pk")
                    for start in range(0, counts[model], chunk_size):
                        chunk = list(queryset[start : start + chunk_size])
                        index.add_items(model, chunk)
                        bar.update(len(chunk))
                        total += len(chunk)
            rebuilder.finish()
        removed = self.remove_unsearchable(backend)
        elapsed = max(time.monotonic() - started, 1e-6)
        self.stdout.write(
            f"{name}: indexed {total} objects, removed {removed} unsearchable pages "
            f"in {elapsed:.1f}s ({total / elapsed:.0f} objects/s)"
        )

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
