"""Filtering and paging catalog entries for public listings (catalog index, topics).

The number of SQL queries is fixed whatever the page size: one for the terms of every
dimension, one for the organs, one for the years, one count and one page of entries
with their publishers joined.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from ..conf import get_setting
from ..taxonomy.models import ClassificationTerm, Dimension, Organisation
from ..visibility import visible

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


@dataclass
class Facet:
    param: str
    label: str
    options: list[tuple[str, str]]
    selected: str = ""


@dataclass
class CatalogFilters:
    """What the visitor asked for, already checked; ``problems`` explains what was ignored."""

    terms: dict[str, ClassificationTerm] = field(default_factory=dict)
    organisation: Organisation | None = None
    year: int | None = None
    problems: list[str] = field(default_factory=list)

    def apply(self, queryset: QuerySet) -> QuerySet:
        for param, term in self.terms.items():
            field_name = DIMENSION_FILTERS[param][1]
            condition = Q(**{field_name: term})
            if term.parent_id is None:
                # A top-level 主题分类 also finds entries filed under its sub-topics.
                condition |= Q(**{f"{field_name}__parent": term})
            queryset = queryset.filter(condition)
        if self.organisation is not None:
            queryset = queryset.filter(publisher=self.organisation)
        if self.year is not None:
            queryset = queryset.filter(publish_date__year=self.year)
        if "audience" in self.terms:
            queryset = queryset.distinct()
        return queryset


def _int_param(value: str | None) -> int | None:
    if value is None or value == "":
        return None
    value = value.strip()
    if not value.isascii() or not value.isdigit() or len(value) > 12:
        raise ValueError(value)
    return int(value)


def parse_filters(params, terms_by_id: dict[int, ClassificationTerm], organisations: dict[int, Organisation]) -> CatalogFilters:
    filters = CatalogFilters()
    for param, (dimension, _field) in DIMENSION_FILTERS.items():
        try:
            term_id = _int_param(params.get(param))
        except ValueError:
            filters.problems.append(_("分类参数无效，已忽略。"))
            continue
        if term_id is None:
            continue
        term = terms_by_id.get(term_id)
        if term is None or term.dimension != dimension:
            filters.problems.append(_("所选分类不存在，已忽略。"))
            continue
        filters.terms[param] = term
    try:
        org_id = _int_param(params.get("organ"))
    except ValueError:
        org_id = None
        filters.problems.append(_("发布机构参数无效，已忽略。"))
    if org_id is not None:
        filters.organisation = organisations.get(org_id)
        if filters.organisation is None:
            filters.problems.append(_("所选发布机构不存在，已忽略。"))
    try:
        year = _int_param(params.get("year"))
    except ValueError:
        year = None
        filters.problems.append(_("年份参数无效，已忽略。"))
    if year is not None:
        if MIN_YEAR <= year <= MAX_YEAR:
            filters.year = year
        else:
            filters.problems.append(_("年份超出范围，已忽略。"))
    return filters


def page_size_from(params) -> int:
    default = get_setting("DISCLOSURE_CATALOG_PAGE_SIZE")
    try:
        size = _int_param(params.get("page_size"))
    except ValueError:
        return default
    if not size:
        return default
    return max(1, min(size, get_setting("DISCLOSURE_CATALOG_MAX_PAGE_SIZE")))


def public_entries(queryset: QuerySet) -> QuerySet:
    """What citizens may see (the rule of ``visibility``)."""
    return visible(queryset)


class CatalogListingMixin:
    """Gives a page ``listing_context(request, entries)`` for its template."""

    def listing_context(self, request, entries: QuerySet) -> dict:
        terms = list(ClassificationTerm.objects.filter(is_active=True).select_related("parent"))
        terms_by_id = {t.pk: t for t in terms}
        organisations = {o.pk: o for o in Organisation.objects.all()}
        filters = parse_filters(request.GET, terms_by_id, organisations)

        entries = public_entries(entries)
        years = sorted({d.year for d in entries.dates("publish_date", "year")}, reverse=True)
        entries = filters.apply(entries).select_related("publisher").order_by("-publish_date", "-pk")

        paginator = Paginator(entries, page_size_from(request.GET))
        page = paginator.get_page(request.GET.get("page"))

        facets = []
        for param, (dimension, _field) in DIMENSION_FILTERS.items():
            options = [(str(t.pk), t.full_name) for t in terms if t.dimension == dimension]
            if options:
                selected = filters.terms.get(param)
                facets.append(Facet(param, Dimension(dimension).label, options, str(selected.pk) if selected else ""))
        facets.append(
            Facet(
                "organ",
                str(_("发布机构")),
                [(str(o.pk), o.name) for o in organisations.values()],
                str(filters.organisation.pk) if filters.organisation else "",
            )
        )
        facets.append(
            Facet("year", str(_("年份")), [(str(y), str(y)) for y in years], str(filters.year or ""))
        )
        query = request.GET.copy()
        query.pop("page", None)
        return {
            "entries_page": page,
            "paginator": paginator,
            "facets": facets,
            "filters": filters,
            "filter_query": query.urlencode(),
        }
