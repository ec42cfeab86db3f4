"""Chinese-aware OpenSearch 2 and 3 backends (settings in ``docs/search.md``).

Wagtail's own OpenSearch backends with the mixins of
:mod:`~disclosure_search.backends.elasticsearch_mixins` in front, exactly as
:mod:`disclosure_search.backends.elasticsearch` does for Elasticsearch. They need the
``opensearch-py`` client (pinned in requirements.txt). ``SearchBackend`` is the OpenSearch 2
backend; ``disclosure_search.backends.opensearch2`` and ``disclosure_search.backends.opensearch3``
are the module paths for ``WAGTAILSEARCH_BACKENDS``.
"""

from __future__ import annotations

from modelsearch.backends import opensearch2 as os2
from modelsearch.backends import opensearch3 as os3

from .elasticsearch_mixins import chinese_backend_classes

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

(
    OpenSearch2Mapping,
    OpenSearch2SearchQueryCompiler,
    OpenSearch2AutocompleteQueryCompiler,
    OpenSearch2SearchBackend,
) = chinese_backend_classes(os2, "OpenSearch2", __name__)
(
    OpenSearch3Mapping,
    OpenSearch3SearchQueryCompiler,
    OpenSearch3AutocompleteQueryCompiler,
    OpenSearch3SearchBackend,
) = chinese_backend_classes(os3, "OpenSearch3", __name__)

SearchBackend = OpenSearch2SearchBackend
