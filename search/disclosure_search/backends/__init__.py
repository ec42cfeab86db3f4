"""Wagtail search backends that read Chinese: give one of these modules as ``BACKEND``.

``database`` (the default: SQLite FTS5 with the embedded engine, or PostgreSQL/MySQL),
``elasticsearch8``/``elasticsearch9`` and ``opensearch2``/``opensearch3``. Options, analyzers
and boosts are described in ``docs/search.md``.
"""
