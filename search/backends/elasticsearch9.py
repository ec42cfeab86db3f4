"""``WAGTAILSEARCH_BACKENDS`` path for the Chinese-aware Elasticsearch 9 backend.

``"BACKEND": "search.backends.elasticsearch9"``; see :mod:`search.backends` for the options.
"""

from search.backends.elasticsearch import Elasticsearch9SearchBackend

SearchBackend = Elasticsearch9SearchBackend

__all__ = ["SearchBackend"]
