"""``flush`` for test databases: lifts the confidentiality triggers while emptying the tables.

Transactional tests (the browser tests' live server) end with a flush, which deletes
review records and live pages wholesale; the triggers of migration 0007 rightly refuse
that anywhere else. They are installed again, from the migration itself, right after.
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
            return super().handle(**options)
        finally:
            triggers.install(connection, apps)
