"""Database triggers bumping the content generation whenever a watched table changes.

Installed after every ``migrate`` (Django's SQLite schema editor rebuilds a table to alter
it, which drops its triggers; and a host's page types come and go), for the tables
:mod:`.watched` lists. PostgreSQL bumps once per statement; SQLite, which has no statement
triggers, once per row. The base page table bumps only for a live page's public columns,
so that editors saving drafts do not empty the cache.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from django.db import connections

from ..pagebase import BasePage
from .watched import PAGE_COLUMNS, watched_tables

GENERATION_TABLE = "disclosure_pages_public_cache_generation"
#: A new random token with each change (see ContentGeneration).
BUMP = {
    "sqlite": f"UPDATE {GENERATION_TABLE} SET value = value + 1, token = lower(hex(randomblob(16))) WHERE id = 1",
    "postgresql": (
        f"UPDATE {GENERATION_TABLE} SET value = value + 1, "
        "token = md5(random()::text || clock_timestamp()::text || txid_current()::text) WHERE id = 1"
    ),
}
FUNCTION = "disclosure_bump_generation"
PREFIX = "disclosure_generation"


@dataclass(frozen=True)
class Spec:
    """How a table's changes count: every one, or an UPDATE only where one of ``columns`` changed
    (and, for Wagtail's page table, only while the page is or was live)."""

    columns: list[str] = field(default_factory=list)
    page: bool = False


def _any_differs(columns: list[str], differ: str) -> str:
    return " OR ".join(f'OLD."{c}" {differ} NEW."{c}"' for c in columns)


def _page_conditions(columns: list[str], differ: str) -> dict[str, str]:
    changed = _any_differs(columns, differ)
    return {"INSERT": "NEW.live", "DELETE": "OLD.live", "UPDATE": f"(OLD.live {differ} NEW.live) OR (NEW.live AND ({changed}))"}


def _conditions(spec: Spec, differ: str) -> dict[str, str]:
    """WHEN conditions by operation; none where every change counts."""
    if spec.page:
        return _page_conditions(spec.columns, differ)
    return {"UPDATE": _any_differs(spec.columns, differ)} if spec.columns else {}


def _sqlite_name(table: str, operation: str) -> str:
    digest = hashlib.sha1(table.encode()).hexdigest()[:8]  # names are global in SQLite
    return f"{PREFIX}_{operation.lower()}_{digest}"


def _sqlite(cursor: Any, table: str, spec: Spec) -> None:
    conditions = _conditions(spec, "IS NOT")
    for operation in ("INSERT", "UPDATE", "DELETE"):
        name = _sqlite_name(table, operation)
        when = f" WHEN {conditions[operation]}" if operation in conditions else ""
        cursor.execute(f'DROP TRIGGER IF EXISTS "{name}"')
        cursor.execute(f'CREATE TRIGGER "{name}" AFTER {operation} ON "{table}" FOR EACH ROW{when} BEGIN {BUMP["sqlite"]}; END')


def _postgres(cursor: Any, table: str, spec: Spec) -> None:
    execute = f"EXECUTE FUNCTION {FUNCTION}()"
    conditions = _conditions(spec, "IS DISTINCT FROM")
    for operation in ("INSERT", "UPDATE", "DELETE"):
        cursor.execute(f'DROP TRIGGER IF EXISTS {PREFIX}_{operation.lower()} ON "{table}"')
    cursor.execute(f'DROP TRIGGER IF EXISTS {PREFIX} ON "{table}"')
    if not conditions:  # once per statement: a bulk import bumps once per batch, not per row
        cursor.execute(
            f'CREATE TRIGGER {PREFIX} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "{table}" '
            f"FOR EACH STATEMENT {execute}"
        )
        return
    for operation in ("INSERT", "UPDATE", "DELETE"):
        when = f" WHEN ({conditions[operation]})" if operation in conditions else ""
        cursor.execute(
            f'CREATE TRIGGER {PREFIX}_{operation.lower()} AFTER {operation} ON "{table}" FOR EACH ROW{when} {execute}'
        )
    cursor.execute(
        f'CREATE TRIGGER {PREFIX} AFTER TRUNCATE ON "{table}" FOR EACH STATEMENT {execute}'
    )


INSTALLERS = {"sqlite": _sqlite, "postgresql": _postgres}


def install(using: str = "default") -> int:
    """(Re)create the triggers on every watched table of ``using``; returns how many tables."""
    connection = connections[using]
    installer = INSTALLERS.get(connection.vendor)
    if installer is None:
        return 0
    with connection.cursor() as cursor:
        existing = set(connection.introspection.table_names(cursor))
        if GENERATION_TABLE not in existing:
            return 0
        if connection.vendor == "postgresql":
            cursor.execute(
                f"CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$ "
                f"BEGIN {BUMP['postgresql']}; RETURN NULL; END $$"
            )
        page_table = BasePage._meta.db_table
        installer(cursor, page_table, Spec([c for c in PAGE_COLUMNS if c in _columns(connection, cursor, page_table)], page=True))
        tables = {t: ignored for t, ignored in watched_tables().items() if t in existing}
        for table, ignored in tables.items():
            columns = [c for c in _columns(connection, cursor, table) if c not in ignored] if ignored else []
            installer(cursor, table, Spec(columns))
    return len(tables) + 1


def _columns(connection: Any, cursor: Any, table: str) -> list[str]:
    return [column.name for column in connection.introspection.get_table_description(cursor, table)]


def install_after_migrate(using: str = "default", **kwargs: Any) -> None:
    """``post_migrate`` receiver."""
    install(using)
