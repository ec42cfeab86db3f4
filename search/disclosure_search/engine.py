"""The embedded search engine: ranked full-text queries over public disclosure pages (SQLite).

Wagtail's SQLite query scores every candidate with a correlated sub-query (over 10 s for
one broad query at 5,000 pages), so this module keeps its own FTS5 index of the same
segmented text (:class:`~disclosure_search.models.SearchDocument`) and queries it directly.
Database triggers keep that index to pages citizens may read, so counts need no
visibility join. How ranking, the relevance window and the sort key work is described
in ``docs/search.md``.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import QuerySet

from disclosure_pages.visibility import visible

from .models import SearchDocument
from .page_types import disclosure_models, publication_date

logger = logging.getLogger("disclosure_search")

FTS_TABLE = "disclosure_search_fts"
TITLE_WEIGHT = 5.0
BODY_WEIGHT = 1.0
DEFAULT_RANK_WINDOW = 10_000
_PAGE_ID_BITS = 32
_PAGE_ID_MASK = (1 << _PAGE_ID_BITS) - 1


def rank_window() -> int:
    return max(1, int(getattr(settings, "DISCLOSURE_SEARCH_RANK_WINDOW", DEFAULT_RANK_WINDOW)))


# Databases where the FTS table was found; only migrating back past 0003 removes it.
_available: set[str] = set()


def available() -> bool:
    """True when the default database is SQLite with this module's FTS table (looked up once)."""
    if connection.vendor != "sqlite":
        return False
    name = str(connection.settings_dict.get("NAME"))
    if name not in _available:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = %s", [FTS_TABLE])
            if cursor.fetchone() is None:
                return False
        _available.add(name)
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
    """(Re)write the rows of ``pages``; pages citizens may not read lose theirs. Returns rows written."""
    if not pages or not indexes(model):
        return 0
    ids = [page.pk for page in pages]
    public = set(visible(model.objects.filter(pk__in=ids)).values_list("pk", flat=True))
    rows = [
        SearchDocument(
            page_id=page.pk,
            sort_key=sort_key(page),
            content_type_id=page.content_type_id,
            title=page.search_title(),
            body=page.search_document(),
        )
        for page in pages
        if page.pk in public
    ]
    remove(ids)
    SearchDocument.objects.bulk_create(rows, batch_size=500)
    return len(rows)


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


# ----------------------------------------------------------------------------- querying


def match_expression(word_sets: Sequence[Sequence[str]]) -> str:
    """FTS5 MATCH text: OR of one AND per word set, every word quoted (words are alphanumeric)."""
    groups = []
    for words in word_sets:
        quoted = " AND ".join('"' + word.replace('"', "") + '"' for word in words if word)
        if quoted:
            groups.append(f"({quoted})")
    return " OR ".join(groups)


@dataclass
class Ranked:
    """One page of page ids, in order, and the exact number of matches."""

    count: int
    page_ids: list[int] = field(default_factory=list)
    windowed: bool = False  # relevance covered only matches among the newest rank_window() documents


class _Query:
    def __init__(self, match: str, restrict: QuerySet | None):
        self.where = f"{FTS_TABLE} MATCH %s"
        self.params: list[Any] = [match]
        if restrict is not None:
            keys = SearchDocument.objects.filter(page_id__in=restrict.values("pk")).values("sort_key")
            sql, params = keys.query.sql_with_params()
            self.where += f" AND rowid IN ({sql})"
            self.params += list(params)

    def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        with connection.cursor() as cursor:
            cursor.execute(sql, [*self.params, *params])
            return cursor.fetchall()

    def count(self) -> int:
        return self.fetch(f"SELECT count(*) FROM {FTS_TABLE} WHERE {self.where}")[0][0]  # noqa: S608

    def count_from(self, floor: int) -> int:
        return self.fetch(f"SELECT count(*) FROM {FTS_TABLE} WHERE {self.where} AND rowid >= %s", [floor])[0][0]  # noqa: S608

    def newest(self, offset: int, limit: int, *, below: int | None = None) -> list[int]:
        extra, params = ("", [])
        if below is not None:
            extra, params = " AND rowid < %s", [below]
        rows = self.fetch(
            f"SELECT rowid FROM {FTS_TABLE} WHERE {self.where}{extra} ORDER BY rowid DESC LIMIT %s OFFSET %s",  # noqa: S608
            [*params, limit, offset],
        )
        return [row[0] for row in rows]

    def best(self, offset: int, limit: int, *, floor: int | None = None) -> list[int]:
        extra, params = ("", [])
        if floor is not None:
            extra, params = " AND rowid >= %s", [floor]
        rows = self.fetch(
            f"SELECT rowid FROM {FTS_TABLE} WHERE {self.where}{extra} "  # noqa: S608
            f"ORDER BY bm25({FTS_TABLE}, {TITLE_WEIGHT}, {BODY_WEIGHT}), rowid DESC LIMIT %s OFFSET %s",
            [*params, limit, offset],
        )
        return [row[0] for row in rows]


def ranked(
    word_sets: Sequence[Sequence[str]],
    *,
    restrict: QuerySet | None = None,
    sort: str = "relevance",
    offset: int = 0,
    limit: int = 20,
) -> Ranked:
    """Page ids of one result page; ``restrict`` is a queryset of pages the visitor filtered to."""
    match = match_expression(word_sets)
    if not match:
        return Ranked(0)
    query = _Query(match, restrict)
    count = query.count()
    if count == 0 or offset >= count:
        return Ranked(count)
    if sort == "date":
        return Ranked(count, [page_id(k) for k in query.newest(offset, limit)])
    window = rank_window()
    if count <= window:
        return Ranked(count, [page_id(k) for k in query.best(offset, limit)])
    # Broad query: rank the matches among the newest `window` documents of the index,
    # then the older matches newest first. The floor does not depend on the query, so
    # finding it costs one index step per document, not a pass over the matches.
    floor = _window_floor(window)
    keys: list[int] = []
    ranked_part = query.count_from(floor)
    if offset < ranked_part:
        keys = query.best(offset, min(limit, ranked_part - offset), floor=floor)
    if len(keys) < limit:
        keys += query.newest(max(0, offset - ranked_part), limit - len(keys), below=floor)
    return Ranked(count, [page_id(k) for k in keys], windowed=True)


def _window_floor(window: int) -> int:
    """The sort key of the ``window``-th newest document in the index."""
    keys = SearchDocument.objects.order_by("-sort_key").values_list("sort_key", flat=True)[window - 1 : window]
    return keys[0] if keys else 0
