"""``WAGTAILSEARCH_BACKENDS`` path for the Chinese-aware Elasticsearch 8 backend.

``"BACKEND": "disclosure_search.backends.elasticsearch8"``; options in ``docs/search.md``.
"""

from disclosure_search.backends.elasticsearch import Elasticsearch8SearchBackend

SearchBackend = Elasticsearch8SearchBackend

__all__ = ["SearchBackend"]
