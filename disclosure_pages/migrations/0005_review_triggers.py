"""Database triggers behind the confidentiality invariant.

1. A disclosure page row cannot become live (UPDATE of ``live`` or an INSERT with
   ``live``) unless an approved 主动公开 review exists for it (or for the page it is an
   alias of). This catches writes that never reach Python: ``QuerySet.update()``, data
   migrations with historical models, raw SQL. The exact-content check stays in Python
   (disclosure_pages/moderation/guard.py), which runs first on every ordinary save.
2. Review records cannot be updated; on PostgreSQL they cannot be deleted either
   (SQLite's test flush deletes rows one by one, so there the model layer refuses deletes).
"""

from django.db import migrations

from disclosure_pages.pagebase import BasePage

REVIEW = "disclosure_pages_confidentialityreview"
MESSAGE = "disclosure page cannot go live without an approved confidentiality review"
IMMUTABLE = "confidentiality review records are never changed or deleted"


def page_table() -> str:
    return BasePage._meta.db_table


def sqlite_sql(page: str) -> list[str]:
    is_disclosure = (
        "EXISTS (SELECT 1 FROM django_content_type ct WHERE ct.id = NEW.content_type_id "
        "AND ct.app_label = 'disclosure_pages')"
    )
    approved = (
        f"EXISTS (SELECT 1 FROM {REVIEW} r WHERE r.page_id = COALESCE(NEW.alias_of_id, NEW.id) "
        "AND r.outcome = 'approved' AND r.decision = 'proactive')"
    )
    return [
        f"CREATE TRIGGER disclosure_live_requires_review_update BEFORE UPDATE OF live ON {page} "
        f"FOR EACH ROW WHEN NEW.live AND NOT OLD.live AND {is_disclosure} AND NOT {approved} "
        f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
        f"CREATE TRIGGER disclosure_live_requires_review_insert BEFORE INSERT ON {page} "
        f"FOR EACH ROW WHEN NEW.live AND {is_disclosure} AND NOT {approved} "
        f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
        f"CREATE TRIGGER disclosure_review_immutable BEFORE UPDATE ON {REVIEW} "
        f"BEGIN SELECT RAISE(ABORT, '{IMMUTABLE}'); END",
    ]


def postgres_sql(page: str) -> list[str]:
    return [
        f"""
        CREATE OR REPLACE FUNCTION disclosure_live_requires_review() RETURNS trigger AS $$
        BEGIN
          IF NEW.live AND (TG_OP = 'INSERT' OR NOT OLD.live)
             AND EXISTS (SELECT 1 FROM django_content_type ct
                         WHERE ct.id = NEW.content_type_id AND ct.app_label = 'disclosure_pages')
             AND NOT EXISTS (SELECT 1 FROM {REVIEW} r
                             WHERE r.page_id = COALESCE(NEW.alias_of_id, NEW.id)
                               AND r.outcome = 'approved' AND r.decision = 'proactive') THEN
            RAISE EXCEPTION '{MESSAGE} (page %)', NEW.id USING ERRCODE = 'check_violation';
          END IF;
          RETURN NEW;
        END $$ LANGUAGE plpgsql
        """,
        f"CREATE TRIGGER disclosure_live_requires_review BEFORE INSERT OR UPDATE OF live ON {page} "
        "FOR EACH ROW EXECUTE FUNCTION disclosure_live_requires_review()",
        f"""
        CREATE OR REPLACE FUNCTION disclosure_review_immutable() RETURNS trigger AS $$
        BEGIN
          RAISE EXCEPTION '{IMMUTABLE}' USING ERRCODE = 'integrity_constraint_violation';
        END $$ LANGUAGE plpgsql
        """,
        f"CREATE TRIGGER disclosure_review_immutable BEFORE UPDATE OR DELETE ON {REVIEW} "
        "FOR EACH ROW EXECUTE FUNCTION disclosure_review_immutable()",
    ]


def drop_sql(vendor: str, page: str) -> list[str]:
    if vendor == "postgresql":
        return [
            f"DROP TRIGGER IF EXISTS disclosure_live_requires_review ON {page}",
            "DROP FUNCTION IF EXISTS disclosure_live_requires_review()",
            f"DROP TRIGGER IF EXISTS disclosure_review_immutable ON {REVIEW}",
            "DROP FUNCTION IF EXISTS disclosure_review_immutable()",
        ]
    return [
        "DROP TRIGGER IF EXISTS disclosure_live_requires_review_update",
        "DROP TRIGGER IF EXISTS disclosure_live_requires_review_insert",
        "DROP TRIGGER IF EXISTS disclosure_review_immutable",
    ]


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": sqlite_sql, "postgresql": postgres_sql}.get(vendor)
    if statements is None:
        return  # other databases: the model-layer guard alone
    # A cursor without parameters: the SQL holds PL/pgSQL's own % placeholders.
    with schema_editor.connection.cursor() as cursor:
        for sql in statements(page_table()):
            cursor.execute(sql)


def drop(apps, schema_editor):
    for sql in drop_sql(schema_editor.connection.vendor, page_table()):
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("disclosure_pages", "0004_confidentiality_review")]

    operations = [migrations.RunPython(create, drop)]
