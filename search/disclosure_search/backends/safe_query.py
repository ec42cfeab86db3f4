"""Search text from the outside world, made safe before any backend compiles it.

Every search box (the admin's listings and choosers, the REST API's ``?search=``)
hands the visitor's text to the search backend as typed. Three kinds of text broke
the backends with a 500: NUL, which PostgreSQL refuses in any text value; text made
only of Unicode spaces such as the full-width space (U+3000) that Chinese input
methods type, which Wagtail's empty-query check misses and the SQLite compiler then
turns into no expression at all (and Wagtail's answer to an empty query has no model,
which the admin's listings need); and quotes, which Wagtail's SQLite compiler does not
escape in FTS5 strings (fixed in :mod:`disclosure_search.backends.fts`). Cleaning here keeps
the meaning of ordinary text; a query with nothing left finds nothing.
"""

from __future__ import annotations

import copy
import functools
import re
import unicodedata
from typing import Any

from django.db.models import QuerySet
from modelsearch.query import And, Boost, Fuzzy, MatchAll, Not, Or, Phrase, PlainText

#: Longer queries are cut: nobody types more, and segmenting costs time per character.
MAX_QUERY_LENGTH = 500
_SPACES = re.compile(r"\s+")


def clean_text(text: str) -> str:
    """``text`` without control characters or lone surrogates, any run of spaces as one space;
    ``""`` if no letter or digit is left."""
    kept = []
    for char in text[: MAX_QUERY_LENGTH * 2]:
        category = unicodedata.category(char)
        if char.isspace():
            kept.append(" ")
        elif category not in {"Cc", "Cs", "Cn", "Co"}:
            kept.append(char)
    cleaned = _SPACES.sub(" ", "".join(kept)).strip()[:MAX_QUERY_LENGTH]
    # Only punctuation ("-", "*", "()"): no backend indexes it, and PostgreSQL's builds no query.
    return cleaned if any(char.isalnum() for char in cleaned) else ""


def clean_query(query: Any) -> Any:
    """A cleaned copy of a query string or of a Wagtail query tree; ``""`` when nothing is left."""
    if isinstance(query, str):
        return clean_text(query)
    if isinstance(query, (PlainText, Phrase, Fuzzy)):
        clone = copy.copy(query)
        clone.query_string = clean_text(query.query_string)
        return clone if clone.query_string else ""
    if isinstance(query, (And, Or)):
        subqueries = [sub for sub in map(clean_query, query.subqueries) if sub != ""]
        return type(query)(subqueries) if subqueries else ""
    if isinstance(query, Not):
        inner = clean_query(query.subquery)
        return Not(inner) if inner != "" else ""
    if isinstance(query, Boost):
        inner = clean_query(query.subquery)
        return Boost(inner, query.boost) if inner != "" else ""
    return query


def _none_of(model_or_queryset: Any) -> QuerySet:
    if isinstance(model_or_queryset, QuerySet):
        return model_or_queryset.none()
    return model_or_queryset._default_manager.none()


class SafeQueryMixin:
    """Backend: every query is cleaned (:func:`clean_query`) before Wagtail's code sees it.

    Put before Wagtail's backend class in the bases. A query with nothing left (only
    control characters, say) finds nothing, as results of the searched model: the
    admin's listings read the model from the results, which Wagtail's bare
    ``EmptySearchResults`` does not have.
    """

    def search(self, query: Any, model_or_queryset: Any, *args: Any, **kwargs: Any) -> Any:
        cleaned = clean_query(query)
        if cleaned == "":
            return super().search(MatchAll(), _none_of(model_or_queryset), *args, **kwargs)  # type: ignore[misc]
        return super().search(cleaned, model_or_queryset, *args, **kwargs)  # type: ignore[misc]

    def autocomplete(self, query: Any, model_or_queryset: Any, *args: Any, **kwargs: Any) -> Any:
        cleaned = clean_query(query)
        if cleaned == "":
            return self.search("", model_or_queryset, *args, **kwargs)
        return super().autocomplete(cleaned, model_or_queryset, *args, **kwargs)  # type: ignore[misc]


@functools.cache
def with_safe_queries(backend_class: type) -> type:
    """``backend_class`` with :class:`SafeQueryMixin` first, keeping its name and module."""
    if issubclass(backend_class, SafeQueryMixin):
        return backend_class
    return type(
        backend_class.__name__,
        (SafeQueryMixin, backend_class),
        {"__module__": backend_class.__module__, "__doc__": backend_class.__doc__},
    )
