"""The public search's filters: 发布机构, 年份, 信息类型 and three catalog dimensions.

The same fields as the catalog listing (bad values are ignored with a message), applied
to base pages of every disclosure type: filters that only some page types have are
``pk__in`` sub-queries, so the filtered queryset can restrict any backend's search.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import django_filters
from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from disclosure_pages.catalog.listing import (
    DIMENSION_FILTERS,
    ListingFilterSet,
    OrganFilter,
    TermFilter,
    YearFilter,
    filed_under,
)
from disclosure_pages.catalog.models import CatalogEntryPage
from disclosure_pages.page_text import organisation_field
from disclosure_pages.pagebase import BasePage
from disclosure_pages.taxonomy.models import ClassificationTerm, Organisation

from .models import FACET_DIMENSIONS
from .page_types import date_field, disclosure_models, model_by_code

# Catalog dimensions the search form offers (the listing's parameter names).
SEARCH_DIMENSIONS = FACET_DIMENSIONS  # what the index counts is what the form filters on


class PageTypeField(forms.Field):
    """A disclosure page type by its model name (``?type=catalogentrypage``)."""

    default_error_messages = {"invalid_choice": _("所选信息类型不存在，已忽略。")}

    def to_python(self, value: Any) -> type | None:
        code = str(value or "").strip()
        if not code:
            return None
        model = model_by_code(code)
        if model is None:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return model


class EntryTermFilter(TermFilter):
    """Pages that are catalog entries carrying the term (other page types have no terms)."""

    def filter(self, qs: QuerySet, value: Any) -> QuerySet:
        if value is None:
            return qs
        return qs.filter(pk__in=CatalogEntryPage.objects.filter(filed_under(self.field_name, value)).values("pk"))


def _any_type_where(field_of: Callable[[type], str | None], lookup: str, value: Any) -> Q:
    """Pages of any disclosure type whose own field (``field_of(model)``) matches ``value``."""
    condition = Q(pk__in=[])
    for model in disclosure_models():
        if name := field_of(model):
            condition |= Q(pk__in=model.objects.filter(**{name + lookup: value}).values("pk"))
    return condition


class PublisherFilter(OrganFilter):
    """Pages published by the organ, whichever organisation field their type has."""

    def filter(self, qs: QuerySet, value: Any) -> QuerySet:
        return qs if value is None else qs.filter(_any_type_where(organisation_field, "", value))


class PublishedInFilter(YearFilter):
    """Pages whose 发布日期 falls in the year (types without one never match)."""

    def filter(self, qs: QuerySet, value: Any) -> QuerySet:
        return qs if value is None else qs.filter(_any_type_where(date_field, "__year", value))


class PageTypeFilter(django_filters.Filter):
    field_class = PageTypeField

    def filter(self, qs: QuerySet, value: Any) -> QuerySet:
        if value is None:
            return qs
        return qs.filter(content_type=ContentType.objects.get_for_model(value))


class SearchFilterSet(ListingFilterSet):
    """What the visitor narrowed a search to; ``apply`` it to a queryset of base pages."""

    assembled = EntryTermFilter("assembled")
    topic = EntryTermFilter("topic")
    genre = EntryTermFilter("genre")
    organ = PublisherFilter()
    year = PublishedInFilter()
    type = PageTypeFilter()

    class Meta:
        model = BasePage
        fields: list[str] = []

    @classmethod
    def from_params(cls, params: Any) -> SearchFilterSet:
        """The filters of ``params``, with the terms and organs the form offers (two queries)."""
        dimensions = [DIMENSION_FILTERS[param][0] for param in SEARCH_DIMENSIONS]
        terms = ClassificationTerm.objects.filter(is_active=True, dimension__in=dimensions).select_related("parent")
        return cls(params, terms=terms, organisations=Organisation.objects.all())
