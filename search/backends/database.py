"""``WAGTAILSEARCH_BACKENDS`` path for the database backend with the embedded engine.

``"BACKEND": "search.backends.database"`` behaves like ``wagtail.search.backends.database``
(PostgreSQL, MySQL or SQLite full-text search, chosen by the default database) except
that on SQLite it is :class:`search.backends.sqlite.DisclosureSQLiteSearchBackend`, which
indexes faster and keeps the index the public search ranks from (:mod:`search.engine`).
"""

from __future__ import annotations

from typing import Any

from django.db import connection
from modelsearch.backends import database


def SearchBackend(params: dict[str, Any]) -> Any:  # noqa: N802 (Wagtail's name for the factory)
    if connection.vendor == "sqlite":
        backend = database.SearchBackend(params)
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        if type(backend) is SQLiteSearchBackend:  # FTS5 available: ours, same options
            from .sqlite import DisclosureSQLiteSearchBackend

            return DisclosureSQLiteSearchBackend(params)
        return backend
    return database.SearchBackend(params)


__all__ = ["SearchBackend"]
