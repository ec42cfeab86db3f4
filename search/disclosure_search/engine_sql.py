"""The embedded engine's SQL, one dialect per database: SQLite's FTS5 and PostgreSQL's tsvector.

Both read a full-text table kept by the triggers of migrations 0003 (SQLite) and 0004
(PostgreSQL) over :class:`~disclosure_search.models.SearchDocument`, keyed by its
``sort_key``, so the same questions (how many match, the newest, the best of the window
with its count and facets) are asked the same way; only the match, the key column and the
rank expression differ.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction
from django.db.models import QuerySet

from .boolean import expression, render
from .models import FACET_DIMENSIONS, SearchDocument

SQLITE_FACETS = "disclosure_search_facets"
FACET_COLUMNS = ("content_type_id", "year", "organisation_id", *(f"{name}_id" for name in FACET_DIMENSIONS))

# Title words (title, 文号, 索引号) count five times body words, as in FTS5's bm25 weights.
TITLE_WEIGHT = 5.0
BODY_WEIGHT = 1.0


def fts5_match(word_sets: Sequence[Sequence[str]]) -> str:
    """FTS5 MATCH text: the word sets' OR of ANDs (shared words factored, :mod:`.boolean`),
    every word quoted (words are alphanumeric)."""
    node = expression(word_sets)
    if node is None:
        return ""
    return render(node, lambda word: '"' + word.replace('"', "") + '"', {"and": "AND", "or": "OR"})


def postgres_tsquery(word_sets: Sequence[Sequence[str]]) -> tuple[str, list[str]]:
    """SQL for the same expression as a tsquery, each word parsed as the index parses text."""
    node = expression(word_sets)
    if node is None:
        return "", []
    params: list[str] = []

    def parse(word: str) -> str:
        params.append(word)
        return "plainto_tsquery('simple', %s)"

    return render(node, parse, {"and": "&&", "or": "||"}), params


@dataclass(frozen=True)
class Dialect:
    vendor: str
    table: str
    key: str  # the column holding SearchDocument.sort_key
    # The key in a window bound. On PostgreSQL ``sort_key + 0``: a range on the primary key
    # would make the planner read and decompress every vector of the window to test the
    # match, where the GIN index answers the match and the bound is a cheap filter.
    bound: str

    def match(self, word_sets: Sequence[Sequence[str]]) -> tuple[str, list[Any]] | None:
        """The WHERE fragment and its parameters for documents matching any word set."""
        if self.vendor == "sqlite":
            text = fts5_match(word_sets)
            return (f"{self.table} MATCH %s", [text]) if text else None
        sql, params = postgres_tsquery(word_sets)
        if not sql:
            return None
        with connection.cursor() as cursor:  # parsed once, then passed as a literal
            cursor.execute(f"SELECT ({sql})::text", params)  # noqa: S608 (placeholders only)
            tsquery = cursor.fetchone()[0]
        return ("vector @@ %s::tsquery", [tsquery]) if tsquery else None

    def rank(self, match_params: list[Any]) -> Rank:
        """A match's rank ``r`` as SQL (best first by ``r`` then newest ``k``)."""
        if self.vendor == "sqlite":
            return Rank(f"bm25({self.table}, {TITLE_WEIGHT}, {BODY_WEIGHT})", [], lower_is_better=True)
        body = BODY_WEIGHT / TITLE_WEIGHT  # ts_rank takes weights up to 1, in the order D, C, B, A
        weights = f"{{{body},{body},{body},1.0}}"
        # Normalisation 1: divide by 1 + log(length), so long documents do not win by length alone.
        # float8, so that the rank and the counts share one column of the summary's UNION.
        return Rank("ts_rank(%s::real[], vector, %s::tsquery, 1)::float8", [weights, *match_params], False)


@dataclass(frozen=True)
class Rank:
    sql: str
    params: list[Any]
    lower_is_better: bool  # FTS5's bm25 is negative, better when lower; ts_rank better when higher

    @property
    def order(self) -> str:
        """ORDER BY over ``r`` (the rank) and ``k`` (the sort key): the best first, then the newest."""
        return f"r{'' if self.lower_is_better else ' DESC'}, k DESC"

    def sorted_keys(self, ranked: Sequence[tuple[int, float]]) -> list[int]:
        """The keys of (key, rank) pairs in the order of :attr:`order`."""
        sign = 1 if self.lower_is_better else -1
        return [key for key, _r in sorted(ranked, key=lambda pair: (sign * pair[1], -pair[0]))]


@contextmanager
def planned(dialect: Dialect) -> Iterator[None]:
    """The engine's queries, planned for a full-text table whose rows are mostly TOAST.

    PostgreSQL costs ``vector @@ query`` as if it were free, so for a broad query it scans
    the whole table and decompresses every vector (100 ms at 20,000 documents) where the
    GIN index answers without reading one (11 ms). Sequential scans are switched off for
    these queries only, in a transaction (or savepoint) of their own, then switched back
    (a failure rolls the savepoint back, which undoes the setting too).
    """
    if dialect.vendor != "postgresql":
        yield
        return
    nested = connection.in_atomic_block  # then the setting would outlive this block: reset it
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT set_config('enable_seqscan', 'off', true)")
        yield
        if nested:
            cursor.execute("SELECT set_config('enable_seqscan', 'on', true)")


DIALECTS = {
    "sqlite": Dialect("sqlite", "disclosure_search_fts", "rowid", "rowid"),
    "postgresql": Dialect("postgresql", "disclosure_search_tsv", "sort_key", "sort_key + 0"),
}


# Matches per value of each facet column, from a CTE ``c`` of the matches' facet values.
_FACET_GROUPS = [
    f"SELECT {number}, {column}, count(*) FROM c WHERE {column} IS NOT NULL GROUP BY {column}"  # noqa: S608
    for number, column in enumerate(FACET_COLUMNS)
]


@dataclass
class Opening:
    leads: list[int]  # the newest match of a leading type, if any
    count: int  # the other matches, or most + 1 when there are more
    floor: int  # the sort key of the window-th newest document of the index (0: fewer)


@dataclass
class WindowSummary:
    count: int  # matches in the window, without the excluded keys
    keys: list[int]  # the best of them, in order
    facet_rows: list[tuple] | None  # (facet number, value, count), as Query.facet_rows


class Query:
    """One visitor's query against the full-text table, optionally restricted to some pages."""

    def __init__(self, dialect: Dialect, match: tuple[str, list[Any]], restrict: QuerySet | None):
        self.dialect = dialect
        self.table, self.key = dialect.table, dialect.key
        self.match_params = match[1]
        # What matches (the visitor's filters included); exclude() takes keys out of the
        # results and counts, never out of the facet counts.
        self.matching, self.matching_params = match[0], list(match[1])
        if restrict is not None:
            keys = SearchDocument.objects.filter(page_id__in=restrict.values("pk")).values("sort_key")
            sql, params = keys.query.sql_with_params()
            self.matching += f" AND {self.key} IN ({sql})"
            self.matching_params += list(params)
        self.excluded: list[int] = []

    @property
    def where(self) -> str:
        return self.matching + (f" AND {self._kept(self.key)}" if self.excluded else "")

    @property
    def params(self) -> list[Any]:
        return [*self.matching_params, *self.excluded]

    def _kept(self, column: str) -> str:
        return f"{column} NOT IN ({', '.join(['%s'] * len(self.excluded))})" if self.excluded else "TRUE"

    def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        with connection.cursor() as cursor:
            cursor.execute(sql, [*self.params, *params])
            return cursor.fetchall()

    def exclude(self, keys: Sequence[int]) -> None:
        self.excluded += keys

    def opening(self, content_type_ids: Sequence[int], most: int, window: int) -> Opening:
        """In one statement: the newest match among pages of these types (the lead), how many
        match besides it (``most + 1`` when more), and the window's floor (:class:`Opening`).

        Asked apart they were three round trips, about a millisecond of a typical search.
        """
        lead_sql, lead_params = "NULL", []
        if content_type_ids:
            of_types = SearchDocument.objects.filter(content_type_id__in=content_type_ids).values("sort_key")
            sql, params = of_types.query.sql_with_params()
            lead_sql = (
                f"(SELECT {self.key} FROM {self.table} WHERE {self.where} AND {self.key} IN ({sql}) "  # noqa: S608
                f"ORDER BY {self.key} DESC LIMIT 1)"
            )
            lead_params = [*self.params, *params]
        # The lead is among the matches counted here: one more is read, and it is taken off.
        count_sql = f"(SELECT count(*) FROM (SELECT 1 FROM {self.table} WHERE {self.where} LIMIT %s) AS m)"  # noqa: S608
        floor_sql = f"(SELECT sort_key FROM {SearchDocument._meta.db_table} ORDER BY sort_key DESC LIMIT 1 OFFSET %s)"  # noqa: S608
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {lead_sql}, {count_sql}, {floor_sql}",
                [*lead_params, *self.params, most + 2, max(0, window - 1)],
            )
            lead, count, floor = cursor.fetchone()
        leads = [] if lead is None else [lead]
        return Opening(leads, min(int(count) - len(leads), most + 1), floor or 0)

    def facet_rows(self, floor: int | None = None) -> list[tuple]:
        """(facet number, value, count) for each facet column (FACET_COLUMNS) over every match
        (from ``floor`` up, when given: the newest documents), excluded keys included.

        The matches' facet values are read once and grouped per column, so the rows returned
        are as many as the facet values, not the matches: PostgreSQL's full-text table carries
        the facet columns; SQLite's FTS5 table holds only text, so its matches are looked up in
        a narrow facet table (migration 0004).
        """
        columns = ", ".join(FACET_COLUMNS)
        where, params = self.matching, list(self.matching_params)
        if floor is not None:
            where, params = f"{where} AND {self.dialect.bound} >= %s", [*params, floor]
        if self.dialect.vendor == "postgresql":
            matches = f"SELECT {columns} FROM {self.table} WHERE {where}"  # noqa: S608
        else:
            matches = (
                f"SELECT {columns} FROM {SQLITE_FACETS} "  # noqa: S608
                f"WHERE sort_key IN (SELECT {self.key} FROM {self.table} WHERE {where})"
            )
        with connection.cursor() as cursor:
            cursor.execute(f"WITH c AS MATERIALIZED ({matches}) " + " UNION ALL ".join(_FACET_GROUPS), params)
            return cursor.fetchall()

    def window_summary(self, floor: int | None, offset: int, limit: int, *, facets: bool) -> WindowSummary:
        """One statement over the matches from ``floor`` up (all of them when None): the best
        ``limit`` after ``offset`` and how many there are (both without the excluded keys),
        and with ``facets`` the facet rows of all of them.

        The matches are read once, into a materialised CTE with their rank: ranking, counting
        and grouping them separately read the full-text index three times. On PostgreSQL the
        window is a range of the primary key: ranking decompresses each vector of the window
        anyway, so testing the match on it costs nothing more.
        """
        dialect, key = self.dialect, self.key
        rank = dialect.rank(self.match_params)
        bound, bound_params = ("", []) if floor is None else (f" AND {key} >= %s", [floor])
        if dialect.vendor == "postgresql":
            columns = ", ".join(FACET_COLUMNS)
            ctes = (
                f"w AS MATERIALIZED (SELECT {key} AS k, {columns}, {rank.sql} AS r "  # noqa: S608
                f"FROM {self.table} WHERE {self.matching}{bound}), c AS (SELECT * FROM w)"
            )
            params = [*rank.params, *self.matching_params, *bound_params]
        else:
            ctes = (
                f"w AS MATERIALIZED (SELECT {key} AS k, {rank.sql} AS r FROM {self.table} "  # noqa: S608
                f"WHERE {self.matching}{bound}), "
                f"c AS MATERIALIZED (SELECT f.* FROM {SQLITE_FACETS} f JOIN w ON f.sort_key = w.k)"
            )
            params = [*self.matching_params, *bound_params]
        kept = self._kept("k")
        parts = [
            # The best with their rank, ordered again below: a UNION keeps no order (and a
            # window function numbering them sorted the whole window, 2 ms).
            f"SELECT -1, k, r FROM (SELECT k, r FROM w WHERE {kept} ORDER BY {rank.order} LIMIT %s OFFSET %s) AS best",
            f"SELECT -2, 0, count(*) FROM w WHERE {kept}",
        ]
        params += [*self.excluded, limit, offset, *self.excluded]
        if facets:
            parts += _FACET_GROUPS
        with connection.cursor() as cursor:
            cursor.execute(f"WITH {ctes} " + " UNION ALL ".join(parts), params)
            rows = cursor.fetchall()
        keys = rank.sorted_keys([(k, r) for kind, k, r in rows if kind == -1])
        count = next(int(n) for kind, _k, n in rows if kind == -2)
        facet_rows = [(kind, value, int(n)) for kind, value, n in rows if kind >= 0] if facets else None
        return WindowSummary(count, keys, facet_rows)

    def newest(self, offset: int, limit: int, *, below: int | None = None) -> list[int]:
        extra, params = ("", [])
        if below is not None:
            extra, params = f" AND {self.key} < %s", [below]
        sql = (
            f"SELECT {self.key} FROM {self.table} WHERE {self.where}{extra} "  # noqa: S608
            f"ORDER BY {self.key} DESC LIMIT %s OFFSET %s"
        )
        return [row[0] for row in self.fetch(sql, [*params, limit, offset])]
