"""Wagtail's SQLite FTS5 backend, indexing faster and feeding :mod:`disclosure_search.engine`.

Wagtail's indexer read every field three times and rewrote the whole table's title
factor after each save, and its queries neither cut Chinese nor scaled (see
:mod:`~disclosure_search.backends.sqlite_query`). Public disclosure pages also get their
engine row, removed with the page's entry. The changes are listed in ``docs/search.md``.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Avg
from django.db.models.functions import Length
from django.utils.functional import cached_property
from modelsearch.backends.database.sqlite.sqlite import ObjectIndexer, SQLiteIndex, SQLiteSearchBackend
from modelsearch.index import AutocompleteField, SearchField
from modelsearch.utils import get_content_type_pk

from disclosure_pages.mixins import DisclosurePageMixin
from disclosure_pages.page_text import indexing_pass
from disclosure_search import engine, parallel

from .safe_query import SafeQueryMixin
from .sqlite_query import DisclosureAutocompleteQueryCompiler, DisclosureSearchQueryCompiler, RankedSearchResults

# Fields whose text is already segmented (see disclosure_pages.mixins.DisclosurePageMixin).
SEGMENTED_FIELDS = frozenset({"search_title", "search_document"})
_title_average: float | None = None


def _title_norm(title: str, average: float | None) -> float:
    return average / len(title) if average and title else 1.0


class SinglePassIndexer(ObjectIndexer):
    """Wagtail's indexer with every field value computed once.

    For disclosure pages the body column holds only the segmented text
    (``search_title``, ``search_document``): their raw fields are the same text
    unsegmented, which FTS cannot cut, so indexing it again would only cost time.
    """

    @cached_property
    def _columns(self) -> tuple[str, str, str]:
        title: list[str] = []
        body: list[str] = []
        autocomplete: list[str] = []
        segmented_only = isinstance(self.obj, DisclosurePageMixin)
        for search_field in self.search_fields:
            for current, value in self.prepare_field(self.obj, search_field):
                if isinstance(current, SearchField):
                    if current.field_name == "title":
                        title.append(value)
                    elif not segmented_only or current.field_name in SEGMENTED_FIELDS:
                        body.append(value)
                elif isinstance(current, AutocompleteField):
                    autocomplete.append(value)
        if segmented_only:
            autocomplete.append(self.obj.search_title())  # so the admin finds 防汛 inside a title
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


class DisclosureSQLiteIndex(SQLiteIndex):
    def add_items(self, model: type, objs: Any) -> None:
        if not model.get_search_fields():
            return
        objs = list(objs)
        if not objs:
            return
        documents = engine.indexes(model)
        with indexing_pass():
            if documents:
                parallel.prepare(objs)
            rows = {}
            for obj in objs:
                indexer = SinglePassIndexer(obj, self.backend)
                rows[indexer.id] = (indexer.title, indexer.autocomplete, indexer.body)
            self._write(model, rows)
            if documents:
                engine.store(model, objs)

    def _write(self, model: type, rows: dict[str, tuple[str, str, str]]) -> None:
        """Wagtail's entries: update those that exist, create the rest in bulk, title factor included.

        Wagtail sets the title length factor (average title length / this title's) in a
        second UPDATE over the whole table after every write, 1.2 s per saved page at
        100,000 entries, and each such UPDATE re-indexes the row's full text. Here it is
        written with the row, from an average remembered per process; a rebuild
        recomputes the average and refreshes every row (``_refresh_title_norms``).
        """
        content_type_pk = get_content_type_pk(model)
        average = self._average_title_length()
        entries = self.entries.filter(content_type_id=content_type_pk)
        existing = set(entries.filter(object_id__in=rows.keys()).values_list("object_id", flat=True))
        for object_id in existing:
            title, autocomplete, body = rows[object_id]
            entries.filter(object_id=object_id).update(
                title=title, autocomplete=autocomplete, body=body, title_norm=_title_norm(title, average)
            )
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
                if object_id not in existing
            ],
            batch_size=500,
        )

    def _average_title_length(self) -> float | None:
        global _title_average
        if _title_average is None:
            _title_average = (
                self.entries.annotate(title_length=Length("title"))
                .filter(title_length__gt=0)
                .aggregate(Avg("title_length"))["title_length__avg"]
            )
        return _title_average

    def _refresh_title_norms(self, full: bool = False) -> None:
        global _title_average
        _title_average = None
        super()._refresh_title_norms(full=full)

    def delete_item(self, item: Any) -> None:
        super().delete_item(item)
        if engine.indexes(type(item)):
            engine.remove([item.pk])

    def delete_stale_entries(self) -> None:
        """A rebuild starts here; the pass that follows rewrites every engine row it reaches."""
        super().delete_stale_entries()
        engine.prune()

    def reset(self) -> None:
        super().reset()
        engine.clear()


class DisclosureSQLiteSearchBackend(SafeQueryMixin, SQLiteSearchBackend):
    index_class = DisclosureSQLiteIndex
    query_compiler_class = DisclosureSearchQueryCompiler
    results_class = RankedSearchResults
    autocomplete_query_compiler_class = DisclosureAutocompleteQueryCompiler
    feeds_disclosure_engine = True  # the public search reads disclosure_search.engine's index
