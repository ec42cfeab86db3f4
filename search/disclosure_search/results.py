"""A page of search results as the page and the API show it, made from the live pages.

Titles, snippets, publishers and dates are read from the page rows (never from the
index), with one query per page type's organisation relation, whatever the page size.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models.query import prefetch_related_objects
from django.utils.safestring import SafeString

from disclosure_pages.i18n import in_active_language, reads_traditional
from disclosure_pages.page_text import organisation_field, organisation_of, page_text

from .highlight import highlight
from .page_types import publication_date, type_label

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 50
SNIPPET_LENGTH = 160
# Readers of these languages get snippets in Traditional characters (Hong Kong standard).


@dataclass
class SearchHit:
    page: Any
    title: str
    title_html: SafeString
    url: str
    type_label: str
    type_code: str
    index_number: str
    doc_number: str
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
            "doc_number": self.doc_number,
            "publisher": self.publisher,
            "published": self.published.isoformat() if self.published else None,
            "snippet": str(self.snippet),
        }


@dataclass
class SearchResults:
    query: str
    count: int = 0
    count_is_exact: bool = True  # False: more matches than count, which is where counting stopped
    hits: list[SearchHit] = field(default_factory=list)
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE
    sort: str = "relevance"
    degraded: bool = False
    notices: list[str] = field(default_factory=list)
    searched: bool = False  # False when there was nothing to search for
    filters: Any = None  # the SearchFilterSet the search ran with, for the form's facets
    facet_counts: dict[str, Any] | None = None  # matches per facet value, when the engine answered

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.count // self.page_size))

    @property
    def page_obj(self) -> Page:
        """A Django page over the count, for the shared pagination template."""
        return Paginator(range(self.count), self.page_size).get_page(self.page)


def make_hits(pages: list[Any], words: list[str], *, language: str | None = None, request: Any = None) -> list[SearchHit]:
    """One hit per page, in order, with ``words`` marked in the title and the snippet."""
    _prefetch(pages)
    traditional = bool(language) and reads_traditional(language)
    return [_hit(page, words, request, traditional) for page in pages]


def _hit(page: Any, words: list[str], request: Any, traditional: bool) -> SearchHit:
    text = page_text(page)
    organisation = organisation_of(page)
    index_number = getattr(page, "shown_index_number", "") or getattr(page, "index_number", "") or ""
    return SearchHit(
        page=page,
        title=page.title,
        title_html=highlight(page.title, words),
        url=in_active_language(page.get_url(request)) or "",
        type_label=type_label(type(page)),
        type_code=type(page)._meta.model_name,
        index_number=index_number,
        doc_number=getattr(page, "doc_number", "") or "",
        publisher=getattr(organisation, "label", "") if organisation is not None else "",
        published=publication_date(page),
        snippet=highlight(text.body_text, words, length=SNIPPET_LENGTH, traditional=traditional),
    )


def _prefetch(pages: list[Any]) -> None:
    by_model: dict[type, list[Any]] = {}
    for page in pages:
        by_model.setdefault(type(page), []).append(page)
    for model, group in by_model.items():
        name = organisation_field(model)
        if name:
            prefetch_related_objects(group, name)
