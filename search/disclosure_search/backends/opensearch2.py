"""``WAGTAILSEARCH_BACKENDS`` path for the Chinese-aware OpenSearch 2 backend (needs opensearch-py).

``"BACKEND": "disclosure_search.backends.opensearch2"``; options in ``docs/search.md``.
"""

from disclosure_search.backends.opensearch import OpenSearch2SearchBackend

SearchBackend = OpenSearch2SearchBackend

__all__ = ["SearchBackend"]
