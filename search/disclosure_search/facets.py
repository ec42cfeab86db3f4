"""Facet counts for the results page and the API: how many matches per organ, year, type, classification.

The counts come from one query over the matches (:func:`disclosure_search.engine.count_facets`, or
one aggregation request: :mod:`disclosure_search.backends.elasticsearch_facets`);
labels come from what the search form already loaded (organisations, terms) and the page
types, so showing them costs no further query. Each value links to the same search
narrowed to it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.http import QueryDict
from django.utils.translation import gettext as _

from disclosure_pages.catalog.listing import DIMENSION_FILTERS
from disclosure_pages.taxonomy.models import Dimension

from .filters import SEARCH_DIMENSIONS, SearchFilterSet
from .page_types import disclosure_models, type_label


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    url: str
    selected: bool = False

    def as_json(self) -> dict[str, Any]:
        return {"value": self.value, "label": self.label, "count": self.count, "selected": self.selected}


@dataclass
class FacetCounts:
    param: str
    label: str
    values: list[FacetValue] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {"param": self.param, "label": self.label, "values": [v.as_json() for v in self.values]}


def facet_counts(counts: dict[str, Counter] | None, filters: SearchFilterSet, params: QueryDict) -> list[FacetCounts]:
    """The facets of one search, values by descending count (years newest first); [] without counts."""
    if not counts:
        return []
    types = {
        ct.pk: (model._meta.model_name, type_label(model))
        for model, ct in ContentType.objects.get_for_models(*disclosure_models(), for_concrete_models=False).items()
    }
    organisations = {o.pk: o.label for o in filters.organisations}
    terms = {t.pk: t.full_label for t in filters.terms}
    facets = [
        _facet("type", _("信息类型"), counts["type"], lambda pk: types.get(pk), filters, params),
        _facet("organ", _("发布机构"), counts["organ"], lambda pk: _named(pk, organisations), filters, params),
        _facet("year", _("年份"), counts["year"], lambda year: (str(year), str(year)), filters, params, by_value=True),
    ]
    for param in SEARCH_DIMENSIONS:
        label = str(Dimension(DIMENSION_FILTERS[param][0]).label)
        facets.append(_facet(param, label, counts[param], lambda pk: _named(pk, terms), filters, params))
    return [facet for facet in facets if facet.values]


def _named(pk: int, names: dict[int, str]) -> tuple[str, str] | None:
    return (str(pk), names[pk]) if pk in names else None


def _facet(
    param: str,
    label: str,
    counter: Counter,
    describe: Any,
    filters: SearchFilterSet,
    params: QueryDict,
    *,
    by_value: bool = False,
) -> FacetCounts:
    selected = _selected(param, filters)
    values = []
    for key, count in counter.items():
        described = describe(key)
        if described is None:  # an inactive term or a type search no longer shows
            continue
        value, name = described
        narrowed = params.copy()
        narrowed[param] = value
        narrowed.pop("page", None)
        values.append(FacetValue(value, name, count, "?" + narrowed.urlencode(), value == selected))
    if by_value:
        values.sort(key=lambda v: v.value, reverse=True)
    else:
        values.sort(key=lambda v: (-v.count, v.label))
    return FacetCounts(param, label, values)


def _selected(param: str, filters: SearchFilterSet) -> str:
    if param == "type":
        model = filters.value("type")
        return model._meta.model_name if model else ""
    return filters.selected(param)
