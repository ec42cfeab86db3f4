"""Wagtail's SQLite FTS5 backend, indexing faster and feeding :mod:`disclosure_search.engine`.

Wagtail's indexer read every field three times and rewrote the whole table's title
factor after each save, and its queries neither cut Chinese nor scaled (see
:mod:`~disclosure_search.backends.sqlite_query`). Public disclosure pages also get their
engine row, removed with the page's entry. The changes are listed in ``docs/search.md``.
"""

from __future__ import annotations

from typing import Any

from django.utils.functional import cached_property
from modelsearch.backends.database.sqlite.sqlite import ObjectIndexer, SQLiteIndex, SQLiteSearchBackend
from modelsearch.utils import get_content_type_pk

from .engine_feed import FeedsEngineMixin, RememberedTitleAverageMixin, split_fields
from .safe_query import SafeQueryMixin
from .sqlite_query import DisclosureAutocompleteQueryCompiler, DisclosureSearchQueryCompiler, RankedSearchResults


def _title_norm(title: str, average: float | None) -> float:
    return average / len(title) if average and title else 1.0


class SinglePassIndexer(ObjectIndexer):
    """Wagtail's indexer with every field value computed once (see engine_feed.split_fields)."""

    @cached_property
    def _columns(self) -> tuple[str, str, str]:
        title, body, autocomplete = split_fields(self.obj, self.search_fields, self.prepare_field)
        return " ".join(title), " ".join(body), " ".join(autocomplete)

    @property
    def title(self) -> str:
        return self._columns[0]

    @property
    def body(self) -> str:
        return self._columns[1]

    @property
    def autocomplete(self) -> str:
        return self._columns[2]


class DisclosureSQLiteIndex(RememberedTitleAverageMixin, FeedsEngineMixin, SQLiteIndex):
    def write_entries(self, model: type, objs: list[Any]) -> None:
        rows = {}
        for obj in objs:
            indexer = SinglePassIndexer(obj, self.backend)
            rows[indexer.id] = (indexer.title, indexer.autocomplete, indexer.body)
        self._write(model, rows)

    def _write(self, model: type, rows: dict[str, tuple[str, str, str]]) -> None:
        """Wagtail's entries of ``rows``, replaced in bulk, title factor included.

        Wagtail sets the title length factor (average title length / this title's) in a
        second UPDATE over the whole table after every write, 1.2 s per saved page at
        100,000 entries, and each such UPDATE re-indexes the row's full text. Here it is
        written with the row, from an average remembered per process; a rebuild
        recomputes the average and refreshes every row (``_refresh_title_norms``).
        """
        content_type_pk = get_content_type_pk(model)
        average = self._average_title_length()
        entries = self.entries.filter(content_type_id=content_type_pk)
        # Entries being re-indexed are replaced: one DELETE for the batch (Wagtail's triggers
        # keep its FTS table in step), not an UPDATE per entry (0.4 ms each on a rebuild).
        entries.filter(object_id__in=list(rows))._raw_delete(entries.db)
        self.entries.bulk_create(
            [
                self.entries.model(
                    content_type_id=content_type_pk,
                    object_id=object_id,
                    title=title,
                    autocomplete=autocomplete,
                    body=body,
                    title_norm=_title_norm(title, average),
                )
                for object_id, (title, autocomplete, body) in rows.items()
            ],
            batch_size=500,
        )


class DisclosureSQLiteSearchBackend(SafeQueryMixin, SQLiteSearchBackend):
    index_class = DisclosureSQLiteIndex
    query_compiler_class = DisclosureSearchQueryCompiler
    results_class = RankedSearchResults
    autocomplete_query_compiler_class = DisclosureAutocompleteQueryCompiler
    feeds_disclosure_engine = True  # the public search reads disclosure_search.engine's index
