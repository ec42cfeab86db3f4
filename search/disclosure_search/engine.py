"""The embedded search engine: ranked full-text queries over public disclosure pages (SQLite, PostgreSQL).

Wagtail's database backends score every candidate with a correlated sub-query (SQLite: over
10 s for one broad query at 5,000 pages; PostgreSQL: 1.5 s p50 at 20,000), so this module
keeps its own index of the same segmented text (:class:`~disclosure_search.models.SearchDocument`
with a full-text table over it: FTS5 on SQLite, a GIN-indexed tsvector on PostgreSQL, see
:mod:`~disclosure_search.engine_sql`) and queries it directly. Database triggers keep that
index to pages citizens may read, so counts need no visibility join. How ranking, the
relevance window and the sort key work is described in ``docs/search.md``.
"""

from __future__ import annotations

import datetime
import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import QuerySet

from disclosure_pages.i18n import in_default_language
from disclosure_pages.page_text import organisation_field
from disclosure_pages.visibility import visible

from .engine_sql import DIALECTS, Query, planned
from .models import FACET_DIMENSIONS, SearchDocument
from .page_types import disclosure_models, publication_date

logger = logging.getLogger("disclosure_search")

#: Ranking reads each matching document of the window: FTS5's bm25 walks its positions, PostgreSQL's
#: ts_rank decompresses the row's vector (about 6 µs each); at 100,000 documents a broad query
#: ranks its newest 3,000 matches in about 12 ms (SQLite) and 17 ms (PostgreSQL).
DEFAULT_RANK_WINDOW = 3_000
#: Matches are counted up to this many; beyond it a search says "more than" (as Elasticsearch's
#: track_total_hits does), so a query matching every document does not count them all.
DEFAULT_COUNT_LIMIT = 10_000
_PAGE_ID_BITS = 32
_PAGE_ID_MASK = (1 << _PAGE_ID_BITS) - 1


def rank_window() -> int:
    return max(1, int(getattr(settings, "DISCLOSURE_SEARCH_RANK_WINDOW", DEFAULT_RANK_WINDOW)))


def count_limit() -> int:
    """At least the rank window, so that a window's matches are always counted exactly."""
    return max(rank_window(), int(getattr(settings, "DISCLOSURE_SEARCH_COUNT_LIMIT", DEFAULT_COUNT_LIMIT)))


# Databases where the full-text table was found; only migrating back removes it.
_available: set[tuple[str, str]] = set()


def available() -> bool:
    """True when the default database has this engine's full-text table (looked up once)."""
    dialect = DIALECTS.get(connection.vendor)
    if dialect is None:
        return False
    key = (connection.vendor, str(connection.settings_dict.get("NAME")))
    if key not in _available:
        with connection.cursor() as cursor:
            if dialect.table not in connection.introspection.table_names(cursor):
                return False
        _available.add(key)
    return True


# ----------------------------------------------------------------------------- writing


def sort_key(page: Any) -> int:
    """The page's publication date (the one results show), then its id."""
    if not 0 < page.pk <= _PAGE_ID_MASK:
        raise ValueError(f"page id {page.pk} does not fit the search sort key")
    date = publication_date(page) or datetime.date.today()
    return (date.toordinal() << _PAGE_ID_BITS) | page.pk


def page_id(key: int) -> int:
    return key & _PAGE_ID_MASK


def indexes(model: type) -> bool:
    """Whether pages of ``model`` belong in the index (the types the public search shows)."""
    return model in disclosure_models()


def store(model: type, pages: Sequence[Any]) -> int:
    """(Re)write the rows of ``pages``; pages citizens may not read, and translations, lose theirs.
    Returns rows written."""
    if not pages or not indexes(model):
        return 0
    ids = [page.pk for page in pages]
    # One row per piece of information: translations are found through their source and
    # shown in the reader's language (disclosure_pages.i18n.in_reader_language).
    public = set(visible(in_default_language(model.objects.filter(pk__in=ids))).values_list("pk", flat=True))
    rows = [
        SearchDocument(
            page_id=page.pk,
            sort_key=sort_key(page),
            content_type_id=page.content_type_id,
            title=page.search_title(),
            body=page.search_document(),
            **facet_values(page),
        )
        for page in pages
        if page.pk in public
    ]
    remove(ids)
    SearchDocument.objects.bulk_create(rows, batch_size=500)
    return len(rows)


def facet_values(page: Any) -> dict[str, Any]:
    """What the results page counts the page under: year, organisation, catalog classifications."""
    organisation = organisation_field(page)
    date = publication_date(page)
    return {
        "year": date.year if date else None,
        "organisation_id": getattr(page, organisation + "_id", None) if organisation else None,
        **{f"{name}_id": getattr(page, f"{name}_category_id", None) for name in FACET_DIMENSIONS},
    }


def remove(page_ids: Iterable[int]) -> None:
    ids = list(page_ids)
    for start in range(0, len(ids), 500):
        SearchDocument.objects.filter(page_id__in=ids[start : start + 500])._raw_delete(SearchDocument.objects.db)


def prune() -> None:
    """Drop rows of page types the public search no longer shows (rows of pages that are
    not public cannot exist: the triggers remove them)."""
    shown = ContentType.objects.get_for_models(*disclosure_models(), for_concrete_models=False).values()
    SearchDocument.objects.exclude(content_type__in=list(shown))._raw_delete(SearchDocument.objects.db)


def clear() -> None:
    SearchDocument.objects.all()._raw_delete(SearchDocument.objects.db)


def compact() -> None:
    """After a bulk pass (a rebuild, a large import): the full-text index as if built at once.

    Written a few hundred rows at a time, the index is left in pieces: FTS5 segments on SQLite,
    a GIN index grown through its pending list on PostgreSQL. Merged (SQLite ``optimize``, 1.7 s
    at 100,000 documents; a ``REINDEX CONCURRENTLY``, which never blocks searches, 5 s), queries
    take about a quarter less time. PostgreSQL's tables are then vacuumed and analysed, as
    autovacuum would do minutes later: with the rows' visibility known, a query takes a third
    less again (vacuumed first, the old index's pending list was merged only to be rebuilt).
    The pending lists of Wagtail's own index table, which a bulk pass lets grow (see
    ``backends.postgres``), are merged. Inside a transaction, where neither a vacuum nor a
    concurrent rebuild may run, PostgreSQL merges the pending lists and analyses.
    SQLite is left without statistics: ``ANALYZE`` there records that nearly every document
    is a catalog entry, and the planner then scans them all for the newest guide (64 ms).
    """
    if not available():
        return
    dialect = DIALECTS[connection.vendor]
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"INSERT INTO {dialect.table}({dialect.table}) VALUES ('optimize')")  # noqa: S608
            return
        tables = f"{dialect.table}, {SearchDocument._meta.db_table}"
        if connection.in_atomic_block:  # neither VACUUM nor a concurrent REINDEX may run in one
            merge_pending_lists(cursor, [_wagtail_index_table(), dialect.table])
            cursor.execute(f"ANALYZE {tables}")
            return
        merge_pending_lists(cursor, [_wagtail_index_table()])  # the engine's index is rebuilt next
        cursor.execute(f"REINDEX INDEX CONCURRENTLY {dialect.table}_vector")
        cursor.execute(f"VACUUM (ANALYZE) {tables}")


def merge_pending_lists(cursor: Any, tables: Sequence[str]) -> list[int]:
    """Merge the pending lists of the GIN indexes of ``tables`` (PostgreSQL); returns the pages
    each held. A bulk pass leaves new entries there (see backends.postgres), which every
    search would read through until merged."""
    cursor.execute(
        "SELECT gin_clean_pending_list(i.indexrelid) FROM pg_index i "
        "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam "
        "WHERE i.indrelid IN (SELECT to_regclass(t) FROM unnest(%s::text[]) AS t) AND a.amname = 'gin'",
        [list(tables)],
    )
    return [row[0] for row in cursor.fetchall()]


def _wagtail_index_table() -> str:
    from modelsearch.backends.database.postgres.postgres import IndexEntry

    return IndexEntry._meta.db_table


# ----------------------------------------------------------------------------- querying


@dataclass
class Ranked:
    """One page of page ids, in order, and the exact number of matches."""

    count: int
    page_ids: list[int] = field(default_factory=list)
    windowed: bool = False  # relevance covered only matches among the newest rank_window() documents
    count_is_exact: bool = True  # False: more than count_limit() matches, and count is that limit
    facets: dict[str, Counter] | None = None  # matches per facet value, when asked for
    facets_windowed: bool = False  # the facets counted only matches among the newest rank_window()


def ranked(
    word_sets: Sequence[Sequence[str]],
    *,
    restrict: QuerySet | None = None,
    sort: str = "relevance",
    offset: int = 0,
    limit: int = 20,
    facets: bool = False,
) -> Ranked:
    """Page ids of one result page; ``restrict`` is a queryset of pages the visitor filtered to.

    With ``facets``, also how many matches each facet value has (:func:`count_facets`); like
    relevance, a query matching more than :func:`rank_window` documents has its facets
    counted among the newest that many (listing every match of a broad OR query cost
    140 ms at 20,000 documents on SQLite, and grows with the index).

    By relevance, the newest matching page of a type that asks to lead (``search_leads``:
    the disclosure guide) comes first: a citizen who searches 信息公开 is looking for the
    current guide, which long documents that repeat the words outrank.
    """
    dialect = DIALECTS[connection.vendor]
    match = dialect.match(word_sets)
    if match is None:
        return Ranked(0)
    query = Query(dialect, match, restrict)
    leading = _leading_types() if sort == "relevance" else []
    window, most = rank_window(), count_limit()
    with planned(dialect):
        opening = query.opening(leading, most, window)
        lead, count = opening.leads, opening.count
        query.exclude(lead)
        shown = lead[offset : offset + limit]
        offset, limit = max(0, offset - len(lead)), limit - len(shown)
        if count > most:  # pages end where counting stopped
            limit = max(0, min(limit, most - offset))
        # The newest `window` documents of the index: the floor does not depend on the query,
        # so finding it costs one index step per document, not a pass over the matches.
        floor = opening.floor if count + len(lead) > window else None
        keys, rows = [], None
        if sort == "relevance" and count:
            summary = query.window_summary(floor, offset, limit, facets=facets)
            keys, rows = summary.keys, summary.facet_rows
            if floor is not None and len(keys) < limit:  # then the older matches, newest first
                keys += query.newest(max(0, offset - summary.count), limit - len(keys), below=floor)
        else:
            keys = query.newest(offset, limit) if count and limit > 0 else []
            if facets:
                rows = query.facet_rows(floor)
    exact = count <= most
    total = min(count, most) + len(lead)
    counted = count_facets(rows) if facets else None
    page_ids = [page_id(k) for k in shown + keys]
    windowed = floor is not None and sort == "relevance"
    return Ranked(total, page_ids, windowed, exact, counted, facets and floor is not None)


def count_facets(rows: list[tuple]) -> dict[str, Counter]:
    """Matches per value of each facet (``type`` by content type id, ``year``, ``organ``, and
    the catalog's classifications) from :meth:`Query.facet_rows`."""
    names = ("type", "year", "organ", *FACET_DIMENSIONS)
    counts: dict[str, Counter] = {name: Counter() for name in names}
    for number, value, count in rows:
        counts[names[number]][value] += count
    return counts


def _leading_types() -> list[int]:
    models = [model for model in disclosure_models() if getattr(model, "search_leads", False)]
    return [ct.pk for ct in ContentType.objects.get_for_models(*models, for_concrete_models=False).values()]
