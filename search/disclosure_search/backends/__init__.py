"""Chinese-aware Elasticsearch 8/9 and OpenSearch 2/3 backends for Wagtail search.

These are Wagtail's own backends (``modelsearch.backends.elasticsearch8`` …) with three
changes: a Chinese analyzer on every full-text field, field boosts that rank titles
above keywords above body text, and queries normalised to Simplified Chinese in Python
before they are sent. Indexing, rebuilding (``manage.py update_index``), filters,
ordering, facets and autocomplete are Wagtail's.

Selecting a backend
-------------------
Use one of these modules as the ``BACKEND`` of a ``WAGTAILSEARCH_BACKENDS`` entry; each
exposes ``SearchBackend`` as Wagtail expects:

=====================================  ===================================================
``disclosure_search.backends.elasticsearch8``     Elasticsearch 8 (the ``elasticsearch`` 8 client)
``disclosure_search.backends.elasticsearch9``     Elasticsearch 9 (8.x client in 8-compatible mode, or 9.x)
``disclosure_search.backends.opensearch2``        OpenSearch 2 (needs the ``opensearch-py`` client)
``disclosure_search.backends.opensearch3``        OpenSearch 3 (needs the ``opensearch-py`` client)
=====================================  ===================================================

The class paths work too (``disclosure_search.backends.elasticsearch.Elasticsearch9SearchBackend``,
``disclosure_search.backends.opensearch.OpenSearch2SearchBackend``). Example::

    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "disclosure_search.backends.elasticsearch8",
            "URLS": ["https://user:password@es.example.gov.cn:9200"],
            "INDEX_PREFIX": "disclosure_",
            "ANALYZER": "cjk",   # optional, overrides DISCLOSURE_SEARCH_ANALYZER
        }
    }

Every other option (``URLS``, ``INDEX_PREFIX``, ``TIMEOUT``, ``OPTIONS``,
``INDEX_SETTINGS``, ``ATOMIC_REBUILD``) means what it means for Wagtail's backends;
``INDEX_SETTINGS`` is applied last, so it can still override the analysis below.

Choosing the analyzer
---------------------
The ``ANALYZER`` backend option, else the Django setting ``DISCLOSURE_SEARCH_ANALYZER``,
else ``"cjk"``. The index settings define two analyzers, ``disclosure_chinese`` (index
time) and ``disclosure_chinese_search`` (query time), and every full-text field uses
them; only their definition depends on the choice:

``"cjk"`` (default, no plugin)
    A custom analyzer built from Elasticsearch/OpenSearch built-ins: the ``standard``
    tokenizer, then ``cjk_width``, ``lowercase`` and ``cjk_bigram``. Chinese is indexed
    as overlapping character pairs (信息公开 → 信息, 息公, 公开). The built-in ``cjk``
    analyzer is not used because it also removes English stop words.
``"smartcn"``
    Analyzer type ``smartcn`` at index and query time. Needs the ``analysis-smartcn``
    plugin on every node (``bin/elasticsearch-plugin install analysis-smartcn``, or
    ``bin/opensearch-plugin install analysis-smartcn``).
``"ik"``
    ``ik_max_word`` (every dictionary word) at index time, ``ik_smart`` (the coarsest
    cut) at query time. Needs the IK plugin (``analysis-ik``, from infinilabs, in the
    exact version of the cluster) on every node.

Changing the analyzer changes the index settings, so the index must be rebuilt
(``manage.py update_index``); with ``ATOMIC_REBUILD`` (the default) a new index is
built beside the old one and the alias switched when it is ready.

No script-conversion plugin
---------------------------
Traditional/Simplified folding (and Taiwan vocabulary such as 資訊 → 信息) is done in
Python by :mod:`disclosure_pages.text`, never on the cluster, so STConvert or similar plugins
are not needed. Pages index their normalised, jieba-segmented text in the
``search_title`` and ``search_document`` fields; queries are rewritten before they are
sent: every plain-text, phrase or fuzzy query becomes the OR of its variants
(:func:`query_variants`): each Simplified form of
:func:`~disclosure_pages.text.normalise.query_forms`, cut into words by jieba the way the
database backend cuts it (:func:`~disclosure_pages.text.segment.query_token_sets`), plus —
for a query with Traditional characters — the cleaned query in its own script, which
matches raw fields of pages that have no normalised text. A Traditional query 資訊公開
thus searches ``资讯 公开`` OR ``信息公开`` OR ``資訊公開``.

Why the words are sent space-separated: ``cjk_bigram`` only pairs adjacent
characters, so the indexed words ``资讯 公开`` yield 资讯 and 公开 but not 讯公; an
unsegmented query 资讯公开 would also ask for 讯公 and, with ``operator="and"``, miss
the page. Phrase queries are the exception: they are sent unsegmented, since a phrase
is about contiguous text (raw fields), not about words.

Field boosts
------------
Wagtail copies each full-text field into ``_all_text`` and, if it has a boost, into
``_all_text_boost_<n>``; a search over all fields queries
``["_all_text", "_all_text_boost_5_0^5.0", "_all_text_boost_3_0^3.0", …]``. For page
models the boost of a field is taken from :data:`DEFAULT_FIELD_BOOSTS` (updated by the
Django setting ``DISCLOSURE_SEARCH_FIELD_BOOSTS``; a value of ``None`` falls back to
the model's own ``SearchField`` boost), else from the model:

* ``title`` and ``search_title`` (title, 文号 and 索引号 in normalised form): **5**
* ``keywords`` (主题词): **3**
* ``doc_number``: 3, the catalog model's own boost
* everything else (``body``, ``summary``, ``search_document`` …): **1** (``_all_text``)

Mapping and queries read the same table, so they always agree; changing it needs a
rebuild like changing the analyzer. Non-page models (images, documents) keep their
own boosts.

Matching
--------
Wagtail's default operator is ``or``: any token of a query form matches and the ranking
puts documents with more of them first. Pass ``operator="and"`` to ``search()`` to
require every token of one form (per form, the forms still being OR-ed) — the
behaviour of the database backend's :func:`~disclosure_pages.text.segment.query_token_sets`.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any, ClassVar, Final

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from modelsearch.backends.elasticsearchbase import Field
from modelsearch.index import SearchField, get_indexed_models
from modelsearch.utils import deep_update

from disclosure_pages.text.normalise import forms
from disclosure_pages.text.segment import query_token_sets

from .safe_query import SafeQueryMixin

__all__ = [
    "ANALYZERS",
    "DEFAULT_ANALYZER",
    "DEFAULT_FIELD_BOOSTS",
    "INDEX_ANALYZER",
    "REQUIRED_PLUGINS",
    "SEARCH_ANALYZER",
    "ChineseBackendMixin",
    "ChineseMappingMixin",
    "ChineseQueryCompilerMixin",
    "analysis_settings",
    "field_boost",
    "field_boosts",
    "query_variants",
    "resolve_analyzer",
]

#: Name of the analyzer every full-text field is indexed with.
INDEX_ANALYZER: Final = "disclosure_chinese"
#: Name of the analyzer queries on those fields are analysed with.
SEARCH_ANALYZER: Final = "disclosure_chinese_search"

DEFAULT_ANALYZER: Final = "cjk"

# The cjk_bigram chain: the same at index and query time, so that both sides cut alike.
_CJK_BIGRAM: dict[str, Any] = {
    "type": "custom",
    "tokenizer": "standard",
    "filter": ["cjk_width", "lowercase", "cjk_bigram"],
}

#: ``analysis.analyzer`` definitions per choice of ``DISCLOSURE_SEARCH_ANALYZER``.
ANALYZERS: Final[dict[str, dict[str, dict[str, Any]]]] = {
    "cjk": {INDEX_ANALYZER: _CJK_BIGRAM, SEARCH_ANALYZER: _CJK_BIGRAM},
    "smartcn": {INDEX_ANALYZER: {"type": "smartcn"}, SEARCH_ANALYZER: {"type": "smartcn"}},
    "ik": {INDEX_ANALYZER: {"type": "ik_max_word"}, SEARCH_ANALYZER: {"type": "ik_smart"}},
}

#: The cluster plugin each analyzer needs (none for ``cjk``); named in error messages and docs.
REQUIRED_PLUGINS: Final[dict[str, str | None]] = {"cjk": None, "smartcn": "analysis-smartcn", "ik": "analysis-ik"}

#: Boosts of page fields, by field name (see the module docstring). Title-like text ranks
#: above keywords, which rank above body text (no entry: boost 1 or the model's own).
DEFAULT_FIELD_BOOSTS: Final[dict[str, float]] = {
    "title": 5.0,
    "search_title": 5.0,
    "keywords": 3.0,
}

_ANALYZED: Final[dict[str, str]] = {"analyzer": INDEX_ANALYZER, "search_analyzer": SEARCH_ANALYZER}


def resolve_analyzer(option: str | None = None) -> str:
    """The analyzer choice: backend option, else ``DISCLOSURE_SEARCH_ANALYZER``, else ``cjk``.

    An unknown name is a configuration error at start-up rather than an index that
    silently analyses Chinese as single characters.
    """
    choice = option or getattr(settings, "DISCLOSURE_SEARCH_ANALYZER", None) or DEFAULT_ANALYZER
    name = str(choice).strip().lower()
    if name not in ANALYZERS:
        raise ImproperlyConfigured(
            f"Unknown search analyzer {choice!r}: DISCLOSURE_SEARCH_ANALYZER (or the backend's "
            f"ANALYZER option) must be one of {', '.join(sorted(ANALYZERS))}."
        )
    return name


def analysis_settings(analyzer: str) -> dict[str, Any]:
    """The ``settings.analysis`` additions for ``analyzer`` (a deep copy, safe to modify)."""
    return {"analyzer": copy.deepcopy(ANALYZERS[resolve_analyzer(analyzer)])}


def field_boosts() -> dict[str, float | None]:
    """:data:`DEFAULT_FIELD_BOOSTS` updated by ``DISCLOSURE_SEARCH_FIELD_BOOSTS``.

    Read on every call (it is a small dict) so that ``override_settings`` in tests and
    a changed setting after a restart are both seen by mapping and queries alike.
    """
    boosts: dict[str, float | None] = dict(DEFAULT_FIELD_BOOSTS)
    overrides = getattr(settings, "DISCLOSURE_SEARCH_FIELD_BOOSTS", None) or {}
    if not isinstance(overrides, Mapping):
        raise ImproperlyConfigured("DISCLOSURE_SEARCH_FIELD_BOOSTS must be a dict of field name → boost.")
    boosts.update(overrides)
    return boosts


def _is_page_model(model: type) -> bool:
    # Imported here: backend modules may be imported before the app registry is ready.
    from wagtail.models import Page

    return isinstance(model, type) and issubclass(model, Page)


def field_boost(model: type, field: SearchField) -> float | None:
    """The boost a search field of ``model`` gets in the mapping and in queries.

    Only page models use the table: an image's or document's title keeps the boost its
    own model gives it, since boosts only matter relative to the same index.
    """
    if _is_page_model(model):
        boosts = field_boosts()
        if field.field_name in boosts and boosts[field.field_name] is not None:
            return float(boosts[field.field_name])  # type: ignore[arg-type]
    return float(field.boost) if field.boost else None


def query_variants(query_string: str, *, segmented: bool = True) -> list[str]:
    """What a query string is replaced by, each variant to be OR-ed (see the module docstring).

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
                for key, value in _ANALYZED.items():
                    mapping.setdefault(key, value)
        return name, mapping

    def get_mapping(self) -> dict[str, Any]:
        mapping: dict[str, Any] = super().get_mapping()  # type: ignore[misc]
        # The catch-all fields are what an all-fields query searches; they need the
        # same analysis as the fields copied into them.
        for name, properties in mapping["properties"].items():
            if name == "_all_text" or name.startswith("_all_text_boost_"):
                properties.update(_ANALYZED)
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
    """Backend: index settings with the chosen Chinese analyzer (see the module docstring).

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
    """Wagtail's mapping, compilers and backend from ``module`` with the Chinese mixins.

    ``prefix`` is Wagtail's class-name prefix (``Elasticsearch8``, ``OpenSearch2`` …); the
    classes keep Wagtail's names so that settings and tests can name them.
    """
    def build(name: str, mixin: type, attrs: dict[str, Any]) -> type:
        base = getattr(module, f"{prefix}{name}")
        attrs = {"__module__": home, "__doc__": f"{base.__doc__ or ''} With Chinese analysis.", **attrs}
        return type(f"{prefix}{name}", (mixin, base), attrs)

    mapping = build("Mapping", ChineseMappingMixin, {})
    search = build("SearchQueryCompiler", ChineseQueryCompilerMixin, {"mapping_class": mapping})
    autocomplete = build("AutocompleteQueryCompiler", ChineseQueryCompilerMixin, {"mapping_class": mapping})
    backend = build(
        "SearchBackend",
        ChineseBackendMixin,
        {"mapping_class": mapping, "query_compiler_class": search, "autocomplete_query_compiler_class": autocomplete},
    )
    return mapping, search, autocomplete, backend
