"""``WAGTAILSEARCH_BACKENDS`` path for the Chinese-aware Elasticsearch 9 backend.

``"BACKEND": "disclosure_search.backends.elasticsearch9"``; options in ``docs/search.md``.
"""

from disclosure_search.backends.elasticsearch import Elasticsearch9SearchBackend

SearchBackend = Elasticsearch9SearchBackend

__all__ = ["SearchBackend"]
