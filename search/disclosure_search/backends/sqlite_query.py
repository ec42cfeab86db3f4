"""Queries of the SQLite backend: Chinese words, and one ranked FTS query instead of one per row.

Wagtail's compiler cannot find 防汛 inside an index of segmented words, and it ranks by
re-running the MATCH once per candidate row; both made admin searches useless at scale.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Case, FloatField, IntegerField, Value, When
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteFTSIndexEntry,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks

from .chinese import ChineseQueryMixin
from .fts import FTSQueryMixin

# Matches ordered by rank in an admin search; the rest follow newest first.
RANKED_LIMIT = 500


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
