"""Facet counts from Elasticsearch/OpenSearch: the same facets the embedded engine counts.

Each disclosure page's document carries its facet values (content type, year, 发布机构 and
the catalog classifications, from :func:`disclosure_search.engine.facet_values`) in fields
of their own, and a search asks for all of them in one request: ``size: 0`` and a ``terms``
aggregation per facet over the same query. Wagtail's ``facet()`` asks one request per field
and only for filter fields of the searched model, which the classifications are not.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from disclosure_pages.mixins import DisclosurePageMixin

from ..engine import facet_values
from ..models import FACET_DIMENSIONS

#: Facet name (as :func:`disclosure_search.engine.count_facets` names them) → document field.
FACET_FIELDS: dict[str, str] = {
    "type": "_disclosure_type",
    "year": "_disclosure_year",
    "organ": "_disclosure_organ",
    **{name: f"_disclosure_{name}" for name in FACET_DIMENSIONS},
}
#: Buckets per facet: more values than a results page lists (organs of a city, years since 2008).
BUCKETS = 500


def document_facets(obj: Any) -> dict[str, int | None]:
    """The facet fields of ``obj``'s document (none for objects that are not disclosure pages)."""
    if not isinstance(obj, DisclosurePageMixin):
        return {}
    values = facet_values(obj)
    return {
        FACET_FIELDS["type"]: obj.content_type_id,
        FACET_FIELDS["year"]: values["year"],
        FACET_FIELDS["organ"]: values["organisation_id"],
        **{FACET_FIELDS[name]: values[f"{name}_id"] for name in FACET_DIMENSIONS},
    }


def facet_aggregations() -> dict[str, Any]:
    return {name: {"terms": {"field": field, "size": BUCKETS}} for name, field in FACET_FIELDS.items()}


def parse_facets(response: dict[str, Any]) -> dict[str, Counter]:
    """Matches per facet value, as the embedded engine reports them (documents without a value are not counted)."""
    aggregations = response.get("aggregations") or {}
    return {
        name: Counter({bucket["key"]: bucket["doc_count"] for bucket in aggregations.get(name, {}).get("buckets", [])})
        for name in FACET_FIELDS
    }


class FacetsMappingMixin:
    """Mapping: the facet fields, as ``long`` (ids and years), in every document that has them."""

    def get_mapping(self) -> dict[str, Any]:
        mapping: dict[str, Any] = super().get_mapping()  # type: ignore[misc]
        mapping["properties"].update({field: {"type": "long"} for field in FACET_FIELDS.values()})
        return mapping

    def get_document(self, obj: Any) -> dict[str, Any]:
        document: dict[str, Any] = super().get_document(obj)  # type: ignore[misc]
        document.update(document_facets(obj))
        return document


class FacetsResultsMixin:
    """Search results that can count their facets (one request, no hits)."""

    query_compiler: Any
    backend: Any

    def facet_body(self) -> dict[str, Any]:
        body: dict[str, Any] = self._get_es_body(for_count=True)  # type: ignore[attr-defined]
        body["aggregations"] = facet_aggregations()
        return body

    def disclosure_facets(self) -> dict[str, Counter]:
        index = self.backend.get_index_for_model(self.query_compiler.queryset.model).name
        response = self._backend_do_search(self.facet_body(), index=index, size=0)  # type: ignore[attr-defined]
        return parse_facets(response.body if hasattr(response, "body") else response)
