"""Inserting many rows of one model in one statement, without Django's UNNEST form.

Django 5.2's ``bulk_create`` on PostgreSQL sends each column as one array parameter
(``INSERT … SELECT * FROM UNNEST(%s::jsonb[], …)``), and psycopg escapes each text of an
array in Python, a regular-expression substitution per quotation mark: for the JSON
content of an import's revisions that was a fifth of the import's time. Here each value
is its own parameter, quoted by the driver's C code, as Django does on other databases.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import connection

# SQLite allows 32,766 parameters in one statement, PostgreSQL 65,535.
MAX_PARAMETERS = 30_000


def insert_rows(objs: Sequence[Any], fields: Sequence[Any], *, returning: str | None = None) -> list[Any]:
    """Insert one row of ``fields`` per object of ``objs`` (one model), a statement per
    :data:`MAX_PARAMETERS`; returns the ``returning`` column of each row, in order, when asked."""
    if not objs:
        return []
    ops = connection.ops
    table = ops.quote_name(type(objs[0])._meta.db_table)
    columns = ", ".join(ops.quote_name(field.column) for field in fields)
    row = "(" + ", ".join(["%s"] * len(fields)) + ")"
    tail = f" RETURNING {ops.quote_name(returning)}" if returning else ""
    returned: list[Any] = []
    per_statement = max(1, MAX_PARAMETERS // len(fields))
    for start in range(0, len(objs), per_statement):
        chunk = objs[start : start + per_statement]
        params = [field.get_db_prep_save(field.pre_save(obj, True), connection) for obj in chunk for field in fields]
        sql = f"INSERT INTO {table} ({columns}) VALUES {', '.join([row] * len(chunk))}{tail}"  # noqa: S608 (names from the model)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            if returning:
                returned += [value for (value,) in cursor.fetchall()]
    return returned


def insert_returning_ids(objs: Sequence[Any]) -> None:
    """Insert ``objs`` (unsaved instances of one model, without pks) and set their pks."""
    if not objs:
        return
    meta = type(objs[0])._meta
    fields = [field for field in meta.concrete_fields if not field.primary_key]
    ids = insert_rows(objs, fields, returning=meta.pk.column)
    for obj, pk in zip(objs, ids, strict=True):
        obj.pk = pk
        obj._state.adding = False
        obj._state.db = connection.alias
