"""``WAGTAILSEARCH_BACKENDS`` path for the database backend with the embedded engine.

``"BACKEND": "disclosure_search.backends.database"`` behaves like ``wagtail.search.backends.database``
(PostgreSQL, MySQL or SQLite full-text search, chosen by the default database) except
that on SQLite and PostgreSQL it is :class:`~disclosure_search.backends.sqlite.DisclosureSQLiteSearchBackend`
or :class:`~disclosure_search.backends.postgres.DisclosurePostgresSearchBackend`, which index
faster and keep the index the public search ranks from (:mod:`disclosure_search.engine`).
On every database the query text is cleaned first (:mod:`disclosure_search.backends.safe_query`):
PostgreSQL refuses NUL, which a visitor can type into any search box.
"""

from __future__ import annotations

from typing import Any

from django.db import connection
from modelsearch.backends import database

from .safe_query import with_safe_queries


def SearchBackend(params: dict[str, Any]) -> Any:  # noqa: N802 (Wagtail's name for the factory)
    if connection.vendor == "sqlite":
        backend = database.SearchBackend(params)
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        if type(backend) is SQLiteSearchBackend:  # FTS5 available: ours, same options
            from .sqlite import DisclosureSQLiteSearchBackend

            return DisclosureSQLiteSearchBackend(params)
        return with_safe_queries(type(backend))(params)
    if connection.vendor == "postgresql":
        from .postgres import DisclosurePostgresSearchBackend

        return DisclosurePostgresSearchBackend(params)
    return with_safe_queries(type(database.SearchBackend(params)))(params)


__all__ = ["SearchBackend"]
