"""The Chinese mixins Wagtail's Elasticsearch 8/9 and OpenSearch 2/3 backends are built with.

Wagtail's own classes do the indexing, rebuilding, filters and ordering; these only
change what needs Chinese: analyzers on full-text fields, page field boosts, and query
strings sent as the OR of their Simplified, segmented variants, since the cluster cannot
fold scripts or cut words the way the index was written (see ``docs/search.md``).
"""

from __future__ import annotations

import copy
from typing import Any, ClassVar

from modelsearch.backends.elasticsearchbase import Field
from modelsearch.index import SearchField, get_indexed_models
from modelsearch.utils import deep_update

from disclosure_pages.text.normalise import forms
from disclosure_pages.text.segment import query_token_sets

from .elasticsearch_facets import FacetsMappingMixin, FacetsResultsMixin
from .elasticsearch_settings import ANALYZED, REQUIRED_PLUGINS, analysis_settings, field_boost, resolve_analyzer
from .safe_query import SafeQueryMixin


def query_variants(query_string: str, *, segmented: bool = True) -> list[str]:
    """What a query string is replaced by, each variant to be OR-ed (see docs/search.md).

    ``segmented``: each Simplified form as its jieba words joined by spaces (function
    words such as 的 dropped), as the database backend matches them; otherwise the
    forms as text (for phrases). A query with Traditional characters also keeps its
    cleaned self. Falls back to the query as given when cleaning leaves nothing.
    """
    normalised = forms(query_string)
    if segmented:
        simplified = [" ".join(tokens) for tokens in query_token_sets(query_string)]
    else:
        simplified = list(normalised.search_forms)
    own_script = [normalised.exact] if normalised.exact != normalised.chars else []
    variants = [v.strip() for v in (*simplified, *own_script)]
    return list(dict.fromkeys(v for v in variants if v)) or [query_string]


def _any_of(queries: list[dict[str, Any]]) -> dict[str, Any]:
    if len(queries) == 1:
        return queries[0]
    return {"bool": {"should": queries, "minimum_should_match": 1}}


class ChineseMappingMixin:
    """Mapping: Chinese analyzers on full-text fields, page boosts from :func:`field_boost`.

    Put before Wagtail's ``Elasticsearch…Mapping`` in the bases. Autocomplete
    (``*_edgengrams``) and filter fields are left as Wagtail defines them.
    """

    model: type

    def get_field_mapping(self, field: Any) -> tuple[str, dict[str, Any]]:
        name, mapping = super().get_field_mapping(field)  # type: ignore[misc]
        if isinstance(field, SearchField):
            boost = field_boost(self.model, field)
            if boost is not None and boost != 1:
                mapping["boost"] = boost
            else:
                mapping.pop("boost", None)
            if mapping.get("type") == "text":
                # setdefault: an es_extra analyzer chosen for one field still wins.
                for key, value in ANALYZED.items():
                    mapping.setdefault(key, value)
        return name, mapping

    def get_mapping(self) -> dict[str, Any]:
        mapping: dict[str, Any] = super().get_mapping()  # type: ignore[misc]
        # The catch-all fields are what an all-fields query searches; they need the
        # same analysis as the fields copied into them.
        for name, properties in mapping["properties"].items():
            if name == "_all_text" or name.startswith("_all_text_boost_"):
                properties.update(ANALYZED)
        return mapping


class ChineseQueryCompilerMixin:
    """Query compiler: page boosts from :func:`field_boost`, query strings as OR of variants.

    Put before Wagtail's ``Elasticsearch…QueryCompiler`` (search or autocomplete) in the
    bases. The rewriting happens where Wagtail turns a query string into a
    ``match``/``multi_match`` clause, so it also applies inside ``And``/``Or``/``Not``/
    ``Boost`` query trees and to autocomplete.
    """

    queryset: Any
    mapping: Any

    def _remap_fields(self, fields: list[str] | None) -> list[Field]:
        """Wagtail's column names and boosts, with boosts from :func:`field_boost`."""
        model = self.queryset.model
        remapped: list[Field] = []
        if fields:
            searchable = {f.field_name: f for f in self.get_searchable_fields()}  # type: ignore[attr-defined]
            for field_name in fields:
                field = searchable.get(field_name)
                if field:
                    remapped.append(Field(self.mapping.get_field_column_name(field), field_boost(model, field) or 1))
            return remapped

        remapped.append(Field("_all_text"))
        unique_boosts: set[float] = set()
        for indexed in get_indexed_models():
            if issubclass(indexed, model):
                for field in indexed.get_searchable_search_fields():
                    boost = field_boost(indexed, field)
                    if boost and boost != 1:
                        unique_boosts.add(boost)
        # Sorted (highest first) so that the query body is stable: tests and caches compare it.
        remapped.extend(
            Field(self.mapping.get_boost_field_name(boost), boost) for boost in sorted(unique_boosts, reverse=True)
        )
        return remapped

    def _compile_plaintext_query(self, query: Any, fields: list[Field], boost: float = 1.0) -> dict[str, Any]:
        parent = super()._compile_plaintext_query  # type: ignore[misc]
        return _any_of([parent(_with_string(query, v), fields, boost) for v in query_variants(query.query_string)])

    def _compile_phrase_query(self, query: Any, fields: list[Field]) -> dict[str, Any]:
        parent = super()._compile_phrase_query  # type: ignore[misc]
        variants = query_variants(query.query_string, segmented=False)
        return _any_of([parent(_with_string(query, v), fields) for v in variants])

    def _compile_fuzzy_query(self, query: Any, fields: list[Field]) -> dict[str, Any]:
        parent = super()._compile_fuzzy_query  # type: ignore[misc]
        return _any_of([parent(_with_string(query, v), fields) for v in query_variants(query.query_string)])


def _with_string(query: Any, query_string: str) -> Any:
    """A copy of a PlainText/Phrase/Fuzzy query with another query string (operator kept)."""
    clone = copy.copy(query)
    clone.query_string = query_string
    return clone


class ChineseBackendMixin(SafeQueryMixin):
    """Backend: index settings with the chosen Chinese analyzer (see docs/search.md).

    Queries are cleaned first (:class:`~disclosure_search.backends.safe_query.SafeQueryMixin`).

    Put before Wagtail's ``Elasticsearch…SearchBackend`` in the bases. The ``ANALYZER``
    option is popped before Wagtail's ``__init__`` sees the parameters; the analysis is
    merged into the class's settings before Wagtail applies ``INDEX_SETTINGS``, so a
    site can still override any of it.
    """

    settings: ClassVar[dict[str, Any]]
    #: The analyzer choice of this backend instance (``cjk``, ``smartcn`` or ``ik``).
    analyzer: str

    def __init__(self, params: dict[str, Any]) -> None:
        self.analyzer = resolve_analyzer(params.pop("ANALYZER", None))
        base = copy.deepcopy(type(self).settings)
        # An instance attribute: Wagtail's __init__ deep-copies self.settings, then
        # applies INDEX_SETTINGS on top.
        self.settings = deep_update(base, {"settings": {"analysis": analysis_settings(self.analyzer)}})  # type: ignore[misc]
        super().__init__(params)  # type: ignore[call-arg]

    @property
    def required_plugin(self) -> str | None:
        """The cluster plugin the chosen analyzer needs, or None (``cjk``)."""
        return REQUIRED_PLUGINS[self.analyzer]


def chinese_backend_classes(module: Any, prefix: str, home: str) -> tuple[type, type, type, type]:
    """Wagtail's mapping, compilers and backend from ``module`` with the Chinese mixins
    (and the facets of :mod:`.elasticsearch_facets`).

    ``prefix`` is Wagtail's class-name prefix (``Elasticsearch8``, ``OpenSearch2`` …); the
    classes keep Wagtail's names so that settings and tests can name them.
    """

    def build(name: str, mixins: tuple[type, ...], attrs: dict[str, Any]) -> type:
        base = getattr(module, f"{prefix}{name}")
        attrs = {"__module__": home, "__doc__": f"{base.__doc__ or ''} With Chinese analysis.", **attrs}
        return type(f"{prefix}{name}", (*mixins, base), attrs)

    mapping = build("Mapping", (FacetsMappingMixin, ChineseMappingMixin), {})
    search = build("SearchQueryCompiler", (ChineseQueryCompilerMixin,), {"mapping_class": mapping})
    autocomplete = build("AutocompleteQueryCompiler", (ChineseQueryCompilerMixin,), {"mapping_class": mapping})
    results = build("SearchResults", (FacetsResultsMixin,), {})
    backend = build(
        "SearchBackend",
        (ChineseBackendMixin,),
        {
            "mapping_class": mapping,
            "query_compiler_class": search,
            "autocomplete_query_compiler_class": autocomplete,
            "results_class": results,
        },
    )
    return mapping, search, autocomplete, backend
