"""Chinese-aware Elasticsearch 8 and 9 backends (settings in ``docs/search.md``).

Each class is Wagtail's own (``modelsearch.backends.elasticsearch8`` / ``…9``) with the
mixins of :mod:`~disclosure_search.backends.elasticsearch_mixins` in front: the index,
results and rebuild classes are Wagtail's unchanged, the mapping and query compilers are
extended. ``SearchBackend`` is the Elasticsearch 8 backend;
``disclosure_search.backends.elasticsearch8`` and ``disclosure_search.backends.elasticsearch9``
are the module paths for ``WAGTAILSEARCH_BACKENDS``.
"""

from __future__ import annotations

from modelsearch.backends import elasticsearch8 as es8
from modelsearch.backends import elasticsearch9 as es9

from .elasticsearch_mixins import chinese_backend_classes

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

(
    Elasticsearch8Mapping,
    Elasticsearch8SearchQueryCompiler,
    Elasticsearch8AutocompleteQueryCompiler,
    Elasticsearch8SearchBackend,
) = chinese_backend_classes(es8, "Elasticsearch8", __name__)
(
    Elasticsearch9Mapping,
    Elasticsearch9SearchQueryCompiler,
    Elasticsearch9AutocompleteQueryCompiler,
    Elasticsearch9SearchBackend,
) = chinese_backend_classes(es9, "Elasticsearch9", __name__)

SearchBackend = Elasticsearch8SearchBackend
