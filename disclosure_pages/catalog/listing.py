"""Filtering and paging catalog entries for public listings (catalog index, topics).

The filters are a django-filter ``FilterSet`` whose fields look ids up among the terms
and organs loaded once per request, so the number of SQL queries is fixed whatever the
page size or the filters: one for the terms of every dimension, one for the organs, one
for the years, one count and one page of entries with their publishers joined. A bad
value is ignored and explained (``problems``), never an error page.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from ..conf import get_setting
from ..i18n import in_reader_language
from ..taxonomy.choices import is_group, term_choices
from ..taxonomy.models import ClassificationTerm, Dimension, Organisation
from ..visibility import visible
from .counts import cached_count
from .narrowing import SORTS, DateBoundFilter, KeywordFilter, ValidityFilter, ordering, sort_from, validity_choices

# query-string parameter -> (dimension, entry field)
DIMENSION_FILTERS: dict[str, tuple[str, str]] = {
    "assembled": (Dimension.ASSEMBLED, "assembled_category"),
    "topic": (Dimension.TOPIC, "topic_category"),
    "audience": (Dimension.AUDIENCE, "audience_categories"),
    "lifecycle": (Dimension.LIFECYCLE, "lifecycle_category"),
    "genre": (Dimension.GENRE, "genre_category"),
    "format": (Dimension.FORMAT, "format_category"),
}
MIN_YEAR, MAX_YEAR = 1949, 2100
# More digits than any id or year: longer numbers are refused before they reach SQL.
MAX_DIGITS = 12

TERM_ERRORS = {"invalid": _("分类参数无效，已忽略。"), "invalid_choice": _("所选分类不存在，已忽略。")}
ORGAN_ERRORS = {"invalid": _("发布机构参数无效，已忽略。"), "invalid_choice": _("所选发布机构不存在，已忽略。")}
YEAR_ERRORS = {
    "invalid": _("年份参数无效，已忽略。"),
    "min_value": _("年份超出范围，已忽略。"),
    "max_value": _("年份超出范围，已忽略。"),
}


@dataclass
class Facet:
    """One filter's <select>: options are (value, label), or (group label, options) for 主题分类."""

    param: str
    label: str
    options: list[Any]
    selected: str = ""
    counts: dict[str, int] | None = None  # entries per option; options without any are left out

    @property
    def choices(self) -> list[tuple[str | None, list[tuple[str, str]]]]:
        """The options for the template: (group label or None, options) in order."""
        groups = [(o[0], o[1]) if is_group(o) else (None, [o]) for o in self.options]
        if self.counts is None:
            return groups
        shown = []
        for group, options in groups:
            numbers = [self.counts.get(value, 0) for value, _label in options]
            if group is not None:  # its first option is the whole group: its own entries and its children's
                numbers[0] = sum(numbers)
            kept = [
                (value, _("%(label)s（%(count)s）") % {"label": label, "count": number})
                for (value, label), number in zip(options, numbers, strict=True)
                if number or value == self.selected
            ]
            if kept:
                shown.append((group, kept))
        return shown


def term_facet(param: str, terms: Iterable[ClassificationTerm], selected: str) -> Facet | None:
    """The facet of one dimension's terms, in the classification's order; None without terms."""
    dimension = DIMENSION_FILTERS[param][0]
    options = term_choices(t for t in terms if t.dimension == dimension)
    return Facet(param, str(Dimension(dimension).label), options, selected) if options else None


class NumberField(forms.IntegerField):
    """A whole number in ASCII digits only: ``１２``, ``1e9`` and ``-1`` are not numbers in a URL."""

    def __init__(self, *, max_digits: int = MAX_DIGITS, **kwargs: Any) -> None:
        self.max_digits = max_digits
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> int | None:
        if value in self.empty_values:
            return None
        text = str(value).strip()
        if not (text.isascii() and text.isdigit() and len(text) <= self.max_digits):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return int(text)


class ObjectField(NumberField):
    """An id among objects loaded once per request: checking it costs no query."""

    default_error_messages = {"invalid_choice": _("所选项不存在。")}

    def __init__(self, *, objects: Mapping[int, Any] | None = None, **kwargs: Any) -> None:
        self.objects = objects or {}
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> Any:
        number = super().to_python(value)
        if number is None:
            return None
        if number not in self.objects:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return self.objects[number]


def filed_under(field_name: str, term: ClassificationTerm) -> Q:
    """Entries carrying ``term``; a top-level 主题分类 also finds entries filed under its sub-topics."""
    condition = Q(**{field_name: term})
    if term.parent_id is None:
        condition |= Q(**{f"{field_name}__parent": term})
    return condition


class TermFilter(django_filters.Filter):
    """One dimension's term (``?topic=<id>``), looked up among that dimension's terms only."""

    field_class = ObjectField

    def __init__(self, param: str, **kwargs: Any) -> None:
        self.dimension, field_name = DIMENSION_FILTERS[param]
        super().__init__(field_name=field_name, error_messages=TERM_ERRORS, **kwargs)

    def filter(self, qs: QuerySet, value: Any) -> QuerySet:
        if value is None:
            return qs
        qs = qs.filter(filed_under(self.field_name, value))
        return qs.distinct() if self.distinct else qs


class OrganFilter(django_filters.Filter):
    """A publishing organ (``?organ=<id>``)."""

    field_class = ObjectField

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(error_messages=ORGAN_ERRORS, **kwargs)


class YearFilter(django_filters.Filter):
    """A year of publication (``?year=2024``), 1949 to 2100."""

    field_class = NumberField

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(min_value=MIN_YEAR, max_value=MAX_YEAR, error_messages=YEAR_ERRORS, **kwargs)


class ListingFilterSet(django_filters.FilterSet):
    """Filters of a public listing; the terms and organs they accept are given, loaded once."""

    def __init__(
        self,
        data: Any = None,
        queryset: QuerySet | None = None,
        *,
        terms: Iterable[ClassificationTerm] = (),
        organisations: Iterable[Organisation] = (),
        **kwargs: Any,
    ) -> None:
        # Always bound: no parameters is a valid, empty filter.
        super().__init__({} if data is None else data, queryset, **kwargs)
        self.terms = list(terms)
        self.organisations = list(organisations)
        for filter_ in self.filters.values():
            if isinstance(filter_, TermFilter):
                filter_.extra["objects"] = {t.pk: t for t in self.terms if t.dimension == filter_.dimension}
            elif isinstance(filter_, OrganFilter):
                filter_.extra["objects"] = {o.pk: o for o in self.organisations}

    @property
    def problems(self) -> list[str]:
        """Why a parameter was ignored, one message per bad parameter."""
        return [message for messages in self.errors.values() for message in messages]

    def value(self, name: str) -> Any:
        """The checked value of one filter (a term, an organ, a year …), or None."""
        self.errors  # noqa: B018 (validates the form once)
        return self.form.cleaned_data.get(name)

    @property
    def active(self) -> bool:
        return any(self.value(name) not in (None, "") for name in self.filters)

    def selected(self, name: str) -> str:
        """The chosen option of one filter as the form writes it ("" for none)."""
        value = self.value(name)
        return "" if value is None else str(getattr(value, "pk", value))

    def apply(self, queryset: QuerySet) -> QuerySet:
        """``queryset`` narrowed by the valid filters (the form's own queryset is ``qs``)."""
        self.errors  # noqa: B018 (validates the form)
        return self.filter_queryset(queryset)


class CatalogFilterSet(ListingFilterSet):
    """What a visitor narrows a catalog or topic listing to: a term per dimension, an organ, a year."""

    assembled = TermFilter("assembled")
    topic = TermFilter("topic")
    audience = TermFilter("audience", distinct=True)
    lifecycle = TermFilter("lifecycle")
    genre = TermFilter("genre")
    format = TermFilter("format")
    organ = OrganFilter(field_name="publisher")
    year = YearFilter(field_name="publish_date", lookup_expr="year")
    validity = ValidityFilter()
    q = KeywordFilter()
    start = DateBoundFilter("gte")
    end = DateBoundFilter("lte")


def page_size_from(params: Any) -> int:
    default = get_setting("DISCLOSURE_CATALOG_PAGE_SIZE")
    try:
        size = NumberField(required=False).clean(params.get("page_size"))
    except ValidationError:
        return default
    if not size:
        return default
    return max(1, min(size, get_setting("DISCLOSURE_CATALOG_MAX_PAGE_SIZE")))


class CatalogListingMixin:
    """Gives a page ``listing_context(request, entries)`` for its template."""

    def counts_key(self, request) -> str:
        """Which listing the filter counts are of: this page's entries (the same in every language)."""
        return f"page-{self.pk}"

    def listing_context(self, request, entries: QuerySet) -> dict:
        terms = list(ClassificationTerm.objects.filter(is_active=True).select_related("parent"))
        organisations = list(Organisation.objects.all())
        entries = visible(entries)
        filters = CatalogFilterSet(request.GET, entries, terms=terms, organisations=organisations)
        fields = {param: field for param, (_dimension, field) in DIMENSION_FILTERS.items()}
        counts = cached_count(entries, {**fields, "organ": "publisher_id", "validity": "validity"}, self.counts_key(request))
        years = sorted((int(year) for year in counts["year"]), reverse=True)

        sort = sort_from(request.GET)
        paginator = Paginator(filters.qs.select_related("publisher").order_by(*ordering(sort)), page_size_from(request.GET))
        page = paginator.get_page(request.GET.get("page"))
        page.object_list = in_reader_language(list(page.object_list), request, select_related=("publisher",))

        facets = []
        for param in DIMENSION_FILTERS:
            facet = term_facet(param, terms, filters.selected(param))
            if facet is not None:
                facets.append(facet)
        organs = [(str(o.pk), o.label) for o in organisations]
        facets.append(Facet("organ", str(_("发布机构")), organs, filters.selected("organ")))
        facets.append(Facet("year", str(_("年份")), [(str(y), str(y)) for y in years], filters.selected("year")))
        facets.append(Facet("validity", str(_("有效性")), validity_choices(), filters.selected("validity")))
        for facet in facets:
            facet.counts = counts.get(facet.param, {})
        query = request.GET.copy()
        query.pop("page", None)
        return {
            "entries_page": page,
            "paginator": paginator,
            "facets": facets,
            "filters": filters,
            "filter_query": query.urlencode(),
            "sort": sort,
            "sorts": [(key, label) for key, (label, _ordering) in SORTS.items()],
        }
