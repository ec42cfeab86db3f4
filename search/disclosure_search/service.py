"""Full-text search over the disclosure pages, for the public search page and the JSON API.

The query goes through :mod:`disclosure_pages.text` (script folding, jieba words) and becomes
an OR of ANDs (one AND per query form and synonym variant, see
:func:`query_word_sets`). Two ways to run it:

* **The embedded engine** (:mod:`disclosure_search.engine`) when the default backend is
  ``disclosure_search.backends.database`` on SQLite: one ranked FTS5 query over an index that,
  by database triggers, only ever holds pages citizens may read. The pages of the
  result page are loaded through the visibility rule again (:func:`_visible_pages`).
* **A Wagtail backend** otherwise (Elasticsearch/OpenSearch, PostgreSQL): the
  candidate queryset is filtered *at query time* to live, unrestricted, 主动公开 pages
  (:func:`candidates`), so even a stale index entry can never put a draft or a
  withdrawn page in results, snippets or counts. Filters that only some page types
  have (发布机构, 分类) are ``pk__in`` sub-queries on the base page model.

Either way:

* Snippets are made here, in Python, from the page row (the live content), with the
  query words wrapped in ``<mark>`` and everything else HTML-escaped; zh-hant readers
  get them in Traditional characters (Hong Kong standard).
* If the backend fails (Elasticsearch down, a missing client library) the search is
  repeated on the database backend and ``degraded`` is set: a visitor gets a notice,
  never an error page. Configure a second, database backend next to Elasticsearch
  (``WAGTAILSEARCH_BACKENDS["database"]``) so that the fallback index is current.

The number of SQL queries for one results page does not depend on the page size:
count, one page of ids or base rows, one query per page type for the specific rows and
one per organisation relation.
"""

from __future__ import annotations

import datetime
import html
import logging
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, Literal

import opencc
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db import connection, transaction
from django.db.models import DateField, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Cast, Coalesce
from django.db.models.query import prefetch_related_objects
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from modelsearch.backends import get_search_backend
from modelsearch.conf import get_app_config
from wagtail.search.query import Or, PlainText, SearchQuery

from disclosure_pages.catalog.listing import CatalogFilters, parse_filters
from disclosure_pages.i18n import in_active_language
from disclosure_pages.page_text import ORGANISATION_FIELDS, organisation_names, page_text
from disclosure_pages.pagebase import BasePage
from disclosure_pages.taxonomy.models import ClassificationTerm, Organisation
from disclosure_pages.text import query_token_sets, segment_query, to_traditional
from disclosure_pages.visibility import may_be_shown, visible_pages

from . import engine
from .page_types import date_field, disclosure_models, has_field, model_by_code, publication_date, type_label
from .vocabulary import expand, vocabulary_version

logger = logging.getLogger("disclosure_search")

MAX_QUERY_LENGTH = 200
DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 50
SNIPPET_LENGTH = 160
# An FTS expression stays small whatever is typed: at most this many words per form.
MAX_WORDS = 32
DATABASE_BACKEND = "disclosure_search.backends.database"

Sort = Literal["relevance", "date"]
SORTS: tuple[str, ...] = ("relevance", "date")
# Catalog dimensions the search form offers (the listing's parameter names).
SEARCH_DIMENSIONS = ("assembled", "topic", "genre")


# --------------------------------------------------------------------------- query text

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_FTS_UNSAFE = re.compile(r"[\W_]+")


def clean_query(raw: str | None) -> tuple[str, list[str]]:
    """The query as searched: control characters dropped, spaces collapsed, 200 characters at most."""
    notices: list[str] = []
    text = _CONTROL.sub(" ", raw or "")
    text = " ".join(text.split())
    if len(text) > MAX_QUERY_LENGTH:
        text = text[:MAX_QUERY_LENGTH].rstrip()
        notices.append(_("检索词过长，只按前 %(count)d 个字符检索。") % {"count": MAX_QUERY_LENGTH})
    return text, notices


def fts_words(token: str) -> list[str]:
    """A token as plain words: FTS operators, quotes and symbols can never reach the index."""
    return [word for word in _FTS_UNSAFE.split(token) if word]


def query_word_sets(query: str) -> list[list[str]]:
    """One word list per query form and synonym variant; a match needs all words of one list."""
    return [list(words) for words in _word_sets(query, vocabulary_version())]


def highlight_words(query: str) -> list[str]:
    """The words to mark in titles and snippets (every query form, no synonyms)."""
    return list(_highlight_words(query, vocabulary_version()))


@lru_cache(maxsize=1024)
def _highlight_words(query: str, version: str) -> tuple[str, ...]:
    return tuple(w for w in segment_query(query) if any(c.isalnum() for c in w))


@lru_cache(maxsize=1024)
def _word_sets(query: str, version: str) -> tuple[tuple[str, ...], ...]:
    """Analysed once per query text and vocabulary version: searches repeat, analysis is pure."""
    word_sets: list[list[str]] = []
    seen: set[tuple[str, ...]] = set()
    token_sets = [tokens for variant in expand(query) for tokens in query_token_sets(variant)]
    for tokens in token_sets:
        words = list(dict.fromkeys(w for t in tokens for w in fts_words(t)))[:MAX_WORDS]
        if words and tuple(words) not in seen:
            seen.add(tuple(words))
            word_sets.append(words)
    # A set that contains another adds no match, only work: ("依", "依申请公开") beside ("依申请公开",).
    return tuple(tuple(w) for w in word_sets if not any(o is not w and set(o) < set(w) for o in word_sets))


def build_query(query: str) -> SearchQuery | None:
    """OR of one AND per query form (and per synonym variant), or None when nothing is left."""
    # One PlainText with operator "and" rather than And([...]): the SQLite backend
    # scores And() of terms in an order that ranks stronger matches last.
    alternatives: list[SearchQuery] = [PlainText(" ".join(words), operator="and") for words in query_word_sets(query)]
    if not alternatives:
        return None
    return alternatives[0] if len(alternatives) == 1 else Or(alternatives)


# --------------------------------------------------------------------------- snippets


@cache
def _to_simplified() -> opencc.OpenCC:
    return opencc.OpenCC("hk2s")


def _match_form(text: str) -> str:
    """``text`` folded for matching, position for position (or unfolded if that would shift)."""
    folded = _to_simplified().convert(text)
    if len(folded) != len(text):
        folded = text
    lowered = folded.lower()
    return lowered if len(lowered) == len(folded) else folded


def _spans(text: str, words: list[str]) -> list[tuple[int, int]]:
    haystack = _match_form(text)
    spans: list[tuple[int, int]] = []
    for word in sorted(set(words), key=len, reverse=True):
        start = haystack.find(word)
        while start != -1:
            spans.append((start, start + len(word)))
            start = haystack.find(word, start + len(word))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight(text: str, words: list[str], *, length: int | None = None, traditional: bool = False) -> SafeString:
    """``text`` HTML-escaped with ``words`` in ``<mark>``; cut to ``length`` around the first match.

    Words are matched in Simplified, lower-case form, so a Traditional text is marked too.
    """
    text = " ".join(text.split())
    spans = _spans(text, [w for w in words if w]) if words else []
    start, end = 0, len(text)
    if length is not None and len(text) > length:
        first = spans[0][0] if spans else 0
        start = max(0, min(first - length // 4, len(text) - length))
        end = start + length
    pieces: list[str] = []
    position = start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, start), min(span_end, end)
        pieces.append(_escape(text[position:span_start], traditional))
        pieces.append(format_html("<mark>{}</mark>", _convert(text[span_start:span_end], traditional)))
        position = span_end
    pieces.append(_escape(text[position:end], traditional))
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return mark_safe(prefix + "".join(pieces) + suffix)  # noqa: S308 (every piece is escaped)


def _convert(text: str, traditional: bool) -> str:
    return to_traditional(text, "hk") if traditional and text else text


def _escape(text: str, traditional: bool) -> str:
    return html.escape(_convert(text, traditional), quote=True)


# --------------------------------------------------------------------------- filters


@dataclass
class SearchFilters:
    """What the visitor narrowed the search to, already checked (see catalog.listing)."""

    catalog: CatalogFilters = field(default_factory=CatalogFilters)
    content_type: type | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def active(self) -> bool:
        c = self.catalog
        return bool(c.terms or c.organisation or c.year or self.content_type)


@dataclass
class FilterChoices:
    """Options for the search form, loaded once per request."""

    terms: list[ClassificationTerm]
    organisations: list[Organisation]


def load_choices() -> FilterChoices:
    terms = list(
        ClassificationTerm.objects.filter(is_active=True, dimension__in=[_dimension(p) for p in SEARCH_DIMENSIONS])
        .select_related("parent")
    )
    return FilterChoices(terms, list(Organisation.objects.all()))


def _dimension(param: str) -> str:
    from disclosure_pages.catalog.listing import DIMENSION_FILTERS

    return DIMENSION_FILTERS[param][0]


def parse_search_filters(params: Any, choices: FilterChoices | None = None) -> SearchFilters:
    """Filters from GET parameters: ``organ``, ``year``, ``type``, ``assembled``, ``topic``, ``genre``."""
    choices = choices or load_choices()
    wanted = {key: params.get(key) for key in ("organ", "year", *SEARCH_DIMENSIONS) if params.get(key)}
    catalog = parse_filters(wanted, {t.pk: t for t in choices.terms}, {o.pk: o for o in choices.organisations})
    filters = SearchFilters(catalog=catalog, problems=list(catalog.problems))
    code = (params.get("type") or "").strip()
    if code:
        model = model_by_code(code)
        if model is None:
            filters.problems.append(_("所选信息类型不存在，已忽略。"))
        else:
            filters.content_type = model
    return filters


def _organ_condition(organisation: Organisation) -> Q:
    condition = Q(pk__in=[])
    for model in disclosure_models():
        for name in ORGANISATION_FIELDS:
            if has_field(model, name):
                condition |= Q(pk__in=model.objects.filter(**{name: organisation}).values("pk"))
    return condition


def _year_condition(year: int) -> Q:
    condition = Q(pk__in=[])
    for model in disclosure_models():
        name = date_field(model)
        if name:
            condition |= Q(pk__in=model.objects.filter(**{f"{name}__year": year}).values("pk"))
    return condition


def _filter(queryset: QuerySet, filters: SearchFilters) -> QuerySet:
    from disclosure_pages.catalog.models import CatalogEntryPage

    catalog = filters.catalog
    if filters.content_type is not None:
        queryset = queryset.filter(content_type=ContentType.objects.get_for_model(filters.content_type))
    if catalog.terms:
        entries = CatalogFilters(terms=catalog.terms).apply(CatalogEntryPage.objects.all())
        queryset = queryset.filter(pk__in=entries.values("pk"))
    if catalog.organisation is not None:
        queryset = queryset.filter(_organ_condition(catalog.organisation))
    if catalog.year is not None:
        queryset = queryset.filter(_year_condition(catalog.year))
    return queryset


def candidates(filters: SearchFilters | None = None) -> QuerySet:
    """Base pages citizens may find: live, unrestricted, disclosure types, 主动公开 only."""
    models = disclosure_models()
    content_types = ContentType.objects.get_for_models(*models, for_concrete_models=False).values()
    queryset = visible_pages(BasePage.objects.filter(content_type__in=list(content_types)), models)
    if filters is not None:
        queryset = _filter(queryset, filters)
    return queryset


def _by_date(queryset: QuerySet) -> QuerySet:
    dates = [
        Subquery(model.objects.filter(pk=OuterRef("pk")).values(name)[:1], output_field=DateField())
        for model in disclosure_models()
        if (name := date_field(model))
    ]
    published = Coalesce(*dates, Cast("first_published_at", DateField()), output_field=DateField())
    return queryset.annotate(disclosure_date=published).order_by(F("disclosure_date").desc(nulls_last=True), "-id")


# --------------------------------------------------------------------------- results


@dataclass
class SearchHit:
    page: Any
    title: str
    title_html: SafeString
    url: str
    type_label: str
    type_code: str
    index_number: str
    publisher: str
    published: datetime.date | None
    snippet: SafeString

    def as_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "url": self.url,
            "type": self.type_label,
            "type_code": self.type_code,
            "index_number": self.index_number,
            "publisher": self.publisher,
            "published": self.published.isoformat() if self.published else None,
            "snippet": str(self.snippet),
        }


@dataclass
class SearchResults:
    query: str
    count: int = 0
    hits: list[SearchHit] = field(default_factory=list)
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE
    sort: str = "relevance"
    degraded: bool = False
    notices: list[str] = field(default_factory=list)
    searched: bool = False  # False when there was nothing to search for

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.count // self.page_size))

    @property
    def page_obj(self):
        """A Django page over the count, for the shared pagination template."""
        return Paginator(range(self.count), self.page_size).get_page(self.page)


def _hit(page: Any, words: list[str], request: Any, traditional: bool) -> SearchHit:
    text = page_text(page)
    publishers = organisation_names(page)
    index_number = getattr(page, "shown_index_number", "") or getattr(page, "index_number", "") or ""
    return SearchHit(
        page=page,
        title=page.title,
        title_html=highlight(page.title, words),
        url=in_active_language(page.get_url(request)) or "",
        type_label=type_label(type(page)),
        type_code=type(page)._meta.model_name,
        index_number=index_number,
        publisher=publishers[0] if publishers else "",
        published=publication_date(page),
        snippet=highlight(text.body_text, words, length=SNIPPET_LENGTH, traditional=traditional),
    )


def _prefetch(pages: list[Any]) -> None:
    by_model: dict[type, list[Any]] = {}
    for page in pages:
        by_model.setdefault(type(page), []).append(page)
    for model, group in by_model.items():
        names = [name for name in ORGANISATION_FIELDS if has_field(model, name)]
        if names:
            prefetch_related_objects(group, *names)


def _fallback_backend_name(primary: str) -> str:
    """A configured database backend other than ``primary``, else the database backend itself."""
    for name, params in get_app_config().get_search_backend_config().items():
        if name != primary and str(params.get("BACKEND", "")).rstrip(".").endswith("backends.database"):
            return name
    return DATABASE_BACKEND


def _is_database(name: str) -> bool:
    if name == DATABASE_BACKEND:
        return True
    params = get_app_config().get_search_backend_config().get(name, {})
    return str(params.get("BACKEND", "")).endswith("backends.database")


def _uses_engine(backend_name: str) -> bool:
    """Whether ``backend_name`` is the SQLite backend whose index :mod:`disclosure_search.engine` reads."""
    backend = get_search_backend(backend_name)
    return bool(getattr(backend, "feeds_disclosure_engine", False)) and engine.available()


def _run(backend_name: str, search_query: SearchQuery, queryset: QuerySet, sort: str, page: int, page_size: int):
    backend = get_search_backend(backend_name)
    results = backend.search(search_query, queryset, order_by_relevance=(sort == "relevance"))
    count = results.count()
    last_page = max(1, -(-count // page_size))
    page = min(max(1, page), last_page)
    start = (page - 1) * page_size
    return count, page, list(results[start : start + page_size])


def _visible_pages(ids: list[int]) -> dict[int, Any]:
    """The specific pages among ``ids`` that citizens may read (the rule of disclosure_pages.visibility).

    Live and public in SQL, 公开方式 on the loaded instances: a ``NOT IN`` over every
    non-主动公开 entry, as :func:`candidates` has, would scan the catalog per search.
    """
    content_types = ContentType.objects.get_for_models(*disclosure_models(), for_concrete_models=False).values()
    pages = BasePage.objects.live().public().filter(pk__in=ids, content_type__in=list(content_types)).specific()
    return {page.pk: page for page in pages if may_be_shown(page)}


def _run_engine(
    word_sets: list[list[str]], filters: SearchFilters | None, sort: str, page: int, page_size: int
) -> tuple[int, int, list[Any], bool]:
    """The embedded engine's path (SQLite): see :mod:`disclosure_search.engine`."""
    restrict = _filter(BasePage.objects.all(), filters) if filters is not None and filters.active else None
    for _attempt in range(3):
        result = engine.ranked(word_sets, restrict=restrict, sort=sort, offset=(page - 1) * page_size, limit=page_size)
        last_page = max(1, -(-result.count // page_size))
        if page > last_page:
            page = last_page
            result = engine.ranked(word_sets, restrict=restrict, sort=sort, offset=(page - 1) * page_size, limit=page_size)
        found = _visible_pages(result.page_ids)
        stale = [pk for pk in result.page_ids if pk not in found]
        if not stale:
            return result.count, page, [found[pk] for pk in result.page_ids], result.windowed
        # The triggers of migration 0003 make this unreachable; never show such a row.
        logger.error("Search index held pages citizens may not read: %s; removed", stale)
        engine.remove(stale)
    raise RuntimeError("search index keeps returning pages that are not public")


def _search_with(
    backend_name: str,
    text: str,
    search_query: SearchQuery,
    filters: SearchFilters | None,
    sort: str,
    page: int,
    page_size: int,
) -> tuple[int, int, list[Any], bool]:
    """(count, page number, pages, windowed) from the embedded engine or a Wagtail backend."""
    if _uses_engine(backend_name):
        if connection.in_atomic_block:  # a failure must leave the caller's transaction usable
            with transaction.atomic():
                return _run_engine(query_word_sets(text), filters, sort, page, page_size)
        return _run_engine(query_word_sets(text), filters, sort, page, page_size)
    queryset = candidates(filters).specific()
    if sort == "date":
        queryset = _by_date(queryset)
    count, number, pages = _run_safely(backend_name, search_query, queryset, sort, page, page_size)
    return count, number, pages, False


def _run_safely(backend_name: str, *args: Any):
    """Run the search in a savepoint when inside a transaction, so a failure leaves it usable."""
    if connection.in_atomic_block:
        with transaction.atomic():
            return _run(backend_name, *args)
    return _run(backend_name, *args)


def search_pages(
    query: str | None,
    *,
    filters: SearchFilters | None = None,
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
    results = SearchResults(query=text, page=max(1, page), page_size=page_size, sort=sort, notices=notices)
    if filters is not None:
        results.notices.extend(str(p) for p in filters.problems)
    if not text:
        return results
    search_query = build_query(text)
    if search_query is None:
        results.notices.append(_("检索词中没有可以检索的文字，请输入中文、字母或数字。"))
        return results
    results.searched = True

    primary = "default"
    try:
        count, number, pages, windowed = _search_with(primary, text, search_query, filters, sort, results.page, page_size)
    except Exception:
        logger.exception("Search backend %r failed; falling back to the database", primary)
        results.degraded = True
        results.notices.append(_("全文检索服务暂时不可用，已改用备用检索，结果可能不完整。"))
        fallback = _fallback_backend_name(primary)
        if _is_database(primary) and fallback == DATABASE_BACKEND:
            return results
        try:
            count, number, pages, windowed = _search_with(
                fallback, text, search_query, filters, sort, results.page, page_size
            )
        except Exception:
            logger.exception("Fallback search backend %r failed too", fallback)
            return results
    if windowed and sort == "relevance":
        results.notices.append(
            _("检索结果较多：相关度排序只在最新发布的 %(window)d 条信息中比较，更早的结果按发布日期排列。增加检索词或使用筛选可以缩小范围。")
            % {"window": engine.rank_window()}
        )

    _prefetch(pages)
    words = highlight_words(text)
    traditional = (language or "").lower() in {"zh-hant", "zh-tw", "zh-hk", "zh-mo"}
    results.count, results.page = count, number
    results.hits = [_hit(p, words, request, traditional) for p in pages]
    return results
