"""The text of a disclosure page as search sees it: what is indexed and what snippets quote.

Both the index (``DisclosurePageMixin.search_document``) and the search result snippets read
the page through :func:`page_text`, so a snippet never quotes text the index did not
see. Everything comes from the page row (the live content): a draft lives in a
revision, never on the row, so it can never reach the index or a snippet.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from modelsearch import index

# Our own fields: never fed back into the text they are made of.
OWN_FIELDS = frozenset({"search_title", "search_document"})
# Fields that name the document rather than describe it: indexed with a higher boost.
TITLE_FIELDS = ("title", "doc_number", "doc_number_normalised", "index_number")
# Attributes worth indexing that some page types do not list in search_fields.
EXTRA_ATTRIBUTES = ("intro", "summary", "keywords", "source", "interpreter")
# Foreign keys to an Organisation (发布机构, 解读机关, 报告机关): indexed by name.
ORGANISATION_FIELDS = ("publisher", "interpreting_organ", "organisation")


@dataclass
class PageText:
    """A page's searchable text, split into what names it and what it says."""

    title: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)

    @property
    def title_text(self) -> str:
        return "\n".join(self.title)

    @property
    def body_text(self) -> str:
        return "\n".join(self.body)


def _strings(value: Any) -> Iterable[str]:
    if value is None:
        return
    if isinstance(value, str):
        if value.strip():
            yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)
    else:
        text = str(value)
        if text.strip():
            yield text


def organisation_names(page: Any) -> list[str]:
    """Names of the organisations the page is published by (no query when prefetched)."""
    names = []
    for name in ORGANISATION_FIELDS:
        try:
            page._meta.get_field(name)
        except Exception:
            continue
        organisation = getattr(page, name, None)
        if organisation is not None:
            names.append(str(getattr(organisation, "name", organisation)))
    return names


_pass = threading.local()


@contextmanager
def indexing_pass() -> Iterator[None]:
    """Within the block, each page object's text is read once (an indexing pass asks several times).

    Keyed by object identity and dropped at the end, so a page edited after the pass
    is read afresh.
    """
    outer = getattr(_pass, "texts", None)
    _pass.texts = {} if outer is None else outer
    try:
        yield
    finally:
        _pass.texts = outer


def page_text(page: Any) -> PageText:
    """Title-like and body text of ``page``: every SearchField of its type plus a few extras.

    Generic over page types, so a new disclosure page type is searchable without code here.
    """
    texts = getattr(_pass, "texts", None)
    if texts is None:
        return _page_text(page)
    entry = texts.get(id(page))
    if entry is None or entry[0] is not page:
        entry = texts[id(page)] = (page, _page_text(page))
    return entry[1]


def _page_text(page: Any) -> PageText:
    text = PageText()
    seen: set[str] = set()

    def add(target: list[str], values: Iterable[str]) -> None:
        for value in values:
            if value not in seen:
                seen.add(value)
                target.append(value)

    for name in TITLE_FIELDS:
        add(text.title, _strings(getattr(page, name, None)))
    shown = getattr(page, "shown_index_number", None) if getattr(page, "alias_of_id", None) else None
    add(text.title, _strings(shown))

    for search_field in type(page).get_search_fields():
        if not isinstance(search_field, index.SearchField) or search_field.field_name in OWN_FIELDS:
            continue
        if search_field.field_name in TITLE_FIELDS:
            continue
        add(text.body, _strings(search_field.get_value(page)))
    for name in EXTRA_ATTRIBUTES:
        value = getattr(page, name, None)
        if isinstance(value, str):
            add(text.body, _strings(value))
    add(text.body, organisation_names(page))
    return text
