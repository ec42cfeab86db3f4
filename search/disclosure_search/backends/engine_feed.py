"""What the database backends share: each object's search text read once, and the engine's rows.

Wagtail's indexers read every search field once per column (title, body, autocomplete and,
on PostgreSQL, two plain-text columns), which for a disclosure page means segmenting its
text several times over; here the fields are read once per pass. Public disclosure pages
also get their row in :mod:`disclosure_search.engine`, removed with the page's entry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, ClassVar

from django.db.models import Avg
from django.db.models.functions import Length
from modelsearch.index import AutocompleteField, RelatedFields, SearchField

from disclosure_pages.mixins import DisclosurePageMixin
from disclosure_pages.page_text import indexing_pass
from disclosure_search import engine, parallel

# Fields whose text is already segmented (see disclosure_pages.mixins.DisclosurePageMixin).
SEGMENTED_FIELDS = frozenset({"search_title", "search_document"})


def split_fields(
    obj: Any, search_fields: Iterable[Any], prepare_field: Callable, *, autocomplete_item: Callable = str
) -> tuple[list, list, list]:
    """(title, body, autocomplete) items of ``obj``: whatever ``prepare_field`` yields after the field.

    For disclosure pages the body holds only the segmented text (``search_title``,
    ``search_document``): their raw fields are the same text unsegmented, which the full-text
    parsers cannot cut, so indexing it again would only cost time. Their segmented title goes
    to autocomplete too (as ``autocomplete_item(text)``), so the admin finds 防汛 inside
    关于做好防汛抗旱工作的通知.
    """
    title: list = []
    body: list = []
    autocomplete: list = []
    segmented_only = isinstance(obj, DisclosurePageMixin)
    if segmented_only:  # the other fields' values would be computed only to be dropped
        search_fields = [field for field in search_fields if _kept_for_segmented(field)]
    for search_field in search_fields:
        for current, *item in prepare_field(obj, search_field):
            value = item[0] if len(item) == 1 else tuple(item)
            if isinstance(current, SearchField):
                if current.field_name == "title":
                    title.append(value)
                elif not segmented_only or current.field_name in SEGMENTED_FIELDS:
                    body.append(value)
            elif isinstance(current, AutocompleteField):
                autocomplete.append(value)
    if segmented_only:
        autocomplete.append(autocomplete_item(obj.search_title()))
    return title, body, autocomplete


def _kept_for_segmented(search_field: Any) -> bool:
    """Whether a disclosure page's ``search_field`` can reach its entry (see :func:`split_fields`)."""
    if isinstance(search_field, AutocompleteField):
        return True
    if isinstance(search_field, SearchField):
        return search_field.field_name == "title" or search_field.field_name in SEGMENTED_FIELDS
    if isinstance(search_field, RelatedFields):
        return any(_kept_for_segmented(field) for field in search_field.fields)
    return False


class FeedsEngineMixin:
    """Index: entries written by ``write_entries`` in one indexing pass, then the engine's rows."""

    def write_entries(self, model: type, objs: list[Any]) -> None:
        raise NotImplementedError

    def add_items(self, model: type, objs: Any) -> None:
        if not model.get_search_fields():
            return
        objs = list(objs)
        if not objs:
            return
        documents = engine.indexes(model)
        with indexing_pass():
            if not documents:
                self.write_entries(model, objs)
                return
            for chunk in parallel.pipelined(objs):
                self.write_entries(model, chunk)
                engine.store(model, chunk)

    def delete_item(self, item: Any) -> None:
        super().delete_item(item)  # type: ignore[misc]
        if engine.indexes(type(item)):
            engine.remove([item.pk])

    def delete_stale_entries(self) -> None:
        """A rebuild starts here; the pass that follows rewrites every engine row it reaches."""
        super().delete_stale_entries()  # type: ignore[misc]
        engine.prune()

    def reset(self) -> None:
        super().reset()  # type: ignore[misc]
        engine.clear()


class RememberedTitleAverageMixin:
    """Wagtail's title length factor (average title length / this title's) from an average read
    once per process: Wagtail re-reads the whole table for it after every write. A rebuild
    (``_refresh_title_norms``, Wagtail's own, at its end) reads it afresh."""

    entries: Any
    _title_averages: ClassVar[dict[type, float | None]] = {}

    def _average_title_length(self) -> float | None:
        average = self._title_averages.get(type(self))
        if average is None:
            average = self._title_averages[type(self)] = (
                self.entries.annotate(title_length=Length("title"))
                .filter(title_length__gt=0)
                .aggregate(Avg("title_length"))["title_length__avg"]
            )
        return average

    def _refresh_title_norms(self, full: bool = False) -> None:
        self._title_averages.pop(type(self), None)
        super()._refresh_title_norms(full=full)  # type: ignore[misc]
