"""``WAGTAILSEARCH_BACKENDS`` path for the Chinese-aware OpenSearch 2 backend (needs opensearch-py).

``"BACKEND": "search.backends.opensearch2"``; see :mod:`search.backends` for the options.
"""

from search.backends.opensearch import OpenSearch2SearchBackend

SearchBackend = OpenSearch2SearchBackend

__all__ = ["SearchBackend"]
