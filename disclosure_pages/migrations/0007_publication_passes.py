"""Database triggers that hold a live disclosure page's content to its reviewed publication.

The guard checks a page's exact content in Python (disclosure_pages/moderation/guard.py)
and, while it lets one page's save through, holds a row in the publication-pass table
(moderation/passes.py) inside that transaction. These triggers refuse, without a pass:

1. a disclosure page row becoming live (INSERT or UPDATE), and with a pass only when the
   pass names the row's live revision and an approved 主动公开 review of that page (or
   of the page an alias mirrors) — so an old approval, ``alias_of`` or ``QuerySet.update``
   cannot put unreviewed content live;
2. any change to the content columns of a live disclosure page row (everything but tree
   position, locks, scheduling and revision bookkeeping), of its specific row, and of its
   child rows and many-to-many rows (INSERT, UPDATE, DELETE);
3. deleting or truncating confidentiality review records (updates were already refused
   by migration 0005).

The tables and columns are read from the historical models and the database itself when
the migration runs. ``install``/``uninstall`` are also what the test suite's flush command
uses, since flushing a test database deletes review records and live pages by design.
"""

from __future__ import annotations

from django.db import migrations, models
from modelcluster.fields import ParentalKey

PASS = "disclosure_pages_publicationpass"
REVIEW = "disclosure_pages_confidentialityreview"
APP = "disclosure_pages"
REFUSED = "unreviewed content of a live disclosure page cannot be written without a reviewed publication"
IMMUTABLE = "confidentiality review records are never changed or deleted"
# Columns of the base page row that say where, when or by whom, not what citizens read.
BOOKKEEPING = (
    "id", "path", "depth", "numchild", "url_path", "slug", "live", "has_unpublished_changes",
    "first_published_at", "last_published_at", "live_revision_id", "latest_revision_id",
    "latest_revision_created_at", "draft_title", "owner_id", "locked", "locked_at", "locked_by_id",
    "expired", "go_live_at", "expire_at", "show_in_menus", "translation_key", "locale_id",
)


def disclosure_tables(apps) -> tuple[str, list[str], list[tuple[str, str]]]:
    """(base page table, specific page tables, [(child table, column naming its page)])."""
    import swapper

    base = apps.get_model(*swapper.get_model_name("wagtailcore", "Page").split("."))
    page_models = [m for m in apps.get_app_config(APP).get_models() if "page_ptr" in {f.name for f in m._meta.fields}]
    specific = [m._meta.db_table for m in page_models]
    children = []
    for model in apps.get_app_config(APP).get_models(include_auto_created=True):
        if model in page_models:
            continue
        for field in model._meta.local_fields:
            # A child row belongs to its page through a ParentalKey; a many-to-many row
            # through its auto-created table. Other keys to pages (a link's target) do not.
            owned = isinstance(field, ParentalKey) or (model._meta.auto_created and isinstance(field, models.ForeignKey))
            if owned and field.related_model in page_models:
                children.append((model._meta.db_table, field.column))
    return base._meta.db_table, specific, children


def _columns(connection, table: str, exclude=()) -> list[str]:
    with connection.cursor() as cursor:
        description = connection.introspection.get_table_description(cursor, table)
    return [c.name for c in description if c.name not in exclude]


# ------------------------------------------------------------------------------ SQLite


def _sqlite_changed(columns: list[str]) -> str:
    return "(" + " OR ".join(f'OLD."{c}" IS NOT NEW."{c}"' for c in columns) + ")"


def _sqlite_sql(connection, page: str, specific: list[str], children: list[tuple[str, str]]) -> list[str]:
    def has_pass(page_id: str) -> str:
        return (
            f'EXISTS (SELECT 1 FROM {PASS} p, "{page}" b WHERE b.id = {page_id} '
            "AND (p.page_id = b.id OR p.page_id = b.alias_of_id))"
        )

    def locked(page_id: str) -> str:
        return f'(EXISTS (SELECT 1 FROM "{page}" b WHERE b.id = {page_id} AND b.live) AND NOT {has_pass(page_id)})'

    is_disclosure = (
        "EXISTS (SELECT 1 FROM django_content_type ct WHERE ct.id = NEW.content_type_id "
        f"AND ct.app_label = '{APP}')"
    )
    approved_pass = (
        f"EXISTS (SELECT 1 FROM {PASS} p JOIN {REVIEW} r ON r.id = p.review_id "
        "WHERE (p.page_id = NEW.id OR p.page_id = NEW.alias_of_id) "
        "AND p.revision_id IS NEW.live_revision_id "
        "AND r.page_id = COALESCE(NEW.alias_of_id, NEW.id) "
        "AND r.outcome = 'approved' AND r.decision = 'proactive')"
    )
    content = _columns(connection, page, BOOKKEEPING)
    abort = f"BEGIN SELECT RAISE(ABORT, '{REFUSED}'); END"
    sql = [
        f'CREATE TRIGGER disclosure_goes_live_insert BEFORE INSERT ON "{page}" FOR EACH ROW '
        f"WHEN NEW.live AND {is_disclosure} AND NOT {approved_pass} {abort}",
        f'CREATE TRIGGER disclosure_goes_live_update BEFORE UPDATE ON "{page}" FOR EACH ROW '
        f"WHEN NEW.live AND NOT OLD.live AND {is_disclosure} AND NOT {approved_pass} {abort}",
        f'CREATE TRIGGER disclosure_live_content BEFORE UPDATE ON "{page}" FOR EACH ROW '
        f"WHEN OLD.live AND NEW.live AND {_sqlite_changed(content)} AND {is_disclosure} "
        f"AND NOT {has_pass('NEW.id')} {abort}",
        f"CREATE TRIGGER disclosure_review_undeletable BEFORE DELETE ON {REVIEW} "
        f"BEGIN SELECT RAISE(ABORT, '{IMMUTABLE}'); END",
    ]
    for table in specific:
        columns = _sqlite_changed(_columns(connection, table, ("page_ptr_id",)))
        sql += [
            f'CREATE TRIGGER "disclosure_{table}_insert" BEFORE INSERT ON "{table}" FOR EACH ROW '
            f"WHEN {locked('NEW.page_ptr_id')} {abort}",
            f'CREATE TRIGGER "disclosure_{table}_update" BEFORE UPDATE ON "{table}" FOR EACH ROW '
            f"WHEN {columns} AND {locked('NEW.page_ptr_id')} {abort}",
        ]
    for table, column in children:
        columns = _sqlite_changed(_columns(connection, table))
        sql += [
            f'CREATE TRIGGER "disclosure_{table}_insert" BEFORE INSERT ON "{table}" FOR EACH ROW '
            f'WHEN {locked(f"NEW.{column}")} {abort}',
            f'CREATE TRIGGER "disclosure_{table}_update" BEFORE UPDATE ON "{table}" FOR EACH ROW '
            f'WHEN {columns} AND ({locked(f"NEW.{column}")} OR {locked(f"OLD.{column}")}) {abort}',
            f'CREATE TRIGGER "disclosure_{table}_delete" BEFORE DELETE ON "{table}" FOR EACH ROW '
            f'WHEN {locked(f"OLD.{column}")} {abort}',
        ]
    return sql


def _sqlite_drop(page: str, specific: list[str], children: list[tuple[str, str]]) -> list[str]:
    names = ["disclosure_goes_live_insert", "disclosure_goes_live_update", "disclosure_live_content",
             "disclosure_review_undeletable"]
    names += [f"disclosure_{t}_{op}" for t in specific for op in ("insert", "update")]
    names += [f"disclosure_{t}_{op}" for t, _c in children for op in ("insert", "update", "delete")]
    return [f'DROP TRIGGER IF EXISTS "{name}"' for name in names]


# -------------------------------------------------------------------------- PostgreSQL


def _postgres_sql(page: str, specific: list[str], children: list[tuple[str, str]]) -> list[str]:
    bookkeeping = "ARRAY[" + ", ".join(f"'{c}'" for c in BOOKKEEPING) + "]::text[]"
    sql = [
        f"""
        CREATE OR REPLACE FUNCTION disclosure_page_locked(pid bigint) RETURNS boolean AS $$
          SELECT EXISTS (SELECT 1 FROM "{page}" b WHERE b.id = pid AND b.live)
             AND NOT EXISTS (SELECT 1 FROM {PASS} p, "{page}" b
                             WHERE b.id = pid AND (p.page_id = b.id OR p.page_id = b.alias_of_id))
        $$ LANGUAGE sql STABLE
        """,
        f"""
        CREATE OR REPLACE FUNCTION disclosure_page_guard() RETURNS trigger AS $$
        BEGIN
          IF NOT NEW.live OR NOT EXISTS (SELECT 1 FROM django_content_type ct
                                         WHERE ct.id = NEW.content_type_id AND ct.app_label = '{APP}') THEN
            RETURN NEW;
          END IF;
          IF TG_OP = 'UPDATE' AND OLD.live THEN
            IF (to_jsonb(NEW) - {bookkeeping}) IS DISTINCT FROM (to_jsonb(OLD) - {bookkeeping})
               AND NOT EXISTS (SELECT 1 FROM {PASS} p
                               WHERE p.page_id = NEW.id OR p.page_id = NEW.alias_of_id) THEN
              RAISE EXCEPTION '{REFUSED} (page %)', NEW.id USING ERRCODE = 'check_violation';
            END IF;
            RETURN NEW;
          END IF;
          IF NOT EXISTS (SELECT 1 FROM {PASS} p JOIN {REVIEW} r ON r.id = p.review_id
                         WHERE (p.page_id = NEW.id OR p.page_id = NEW.alias_of_id)
                           AND p.revision_id IS NOT DISTINCT FROM NEW.live_revision_id
                           AND r.page_id = COALESCE(NEW.alias_of_id, NEW.id)
                           AND r.outcome = 'approved' AND r.decision = 'proactive') THEN
            RAISE EXCEPTION '{REFUSED} (page %)', NEW.id USING ERRCODE = 'check_violation';
          END IF;
          RETURN NEW;
        END $$ LANGUAGE plpgsql
        """,
        f'CREATE TRIGGER disclosure_page_guard BEFORE INSERT OR UPDATE ON "{page}" '
        "FOR EACH ROW EXECUTE FUNCTION disclosure_page_guard()",
        """
        CREATE OR REPLACE FUNCTION disclosure_part_guard() RETURNS trigger AS $$
        DECLARE
          new_id bigint;
          old_id bigint;
        BEGIN
          IF TG_OP <> 'DELETE' THEN new_id := (to_jsonb(NEW) ->> TG_ARGV[0])::bigint; END IF;
          IF TG_OP <> 'INSERT' THEN old_id := (to_jsonb(OLD) ->> TG_ARGV[0])::bigint; END IF;
          IF TG_OP = 'UPDATE' AND to_jsonb(NEW) IS NOT DISTINCT FROM to_jsonb(OLD) THEN
            RETURN NEW;
          END IF;
          IF (new_id IS NOT NULL AND disclosure_page_locked(new_id))
             OR (old_id IS NOT NULL AND disclosure_page_locked(old_id)) THEN
            RAISE EXCEPTION '%', TG_ARGV[1] USING ERRCODE = 'check_violation';
          END IF;
          IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
          RETURN NEW;
        END $$ LANGUAGE plpgsql
        """,
        f"""
        CREATE OR REPLACE FUNCTION disclosure_review_untruncatable() RETURNS trigger AS $$
        BEGIN
          RAISE EXCEPTION '{IMMUTABLE}' USING ERRCODE = 'integrity_constraint_violation';
        END $$ LANGUAGE plpgsql
        """,
        f"CREATE TRIGGER disclosure_review_untruncatable BEFORE TRUNCATE ON {REVIEW} "
        "FOR EACH STATEMENT EXECUTE FUNCTION disclosure_review_untruncatable()",
    ]
    for table in specific:
        sql.append(
            f'CREATE TRIGGER disclosure_part_guard BEFORE INSERT OR UPDATE ON "{table}" '
            f"FOR EACH ROW EXECUTE FUNCTION disclosure_part_guard('page_ptr_id', '{REFUSED}')"
        )
    for table, column in children:
        sql.append(
            f'CREATE TRIGGER disclosure_part_guard BEFORE INSERT OR UPDATE OR DELETE ON "{table}" '
            f"FOR EACH ROW EXECUTE FUNCTION disclosure_part_guard('{column}', '{REFUSED}')"
        )
    return sql


def _postgres_drop(page: str, specific: list[str], children: list[tuple[str, str]]) -> list[str]:
    sql = [
        f'DROP TRIGGER IF EXISTS disclosure_page_guard ON "{page}"',
        f"DROP TRIGGER IF EXISTS disclosure_review_untruncatable ON {REVIEW}",
    ]
    sql += [f'DROP TRIGGER IF EXISTS disclosure_part_guard ON "{t}"' for t in specific]
    sql += [f'DROP TRIGGER IF EXISTS disclosure_part_guard ON "{t}"' for t, _c in children]
    return sql


# Migration 0005's first triggers, which accepted any approval the page ever had.
OLD_TRIGGERS = {
    "sqlite": ["DROP TRIGGER IF EXISTS disclosure_live_requires_review_update",
               "DROP TRIGGER IF EXISTS disclosure_live_requires_review_insert"],
    "postgresql": ['DROP TRIGGER IF EXISTS disclosure_live_requires_review ON "{page}"',
                   "DROP FUNCTION IF EXISTS disclosure_live_requires_review()"],
}


def install(connection, apps) -> None:
    page, specific, children = disclosure_tables(apps)
    if connection.vendor == "sqlite":
        statements = _sqlite_sql(connection, page, specific, children)
    elif connection.vendor == "postgresql":
        statements = _postgres_sql(page, specific, children)
    else:
        return  # other databases: the model-layer guard alone
    # A cursor without parameters: the SQL holds PL/pgSQL's own % placeholders.
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def uninstall(connection, apps) -> None:
    page, specific, children = disclosure_tables(apps)
    drop = {"sqlite": _sqlite_drop, "postgresql": _postgres_drop}.get(connection.vendor)
    if drop is None:
        return
    with connection.cursor() as cursor:
        for sql in drop(page, specific, children):
            cursor.execute(sql)


def forwards(apps, schema_editor):
    page, _specific, _children = disclosure_tables(apps)
    with schema_editor.connection.cursor() as cursor:
        for sql in OLD_TRIGGERS.get(schema_editor.connection.vendor, []):
            cursor.execute(sql.format(page=page))
    install(schema_editor.connection, apps)


def backwards(apps, schema_editor):
    uninstall(schema_editor.connection, apps)


class Migration(migrations.Migration):
    dependencies = [
        ("disclosure_pages", "0006_roles_and_workflow"),
    ]

    operations = [
        migrations.CreateModel(
            name="PublicationPass",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("page_id", models.BigIntegerField(db_index=True, verbose_name="页面")),
                ("revision_id", models.BigIntegerField(blank=True, null=True, verbose_name="版本")),
                ("review_id", models.BigIntegerField(blank=True, null=True, verbose_name="保密审查记录")),
            ],
            options={
                "verbose_name": "发布许可",
                "verbose_name_plural": "发布许可",
                "default_permissions": (),
            },
        ),
        migrations.RunPython(forwards, backwards),
    ]
