"""``WAGTAILSEARCH_BACKENDS`` path for the Chinese-aware OpenSearch 3 backend (needs opensearch-py).

``"BACKEND": "disclosure_search.backends.opensearch3"``; options in ``docs/search.md``.
"""

from disclosure_search.backends.opensearch import OpenSearch3SearchBackend

SearchBackend = OpenSearch3SearchBackend

__all__ = ["SearchBackend"]
