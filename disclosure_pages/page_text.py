"""The text of a disclosure page: what is indexed, what snippets quote, what a reviewer reads.

One walk over the page row (:func:`page_text`) feeds the index
(``DisclosurePageMixin.search_document``), the search result snippets, the pre-screen and
the review diff, so a snippet never quotes text the index did not see and the reviewer's
warnings and diff read each field exactly as it is indexed. Everything comes from the page
row (the live content, or a revision's copy of it): a draft lives in a revision, never on
the row, so it can never reach the index or a snippet.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from django.db import models
from django.utils.translation import get_language
from modelsearch import index
from wagtail.fields import RichTextField, StreamField

from .memo import PassMemo

# Our own fields: never fed back into the text they are made of.
OWN_FIELDS = frozenset({"search_title", "search_document"})
# Fields that name the document rather than describe it: indexed with a higher boost.
TITLE_FIELDS = ("title", "doc_number", "doc_number_normalised", "index_number")
# Attributes worth indexing that some page types do not list in search_fields.
EXTRA_ATTRIBUTES = ("intro", "summary", "keywords", "source", "interpreter")


@dataclass(frozen=True)
class FieldText:
    """One text field of the page row: its name, its label and its text as the index reads it."""

    name: str
    label: str
    strings: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.strings)


@dataclass
class PageText:
    """A page's text: what names it and what it says (for search), and each text field (for review)."""

    title: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    fields: list[FieldText] = field(default_factory=list)

    @property
    def title_text(self) -> str:
        return "\n".join(self.title)

    @property
    def body_text(self) -> str:
        return "\n".join(self.body)


def organisation_field(page_or_model: Any) -> str | None:
    """The field naming the page type's organisation (发布机构, 解读机关, 报告机关), as it declares.

    A page type declares it with ``organisation_field = "publisher"``; types without one have none.
    """
    return getattr(page_or_model, "organisation_field", None)


def organisation_of(page: Any) -> Any:
    """The organisation ``page`` is published by, or None (no query when prefetched)."""
    name = organisation_field(page)
    return getattr(page, name, None) if name else None


def organisation_name(page: Any) -> str:
    """The name of the organisation ``page`` is published by, or "" (no query when prefetched)."""
    organisation = organisation_of(page)
    return "" if organisation is None else str(getattr(organisation, "name", organisation))


def organisation_names(page: Any) -> list[str]:
    """The organisation's name as a list, for the text of the page (empty when it has none)."""
    name = organisation_name(page)
    return [name] if name else []


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


def page_text(page: Any) -> PageText:
    """Title-like and body text of ``page`` (every SearchField of its type plus a few extras), and its text fields.

    Generic over page types, so a new disclosure page type is searchable and pre-screened
    without code here. Within :func:`indexing_pass` each page object's text is read once
    (an indexing pass asks several times).
    """
    return _texts(page)


def _is_text_field(model_field: models.Field) -> bool:
    return isinstance(model_field, (StreamField, models.CharField, models.TextField)) and not (
        model_field.attname.endswith("_id")
    )


@lru_cache(maxsize=1024)
def _label(model_field: models.Field, language: str | None) -> str:
    """A field's verbose name in ``language``: translating it for every field of every page
    listed was a fifth of a search results page's time."""
    return str(model_field.verbose_name)


def field_texts(page: Any) -> list[FieldText]:
    """Every non-empty text field of the page row, in model order, read the way the index reads it.

    Rich text and StreamField blocks become their searchable text (Wagtail's
    ``get_searchable_content``: tags stripped, entities decoded, paragraphs apart).
    """
    language = get_language()
    found = []
    for model_field in page._meta.concrete_fields:
        if not _is_text_field(model_field):
            continue
        value = getattr(page, model_field.attname, None)
        if not value:
            continue
        if isinstance(model_field, (StreamField, RichTextField)):
            strings = tuple(str(s) for s in model_field.get_searchable_content(value))
        else:
            strings = (str(value),)
        found.append(FieldText(model_field.name, _label(model_field, language), strings))
    return found


def _page_text(page: Any) -> PageText:
    text = PageText(fields=field_texts(page))
    by_name = {field_text.name: field_text.strings for field_text in text.fields}
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
        name = search_field.field_name
        add(text.body, _strings(by_name[name] if name in by_name else search_field.get_value(page)))
    for name in EXTRA_ATTRIBUTES:
        value = getattr(page, name, None)
        if isinstance(value, str):
            add(text.body, _strings(value))
    add(text.body, organisation_names(page))
    return text


_texts: PassMemo[PageText] = PassMemo(_page_text)
indexing_pass = _texts.active
