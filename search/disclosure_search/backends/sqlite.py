"""Wagtail's SQLite FTS5 backend, indexing faster and feeding :mod:`disclosure_search.engine`.

Seven changes to ``modelsearch.backends.database.sqlite``, Wagtail's backend for the
admin's searches and choosers (and for the public search if the engine table is missing):

* Each object's search fields are read once per pass. Wagtail's indexer reads every
  field three times (for the title, body and autocomplete columns), which for a
  disclosure page means segmenting its text three times over.
* A bulk pass over many disclosure pages segments their text in worker processes
  first (:mod:`disclosure_search.parallel`); jieba is pure Python and the rest of the pass
  is database work, so this is where the second core helps.
* The title length factor Wagtail's ranking uses is written with each row, from a
  remembered average, instead of re-reading and re-writing the whole table after every
  write; disclosure pages put only their segmented text in the body column.
* Relevance ordering ranks the matches in one query (:class:`RankedQueryMixin`)
  instead of a sub-query per candidate, which made admin searches hang at scale.
* Plain-text queries also match as jieba words, and disclosure pages add their
  segmented title words to the autocomplete column, so an editor finds 防汛 inside
  关于做好防汛抗旱工作的通知 (:class:`ChineseQueryMixin`).
* Queries are cleaned first (:mod:`disclosure_search.backends.safe_query`), terms are quoted the
  FTS5 way and a field restriction names index columns (:mod:`disclosure_search.backends.fts`):
  quotes, NUL, full-width spaces and the admin's snippet searches were 500s.
* Public disclosure pages also get their :class:`~disclosure_search.models.SearchDocument` row
  (the engine's index), removed again with the page's entry; a rebuild rewrites them all.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Avg, Case, FloatField, IntegerField, Value, When
from django.db.models.functions import Cast, Length
from django.utils.functional import cached_property
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    ObjectIndexer,
    SQLiteAutocompleteQueryCompiler,
    SQLiteFTSIndexEntry,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.index import AutocompleteField, SearchField
from modelsearch.query import MatchAll, Not, PlainText
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from disclosure_pages.mixins import DisclosurePageMixin
from disclosure_pages.page_text import indexing_pass
from disclosure_search import engine, parallel

from .fts import FTSQueryMixin
from .safe_query import SafeQueryMixin

# Fields whose text is already segmented (see disclosure_pages.mixins.DisclosurePageMixin).
SEGMENTED_FIELDS = frozenset({"search_title", "search_document"})
_title_average: float | None = None
# Matches ordered by rank in an admin search; the rest follow newest first.
RANKED_LIMIT = 500


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


class ChineseQueryMixin:
    """A plain-text query also matches as segmented words, OR-ed with the query as typed.

    FTS5 cuts Chinese only at punctuation, so 防汛 could never match an index of words
    such as 关于 做好 防汛 抗旱: the admin's searches and choosers get the word sets of
    the public search (:func:`disclosure_search.service.query_word_sets`). The query as typed
    stays an alternative, so text that is not segmented (a document's title) matches as before.
    """

    def build_search_query_content(self, query: Any, config: Any = None) -> Any:
        built = super().build_search_query_content(query, config=config)
        if not isinstance(query, PlainText) or built is None:
            return built
        from disclosure_search.service import query_word_sets

        for words in query_word_sets(query.query_string):
            text = " ".join(words)
            if text != query.query_string:
                built = built | super().build_search_query_content(PlainText(text, operator="and"), config=config)
        return built


class RankedQueryMixin:
    """Relevance from one ranked FTS query, not a correlated sub-query per candidate row.

    Wagtail's compiler annotates every candidate with a sub-query that re-runs the
    MATCH, so the work grows with the square of the matches: an admin search for 关于
    over 100,000 pages did not finish in two minutes. Here the matches are ranked once
    (bm25, Wagtail's own rank expression) and the best :data:`RANKED_LIMIT` ordered by
    rank; matches beyond them follow newest first, which nobody pages to in the admin.
    Membership, counts and every filter of the queryset are Wagtail's.
    """

    def _matches(self, config: Any) -> tuple[Any, Any] | None:
        """(index hits, the queryset narrowed to them), or None where Wagtail's way is kept."""
        normalized = normalize(self.query)
        if not self.order_by_relevance or isinstance(normalized, (MatchAll, Not)):
            return None
        match = MatchExpression(self.fts_columns(), self.build_search_query(normalized, config=config))
        hits = SQLiteFTSIndexEntry.objects.filter(match).filter(
            index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model)
        )
        return hits, self.queryset.filter(pk__in=hits.values("index_entry__object_id"))

    def count(self, config: Any, start: int | None, stop: int | None) -> int:
        matches = self._matches(config)
        if matches is None:
            return self.search(config, start, stop).count()
        return matches[1][start:stop].count()

    def search(self, config: Any, start: int | None, stop: int | None, score_field: str | None = None) -> Any:
        matches = self._matches(config)
        if matches is None:
            return super().search(config, start, stop, score_field=score_field)
        hits, matching = matches
        ranked = list(
            hits.annotate(score=self._build_rank_expression(self.get_search_vectors(), config))
            .order_by("score", Cast("index_entry__object_id", IntegerField()).desc())
            .values_list("index_entry__object_id", "score")[:RANKED_LIMIT]
        )
        scores = {str(object_id): score for object_id, score in ranked}
        # The ranked ids match by construction: filtering them needs no pass over all matches.
        shown = {str(pk) for pk in self.queryset.filter(pk__in=list(scores)).values_list("pk", flat=True)}
        order = [object_id for object_id in scores if object_id in shown]
        start = start or 0
        # A slice within the ranked matches loads just them; one reaching past them takes
        # the ranked ones first, then the rest of the matches by -pk.
        within = stop is not None and stop <= len(order)
        ranked_ids = order[start:stop] if within else order
        queryset = self.queryset.filter(pk__in=ranked_ids) if within else matching
        queryset = queryset.annotate(
            _disclosure_rank=_by_id(ranked_ids, range(len(ranked_ids)), len(ranked_ids), IntegerField())
        ).order_by("_disclosure_rank", "-pk")
        if score_field:
            queryset = queryset.annotate(
                **{score_field: _by_id(ranked_ids, [scores[pk] for pk in ranked_ids], 0.0, FloatField())}
            )
        return queryset if within else queryset[start:stop]


def _by_id(ids: list[str], values: Any, default: Any, output_field: Any) -> Case:
    """``values[i]`` for the row whose pk is ``ids[i]``, ``default`` otherwise."""
    whens = [When(pk=pk, then=Value(value)) for pk, value in zip(ids, values, strict=True)]
    return Case(*whens, default=Value(default), output_field=output_field)


class RankedSearchResults(SQLiteSearchResults):
    def _do_count(self) -> int:
        compiler = self.query_compiler
        return compiler.count(compiler.get_config(self.backend), self.start, self.stop)


class DisclosureSearchQueryCompiler(ChineseQueryMixin, RankedQueryMixin, FTSQueryMixin, SQLiteSearchQueryCompiler):
    pass


class DisclosureAutocompleteQueryCompiler(
    ChineseQueryMixin, RankedQueryMixin, FTSQueryMixin, SQLiteAutocompleteQueryCompiler
):
    pass


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
