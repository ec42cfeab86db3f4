"""The public search's one entry: parameters in, a page of results out, whatever fails.

The page and the API call :func:`search`; code that already holds a query calls
:func:`search_pages`. This module chooses the backend and falls back to the database
when it fails (Elasticsearch down, a missing client library): a visitor gets a notice,
never an error page. How the search works is described in ``docs/search.md``.
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _
from modelsearch.conf import get_app_config

from disclosure_pages.catalog.listing import NumberField
from disclosure_pages.i18n import in_reader_language

from . import engine, outage
from .filters import SearchFilterSet
from .query import build_query, clean_query, highlight_words, query_word_sets
from .results import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, SearchResults, make_hits
from .retrieval import Found, find

logger = logging.getLogger("disclosure_search")

DATABASE_BACKEND = "disclosure_search.backends.database"
SORTS: tuple[str, ...] = ("relevance", "date")
# Page numbers and sizes beyond six digits are typing errors: they get the default.
_PAGE_NUMBER = NumberField(max_digits=6, required=False)


def search(params: Any, *, language: str | None = None, request: Any = None) -> SearchResults:
    """A search as the page and the API ask it: ``q``, ``sort``, ``page``, ``page_size`` and the filters."""
    return search_pages(
        params.get("q"),
        filters=SearchFilterSet.from_params(params),
        sort=params.get("sort") or "relevance",
        page=int_param(params.get("page"), 1),
        page_size=int_param(params.get("page_size"), DEFAULT_PAGE_SIZE),
        language=language,
        request=request,
    )


def search_pages(
    query: str | None,
    *,
    filters: SearchFilterSet | None = None,
    sort: str = "relevance",
    page: int = 1,
    page_size: int = DEFAULT_PAGE_SIZE,
    language: str | None = None,
    request: Any = None,
) -> SearchResults:
    """One page of results for ``query``; never raises for bad input or a failing backend."""
    text, notices = clean_query(query)
    sort = sort if sort in SORTS else "relevance"
    page_size = max(1, min(int(page_size or DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE))
    results = SearchResults(
        query=text, page=max(1, page), page_size=page_size, sort=sort, notices=notices, filters=filters
    )
    if filters is not None:
        results.notices.extend(str(p) for p in filters.problems)
    if not text:
        return results
    search_query = build_query(text)
    if search_query is None:
        results.notices.append(_("检索词中没有可以检索的文字，请输入中文、字母或数字。"))
        return results
    results.searched = True

    word_sets = query_word_sets(text)
    primary = "default"
    args = (word_sets, search_query, filters)
    kwargs = {"sort": sort, "page": results.page, "page_size": page_size}
    known_outage = None if _is_database(primary) else outage.current(primary)
    found = None
    if outage.may_try(primary, known_outage):
        try:
            found = find(primary, *args, **kwargs)
        except Exception as error:
            logger.exception("Search backend %r failed; falling back to the database", primary)
            if not _is_database(primary):
                outage.failed(primary, error)
        else:
            outage.answered(primary, known_outage)
    if found is None:
        results.degraded = True
        results.notices.append(_("全文检索服务暂时不可用，已改用备用检索，结果可能不完整。"))
        found = _fall_back(primary, *args, **kwargs)
        if found is None:
            return results
    if found.windowed and sort == "relevance":
        results.notices.append(
            _(
                "检索结果较多：相关度排序只在最新发布的 %(window)d 条信息中比较，更早的结果按发布日期排列。增加检索词或使用筛选可以缩小范围。"
            )
            % {"window": engine.rank_window()}
        )
    if found.facets_windowed:
        results.notices.append(_("分类统计只计算了最新发布的 %(window)d 条结果。") % {"window": engine.rank_window()})
    results.count, results.page, results.facet_counts = found.count, found.page, found.facets
    results.count_is_exact = found.count_is_exact
    with translation.override(language or translation.get_language()):
        pages = in_reader_language(found.pages, request)  # each hit in the reader's language where translated
        results.hits = make_hits(pages, highlight_words(text), language=language, request=request)
    return results


def _fall_back(primary: str, *args: Any, **kwargs: Any) -> Found | None:
    """The search on the database backend, or None when there is none to fall back to or it fails too."""
    fallback = _fallback_backend_name(primary)
    if _is_database(primary) and fallback == DATABASE_BACKEND:
        return None
    try:
        return find(fallback, *args, **kwargs)
    except Exception:
        logger.exception("Fallback search backend %r failed too", fallback)
        return None


def _fallback_backend_name(primary: str) -> str:
    """A configured database backend other than ``primary``, else the database backend itself."""
    for name, params in get_app_config().get_search_backend_config().items():
        if name != primary and _names_database(params):
            return name
    return DATABASE_BACKEND


def _is_database(name: str) -> bool:
    return name == DATABASE_BACKEND or _names_database(get_app_config().get_search_backend_config().get(name, {}))


def _names_database(params: dict) -> bool:
    return str(params.get("BACKEND", "")).rstrip(".").endswith("backends.database")


def int_param(value: str | None, default: int) -> int:
    """A page number or size from the URL; ``default`` for anything but up to six ASCII digits."""
    try:
        number = _PAGE_NUMBER.clean(value)
    except ValidationError:
        return default
    return default if number is None else number
