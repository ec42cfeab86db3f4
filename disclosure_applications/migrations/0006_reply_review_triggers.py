"""Reply review records cannot be changed by any path that bypasses the model (raw SQL,
``QuerySet.update`` on a historical model), like the pages' review records.

UPDATE is refused on SQLite and PostgreSQL; DELETE on PostgreSQL (SQLite's test flush
deletes rows one by one, so there the model layer alone refuses deletes). Self-contained:
the table name and SQL are written here.
"""

from django.db import migrations

TABLE = "disclosure_applications_replyreview"
MESSAGE = "reply review records are never changed or deleted"


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        statements = [
            f"CREATE TRIGGER disclosure_reply_review_immutable BEFORE UPDATE ON {TABLE} "
            f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
        ]
    elif vendor == "postgresql":
        statements = [
            f"""
            CREATE OR REPLACE FUNCTION disclosure_reply_review_immutable() RETURNS trigger AS $$
            BEGIN
              RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
            END $$ LANGUAGE plpgsql
            """,
            f"CREATE TRIGGER disclosure_reply_review_immutable BEFORE UPDATE OR DELETE ON {TABLE} "
            "FOR EACH ROW EXECUTE FUNCTION disclosure_reply_review_immutable()",
        ]
    else:
        return  # other databases: the model layer alone
    with schema_editor.connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP TRIGGER IF EXISTS disclosure_reply_review_immutable ON {TABLE}")
        schema_editor.execute("DROP FUNCTION IF EXISTS disclosure_reply_review_immutable()")
    else:
        schema_editor.execute("DROP TRIGGER IF EXISTS disclosure_reply_review_immutable")


class Migration(migrations.Migration):
    dependencies = [("disclosure_applications", "0005_step_details")]

    operations = [migrations.RunPython(create, drop)]
