"""Chinese-aware Elasticsearch 8 and 9 backends (see :mod:`search.backends` for the settings).

Each class is Wagtail's own (``modelsearch.backends.elasticsearch8`` / ``…9``) with the
mixins of :mod:`search.backends` in front: the index, results and rebuild classes are
Wagtail's unchanged, the mapping and query compilers are extended. ``SearchBackend`` is
the Elasticsearch 8 backend; ``search.backends.elasticsearch8`` and
``search.backends.elasticsearch9`` are the module paths for ``WAGTAILSEARCH_BACKENDS``.
"""

from __future__ import annotations

from modelsearch.backends import elasticsearch8 as es8
from modelsearch.backends import elasticsearch9 as es9

from search.backends import ChineseBackendMixin, ChineseMappingMixin, ChineseQueryCompilerMixin

__all__ = [
    "Elasticsearch8AutocompleteQueryCompiler",
    "Elasticsearch8Mapping",
    "Elasticsearch8SearchBackend",
    "Elasticsearch8SearchQueryCompiler",
    "Elasticsearch9AutocompleteQueryCompiler",
    "Elasticsearch9Mapping",
    "Elasticsearch9SearchBackend",
    "Elasticsearch9SearchQueryCompiler",
    "SearchBackend",
]


class Elasticsearch8Mapping(ChineseMappingMixin, es8.Elasticsearch8Mapping):
    """Wagtail's ES 8 mapping with Chinese analyzers and page field boosts."""


class Elasticsearch8SearchQueryCompiler(ChineseQueryCompilerMixin, es8.Elasticsearch8SearchQueryCompiler):
    """Wagtail's ES 8 query compiler with normalised query forms and page field boosts."""

    mapping_class = Elasticsearch8Mapping


class Elasticsearch8AutocompleteQueryCompiler(ChineseQueryCompilerMixin, es8.Elasticsearch8AutocompleteQueryCompiler):
    """Wagtail's ES 8 autocomplete compiler; the query is normalised like a search."""

    mapping_class = Elasticsearch8Mapping


class Elasticsearch8SearchBackend(ChineseBackendMixin, es8.Elasticsearch8SearchBackend):
    """Wagtail's Elasticsearch 8 backend with a Chinese analyzer (``ANALYZER`` option)."""

    mapping_class = Elasticsearch8Mapping
    query_compiler_class = Elasticsearch8SearchQueryCompiler
    autocomplete_query_compiler_class = Elasticsearch8AutocompleteQueryCompiler


class Elasticsearch9Mapping(ChineseMappingMixin, es9.Elasticsearch9Mapping):
    """Wagtail's ES 9 mapping with Chinese analyzers and page field boosts."""


class Elasticsearch9SearchQueryCompiler(ChineseQueryCompilerMixin, es9.Elasticsearch9SearchQueryCompiler):
    """Wagtail's ES 9 query compiler with normalised query forms and page field boosts."""

    mapping_class = Elasticsearch9Mapping


class Elasticsearch9AutocompleteQueryCompiler(ChineseQueryCompilerMixin, es9.Elasticsearch9AutocompleteQueryCompiler):
    """Wagtail's ES 9 autocomplete compiler; the query is normalised like a search."""

    mapping_class = Elasticsearch9Mapping


class Elasticsearch9SearchBackend(ChineseBackendMixin, es9.Elasticsearch9SearchBackend):
    """Wagtail's Elasticsearch 9 backend with a Chinese analyzer (``ANALYZER`` option)."""

    mapping_class = Elasticsearch9Mapping
    query_compiler_class = Elasticsearch9SearchQueryCompiler
    autocomplete_query_compiler_class = Elasticsearch9AutocompleteQueryCompiler


SearchBackend = Elasticsearch8SearchBackend
