"""``flush`` for test databases: lifts the confidentiality triggers while emptying the tables.

Transactional tests (the browser tests' live server) end with a flush, which deletes
review records and live pages wholesale; the triggers of migration 0007 rightly refuse
that anywhere else. They are installed again, from the migration itself, right after.

A flush at the end of a ``serialized_rollback`` test also puts back what the migrations
wrote (the default site, groups, workflows, content types), as Django does only when
the *next* such test starts. Tests that run after it in the same process, which is
any test when the suite runs in parallel workers, then find the database as migrated.
"""

from __future__ import annotations

import importlib

from django.apps import apps
from django.core.management.commands.flush import Command as FlushCommand
from django.db import connections

triggers = importlib.import_module("disclosure_pages.migrations.0007_publication_passes")


class Command(FlushCommand):
    def handle(self, **options):
        connection = connections[options["database"]]
        triggers.uninstall(connection, apps)
        try:
            result = super().handle(**options)
        finally:
            triggers.install(connection, apps)
        migrated = getattr(connection, "_test_serialized_contents", None)
        if options.get("inhibit_post_migrate") and migrated:
            connection.creation.deserialize_db_from_string(migrated)
        return result
