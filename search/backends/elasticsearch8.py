"""``WAGTAILSEARCH_BACKENDS`` path for the Chinese-aware Elasticsearch 8 backend.

``"BACKEND": "search.backends.elasticsearch8"``; see :mod:`search.backends` for the options.
"""

from search.backends.elasticsearch import Elasticsearch8SearchBackend

SearchBackend = Elasticsearch8SearchBackend

__all__ = ["SearchBackend"]
