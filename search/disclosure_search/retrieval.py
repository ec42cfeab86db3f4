"""One page of matching pages from one search backend: the embedded engine or a Wagtail backend.

Whichever answers, only pages citizens may read come back: the engine's index holds
nothing else (database triggers) and its hits are loaded through the visibility rule
again; a Wagtail backend searches a candidate queryset filtered at query time, so even
a stale index entry can never put a draft or a withdrawn page in results or counts.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import DateField, F, OuterRef, QuerySet, Subquery
from django.db.models.functions import Cast, Coalesce
from modelsearch.backends import get_search_backend
from wagtail.search.query import SearchQuery

from disclosure_pages.i18n import in_default_language
from disclosure_pages.pagebase import BasePage
from disclosure_pages.visibility import visible, visible_among

from . import engine
from .filters import SearchFilterSet
from .page_types import date_field, disclosure_models

logger = logging.getLogger("disclosure_search")


@dataclass
class Found:
    """The number of matches and the pages of the (possibly corrected) page number."""

    count: int
    page: int
    pages: list[Any] = field(default_factory=list)
    windowed: bool = False  # relevance covered only the newest matches (see engine.rank_window)
    facets: dict[str, Counter] | None = None  # matches per facet value (the engine's path only)
    facets_windowed: bool = False  # counted among the newest matches only (see engine.ranked)
    count_is_exact: bool = True  # False: there are more matches than count (engine.count_limit)


def uses_engine(backend_name: str) -> bool:
    """Whether ``backend_name`` is the SQLite backend whose index :mod:`disclosure_search.engine` reads."""
    backend = get_search_backend(backend_name)
    return bool(getattr(backend, "feeds_disclosure_engine", False)) and engine.available()


def find(
    backend_name: str,
    word_sets: list[list[str]],
    search_query: SearchQuery,
    filters: SearchFilterSet | None,
    *,
    sort: str,
    page: int,
    page_size: int,
) -> Found:
    """Search one backend, in a savepoint when inside a transaction so a failure leaves it usable."""
    if uses_engine(backend_name):
        run, args = _from_engine, (word_sets, filters)
    else:
        queryset = candidates(filters).specific()
        if sort == "date":
            queryset = _by_date(queryset)
        run, args = _from_backend, (backend_name, search_query, queryset)
    if connection.in_atomic_block:
        with transaction.atomic():
            return run(*args, sort=sort, page=page, page_size=page_size)
    return run(*args, sort=sort, page=page, page_size=page_size)


def candidates(filters: SearchFilterSet | None = None) -> QuerySet:
    """Base pages citizens may find: live, unrestricted, disclosure types, 主动公开 only; sources
    only (a translation is shown in place of its source, see service.search_pages)."""
    models = disclosure_models()
    content_types = ContentType.objects.get_for_models(*models, for_concrete_models=False).values()
    queryset = visible(in_default_language(BasePage.objects.filter(content_type__in=list(content_types))))
    return filters.apply(queryset) if filters is not None else queryset


def _by_date(queryset: QuerySet) -> QuerySet:
    dates = [
        Subquery(model.objects.filter(pk=OuterRef("pk")).values(name)[:1], output_field=DateField())
        for model in disclosure_models()
        if (name := date_field(model))
    ]
    published = Coalesce(*dates, Cast("first_published_at", DateField()), output_field=DateField())
    return queryset.annotate(disclosure_date=published).order_by(F("disclosure_date").desc(nulls_last=True), "-id")


def _from_backend(
    backend_name: str, search_query: SearchQuery, queryset: QuerySet, *, sort: str, page: int, page_size: int
) -> Found:
    backend = get_search_backend(backend_name)
    results = backend.search(search_query, queryset, order_by_relevance=(sort == "relevance"))
    count = results.count()
    last_page = max(1, -(-count // page_size))
    page = min(max(1, page), last_page)
    start = (page - 1) * page_size
    pages = list(results[start : start + page_size])
    facets = None
    if count and hasattr(results, "disclosure_facets"):  # Elasticsearch/OpenSearch: one aggregation request
        facets = results.disclosure_facets()
    return Found(count, page, pages, facets=facets)


def _visible_pages(ids: list[int]) -> dict[int, Any]:
    """The specific pages among ``ids`` that citizens may read (the rule of disclosure_pages.visibility)."""
    content_types = ContentType.objects.get_for_models(*disclosure_models(), for_concrete_models=False).values()
    pages = BasePage.objects.filter(pk__in=ids, content_type__in=list(content_types)).specific()
    return {page.pk: page for page in visible_among(pages)}


def _from_engine(
    word_sets: list[list[str]], filters: SearchFilterSet | None, *, sort: str, page: int, page_size: int
) -> Found:
    """The embedded engine's path (SQLite, PostgreSQL): see :mod:`disclosure_search.engine`."""
    restrict = filters.apply(BasePage.objects.all()) if filters is not None and filters.active else None
    facets, facets_windowed = None, False
    for _attempt in range(3):
        result = engine.ranked(
            word_sets,
            restrict=restrict,
            sort=sort,
            offset=(page - 1) * page_size,
            limit=page_size,
            facets=facets is None,
        )
        if facets is None:
            facets, facets_windowed = result.facets, result.facets_windowed
        last_page = max(1, -(-result.count // page_size))
        if page > last_page:
            page = last_page
            result = engine.ranked(
                word_sets, restrict=restrict, sort=sort, offset=(page - 1) * page_size, limit=page_size
            )
        found = _visible_pages(result.page_ids)
        stale = [pk for pk in result.page_ids if pk not in found]
        if not stale:
            pages = [found[pk] for pk in result.page_ids]
            return Found(result.count, page, pages, result.windowed, facets, facets_windowed, result.count_is_exact)
        # The triggers of migration 0003 make this unreachable; never show such a row.
        logger.error("Search index held pages citizens may not read: %s; removed", stale)
        engine.remove(stale)
    raise RuntimeError("search index keeps returning pages that are not public")
