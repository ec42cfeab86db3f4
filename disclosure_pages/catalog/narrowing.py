"""The catalog listing's other ways to narrow and order: a keyword, a date range, 有效性, sorting.

Like the term filters (``listing.py``), a bad value is ignored and explained, never an error.
"""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from ..text.cleaning import clean_inline
from .validity import Validity

MAX_KEYWORD = 50

#: sort parameter -> (label, ordering); the first is the default.
SORTS: dict[str, tuple[Any, tuple[str, ...]]] = {
    "newest": (_("发布日期从新到旧"), ("-publish_date", "-pk")),
    "oldest": (_("发布日期从旧到新"), ("publish_date", "pk")),
    "written": (_("成文日期从新到旧"), ("-written_date", "-publish_date", "-pk")),
}


class KeywordField(forms.CharField):
    def to_python(self, value: Any) -> str | None:
        return clean_inline(super().to_python(value) or "")[:MAX_KEYWORD] or None  # None: no filter


class KeywordFilter(django_filters.Filter):
    """Words in the title, the 文号 or the 索引号 (``?q=收费``); the full-text search is /search/."""

    field_class = KeywordField

    def filter(self, qs: QuerySet, value: str | None) -> QuerySet:
        if not value:
            return qs
        return qs.filter(Q(title__icontains=value) | Q(doc_number__icontains=value) | Q(index_number__icontains=value))


class DateBoundFilter(django_filters.DateFilter):
    """``?start=2024-01-01&end=2024-06-30`` on the 发布日期, each bound inclusive."""

    def __init__(self, lookup_expr: str, **kwargs: Any) -> None:
        super().__init__(
            field_name="publish_date",
            lookup_expr=lookup_expr,
            input_formats=["%Y-%m-%d"],
            error_messages={"invalid": _("日期格式应为 2024-06-02，已忽略。")},
            **kwargs,
        )


def validity_choices() -> list[tuple[str, Any]]:
    return list(Validity.choices)


class ValidityFilter(django_filters.ChoiceFilter):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            field_name="validity",
            choices=validity_choices,
            error_messages={"invalid_choice": _("有效性参数无效，已忽略。")},
            **kwargs,
        )


def sort_from(params: Any) -> str:
    value = params.get("sort")
    return value if value in SORTS else next(iter(SORTS))


def ordering(sort: str) -> tuple[str, ...]:
    return SORTS[sort][1]
