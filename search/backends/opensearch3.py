"""``WAGTAILSEARCH_BACKENDS`` path for the Chinese-aware OpenSearch 3 backend (needs opensearch-py).

``"BACKEND": "search.backends.opensearch3"``; see :mod:`search.backends` for the options.
"""

from search.backends.opensearch import OpenSearch3SearchBackend

SearchBackend = OpenSearch3SearchBackend

__all__ = ["SearchBackend"]
