"""Chinese-aware OpenSearch 2 and 3 backends (see :mod:`search.backends` for the settings).

Wagtail's own OpenSearch backends with the mixins of :mod:`search.backends` in front,
exactly as :mod:`search.backends.elasticsearch` does for Elasticsearch. They need the
``opensearch-py`` client (``pip install opensearch-py``), which this project does not
install by default: importing this module without it raises ``ImportError``, which
Wagtail reports as an unknown backend. ``SearchBackend`` is the OpenSearch 2 backend;
``search.backends.opensearch2`` and ``search.backends.opensearch3`` are the module
paths for ``WAGTAILSEARCH_BACKENDS``. On OpenSearch the smartcn plugin is installed
with ``bin/opensearch-plugin install analysis-smartcn``; IK needs an OpenSearch build
of ``analysis-ik``.
"""

from __future__ import annotations

from modelsearch.backends import opensearch2 as os2
from modelsearch.backends import opensearch3 as os3

from search.backends import ChineseBackendMixin, ChineseMappingMixin, ChineseQueryCompilerMixin

__all__ = [
    "OpenSearch2AutocompleteQueryCompiler",
    "OpenSearch2Mapping",
    "OpenSearch2SearchBackend",
    "OpenSearch2SearchQueryCompiler",
    "OpenSearch3AutocompleteQueryCompiler",
    "OpenSearch3Mapping",
    "OpenSearch3SearchBackend",
    "OpenSearch3SearchQueryCompiler",
    "SearchBackend",
]


class OpenSearch2Mapping(ChineseMappingMixin, os2.OpenSearch2Mapping):
    """Wagtail's OpenSearch 2 mapping with Chinese analyzers and page field boosts."""


class OpenSearch2SearchQueryCompiler(ChineseQueryCompilerMixin, os2.OpenSearch2SearchQueryCompiler):
    """Wagtail's OpenSearch 2 query compiler with normalised query forms and page field boosts."""

    mapping_class = OpenSearch2Mapping


class OpenSearch2AutocompleteQueryCompiler(ChineseQueryCompilerMixin, os2.OpenSearch2AutocompleteQueryCompiler):
    """Wagtail's OpenSearch 2 autocomplete compiler; the query is normalised like a search."""

    mapping_class = OpenSearch2Mapping


class OpenSearch2SearchBackend(ChineseBackendMixin, os2.OpenSearch2SearchBackend):
    """Wagtail's OpenSearch 2 backend with a Chinese analyzer (``ANALYZER`` option)."""

    mapping_class = OpenSearch2Mapping
    query_compiler_class = OpenSearch2SearchQueryCompiler
    autocomplete_query_compiler_class = OpenSearch2AutocompleteQueryCompiler


class OpenSearch3Mapping(ChineseMappingMixin, os3.OpenSearch3Mapping):
    """Wagtail's OpenSearch 3 mapping with Chinese analyzers and page field boosts."""


class OpenSearch3SearchQueryCompiler(ChineseQueryCompilerMixin, os3.OpenSearch3SearchQueryCompiler):
    """Wagtail's OpenSearch 3 query compiler with normalised query forms and page field boosts."""

    mapping_class = OpenSearch3Mapping


class OpenSearch3AutocompleteQueryCompiler(ChineseQueryCompilerMixin, os3.OpenSearch3AutocompleteQueryCompiler):
    """Wagtail's OpenSearch 3 autocomplete compiler; the query is normalised like a search."""

    mapping_class = OpenSearch3Mapping


class OpenSearch3SearchBackend(ChineseBackendMixin, os3.OpenSearch3SearchBackend):
    """Wagtail's OpenSearch 3 backend with a Chinese analyzer (``ANALYZER`` option)."""

    mapping_class = OpenSearch3Mapping
    query_compiler_class = OpenSearch3SearchQueryCompiler
    autocomplete_query_compiler_class = OpenSearch3AutocompleteQueryCompiler


SearchBackend = OpenSearch2SearchBackend
