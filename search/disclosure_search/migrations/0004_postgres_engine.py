"""The embedded engine on PostgreSQL, and the facet columns of its index on every database.

``SearchDocument`` gets the values the results page counts matches by (year, organisation,
three catalog classifications); on SQLite a narrow table ``disclosure_search_facets`` mirrors
them (triggers), since the FTS5 table holds only text. On PostgreSQL this creates the engine's
tables:

migration 0003 gave SQLite an FTS5 table over ``SearchDocument`` and triggers that keep it
to what citizens may read; PostgreSQL gets the same, so the public search ranks in one
query on either database:

* ``disclosure_search_tsv`` holds each row's ``tsvector`` (title words weighted A, body
  words D) and facet values under its ``sort_key``, with a GIN index. It is kept narrow
  so that counting matches (and their facets) reads little of the table; statement triggers with transition tables keep it in
  step with ``SearchDocument`` (one statement per bulk write), and TRUNCATE empties it too.
* The visibility rule is the rule of 0003, in PL/pgSQL: a row can only be written for a page
  that is live, not under a view restriction (its own or an ancestor's) and, for catalog
  entries, 主动公开; the row is deleted when its page goes offline, is moved under a
  restriction, gets a restriction on itself or an ancestor, stops being 主动公开, or is deleted.

The words are cut in Python (jieba) before they are stored, so ``to_tsvector('simple', …)``
only splits at spaces and folds case; queries are parsed by the same configuration.
"""

from django.conf import settings
from django.db import migrations, models

DOCUMENTS = "disclosure_search_searchdocument"
TSV = "disclosure_search_tsv"
FACETS = ("content_type_id", "year", "organisation_id", "assembled_id", "topic_id", "genre_id")
FACETS_DDL = ", ".join(f"{name} {'integer' if name in ('content_type_id', 'year') else 'bigint'}" for name in FACETS)
COPIED = ", ".join(FACETS)
FROM_NEW = ", ".join("n." + name for name in FACETS)
INSERT_NEW = (
    f"INSERT INTO {TSV} (sort_key, vector, {COPIED}) "
    f"SELECT n.sort_key, disclosure_search_vector(n.title, n.body), {FROM_NEW} FROM new_rows n;"
)
SQLITE_FACETS = "disclosure_search_facets"
REFUSED = "only live, public, proactively disclosed pages may be indexed"
FUNCTIONS = (
    "disclosure_search_vector(text, text)",
    "disclosure_search_tsv_insert()",
    "disclosure_search_tsv_delete()",
    "disclosure_search_tsv_update()",
    "disclosure_search_tsv_truncate()",
    "disclosure_search_refuse_hidden()",
    "disclosure_search_drop_page()",
    "disclosure_search_drop_branch()",
    "disclosure_search_drop_moved()",
)


def postgres_sql(page: str, restriction: str, entry: str) -> list[str]:
    restricted = (
        f'EXISTS (SELECT 1 FROM "{restriction}" r JOIN "{page}" a ON a.id = r.page_id '
        "WHERE starts_with(p.path, a.path))"
    )
    return [
        f"CREATE TABLE {TSV} (sort_key bigint PRIMARY KEY, vector tsvector NOT NULL, {FACETS_DDL})",
        f"CREATE INDEX {TSV}_vector ON {TSV} USING gin (vector)",
        """
        CREATE FUNCTION disclosure_search_vector(title text, body text) RETURNS tsvector AS $$
          SELECT setweight(to_tsvector('simple'::regconfig, coalesce(title, '')), 'A')
              || setweight(to_tsvector('simple'::regconfig, coalesce(body, '')), 'D')
        $$ LANGUAGE sql IMMUTABLE PARALLEL SAFE
        """,
        f"""
        CREATE FUNCTION disclosure_search_tsv_insert() RETURNS trigger AS $$
        BEGIN
          {INSERT_NEW}
          RETURN NULL;
        END $$ LANGUAGE plpgsql
        """,
        f"""
        CREATE FUNCTION disclosure_search_tsv_delete() RETURNS trigger AS $$
        BEGIN
          DELETE FROM {TSV} t USING old_rows o WHERE t.sort_key = o.sort_key;
          RETURN NULL;
        END $$ LANGUAGE plpgsql
        """,
        f"""
        CREATE FUNCTION disclosure_search_tsv_update() RETURNS trigger AS $$
        BEGIN
          DELETE FROM {TSV} t USING old_rows o WHERE t.sort_key = o.sort_key;
          {INSERT_NEW}
          RETURN NULL;
        END $$ LANGUAGE plpgsql
        """,
        f"""
        CREATE FUNCTION disclosure_search_tsv_truncate() RETURNS trigger AS $$
        BEGIN
          TRUNCATE {TSV};
          RETURN NULL;
        END $$ LANGUAGE plpgsql
        """,
        f"CREATE TRIGGER disclosure_search_tsv_insert AFTER INSERT ON {DOCUMENTS} "
        "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION disclosure_search_tsv_insert()",
        f"CREATE TRIGGER disclosure_search_tsv_delete AFTER DELETE ON {DOCUMENTS} "
        "REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION disclosure_search_tsv_delete()",
        f"CREATE TRIGGER disclosure_search_tsv_update AFTER UPDATE ON {DOCUMENTS} "
        "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows "
        "FOR EACH STATEMENT EXECUTE FUNCTION disclosure_search_tsv_update()",
        f"CREATE TRIGGER disclosure_search_tsv_truncate AFTER TRUNCATE ON {DOCUMENTS} "
        "FOR EACH STATEMENT EXECUTE FUNCTION disclosure_search_tsv_truncate()",
        f"""
        CREATE FUNCTION disclosure_search_refuse_hidden() RETURNS trigger AS $$
        BEGIN
          IF NOT EXISTS (SELECT 1 FROM "{page}" p WHERE p.id = NEW.page_id AND p.live)
             OR EXISTS (SELECT 1 FROM "{page}" p WHERE p.id = NEW.page_id AND {restricted})
             OR EXISTS (SELECT 1 FROM "{entry}" e
                        WHERE e.page_ptr_id = NEW.page_id AND e.disclosure_mode <> 'proactive') THEN
            RAISE EXCEPTION '{REFUSED} (page %)', NEW.page_id USING ERRCODE = 'integrity_constraint_violation';
          END IF;
          RETURN NEW;
        END $$ LANGUAGE plpgsql
        """,
        f"CREATE TRIGGER disclosure_search_refuse_hidden BEFORE INSERT OR UPDATE ON {DOCUMENTS} "
        "FOR EACH ROW EXECUTE FUNCTION disclosure_search_refuse_hidden()",
        # TG_ARGV[0] names the column holding the page id of the changed row.
        f"""
        CREATE FUNCTION disclosure_search_drop_page() RETURNS trigger AS $$
        DECLARE
          changed jsonb := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
        BEGIN
          DELETE FROM {DOCUMENTS} WHERE page_id = (changed ->> TG_ARGV[0])::bigint;
          IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
          RETURN NEW;
        END $$ LANGUAGE plpgsql
        """,
        f"""
        CREATE FUNCTION disclosure_search_drop_branch() RETURNS trigger AS $$
        BEGIN
          DELETE FROM {DOCUMENTS} WHERE page_id IN (
            SELECT p.id FROM "{page}" p JOIN "{page}" a ON a.id = NEW.page_id WHERE starts_with(p.path, a.path));
          RETURN NULL;
        END $$ LANGUAGE plpgsql
        """,
        f"""
        CREATE FUNCTION disclosure_search_drop_moved() RETURNS trigger AS $$
        BEGIN
          IF EXISTS (SELECT 1 FROM "{restriction}" r JOIN "{page}" a ON a.id = r.page_id
                     WHERE starts_with(NEW.path, a.path)) THEN
            DELETE FROM {DOCUMENTS} WHERE page_id = NEW.id;
          END IF;
          RETURN NULL;
        END $$ LANGUAGE plpgsql
        """,
        f'CREATE TRIGGER disclosure_search_page_offline AFTER UPDATE OF live ON "{page}" '
        "FOR EACH ROW WHEN (NOT NEW.live) EXECUTE FUNCTION disclosure_search_drop_page('id')",
        f'CREATE TRIGGER disclosure_search_page_moved AFTER UPDATE OF path ON "{page}" FOR EACH ROW '
        "WHEN (OLD.path IS DISTINCT FROM NEW.path) EXECUTE FUNCTION disclosure_search_drop_moved()",
        f'CREATE TRIGGER disclosure_search_page_deleted BEFORE DELETE ON "{page}" '
        "FOR EACH ROW EXECUTE FUNCTION disclosure_search_drop_page('id')",
        f'CREATE TRIGGER disclosure_search_restricted AFTER INSERT ON "{restriction}" '
        "FOR EACH ROW EXECUTE FUNCTION disclosure_search_drop_branch()",
        f'CREATE TRIGGER disclosure_search_restriction_moved AFTER UPDATE OF page_id ON "{restriction}" '
        "FOR EACH ROW EXECUTE FUNCTION disclosure_search_drop_branch()",
        f'CREATE TRIGGER disclosure_search_not_proactive AFTER UPDATE OF disclosure_mode ON "{entry}" '
        "FOR EACH ROW WHEN (NEW.disclosure_mode <> 'proactive') "
        "EXECUTE FUNCTION disclosure_search_drop_page('page_ptr_id')",
    ]


def sqlite_facets_sql() -> list[str]:
    """SQLite's FTS5 table holds only text: the facet values get a narrow table of their own,
    kept in step with ``SearchDocument`` by triggers, so counting them never reads the text."""
    new = ", ".join("NEW." + name for name in FACETS)
    insert = f"INSERT INTO {SQLITE_FACETS} (sort_key, {COPIED}) VALUES (NEW.sort_key, {new});"
    delete = f"DELETE FROM {SQLITE_FACETS} WHERE sort_key = OLD.sort_key;"
    return [
        f"CREATE TABLE {SQLITE_FACETS} (sort_key INTEGER PRIMARY KEY, {FACETS_DDL})",
        f"CREATE TRIGGER disclosure_search_facets_insert AFTER INSERT ON {DOCUMENTS} BEGIN {insert} END",
        f"CREATE TRIGGER disclosure_search_facets_delete AFTER DELETE ON {DOCUMENTS} BEGIN {delete} END",
        f"CREATE TRIGGER disclosure_search_facets_update AFTER UPDATE ON {DOCUMENTS} BEGIN {delete} {insert} END",
        f"INSERT INTO {SQLITE_FACETS} (sort_key, {COPIED}) SELECT sort_key, {COPIED} FROM {DOCUMENTS}",
    ]


def _tables(apps) -> tuple[str, str, str]:
    page = apps.get_model(settings.WAGTAIL_PAGE_MODEL)._meta.db_table
    restriction = apps.get_model("wagtailcore", "PageViewRestriction")._meta.db_table
    entry = apps.get_model("disclosure_pages", "CatalogEntryPage")._meta.db_table
    return page, restriction, entry


def create_postgres_index(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for sql in sqlite_facets_sql():
            schema_editor.execute(sql)
        return
    if schema_editor.connection.vendor != "postgresql":
        return
    page, restriction, entry = _tables(apps)
    statements = postgres_sql(page, restriction, entry)
    # A cursor without parameters: the SQL holds PL/pgSQL's own % placeholders.
    with schema_editor.connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)
        # Rows the index already holds (written before this migration) get their vectors.
        cursor.execute(
            f"INSERT INTO {TSV} (sort_key, vector, {COPIED}) "
            f"SELECT sort_key, disclosure_search_vector(title, body), {COPIED} FROM {DOCUMENTS}"
        )


def drop_postgres_index(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for action in ("insert", "delete", "update"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS disclosure_search_facets_{action}")
        schema_editor.execute(f"DROP TABLE IF EXISTS {SQLITE_FACETS}")
        return
    if schema_editor.connection.vendor != "postgresql":
        return
    page, restriction, entry = _tables(apps)
    triggers = [
        ("disclosure_search_tsv_insert", DOCUMENTS),
        ("disclosure_search_tsv_delete", DOCUMENTS),
        ("disclosure_search_tsv_update", DOCUMENTS),
        ("disclosure_search_tsv_truncate", DOCUMENTS),
        ("disclosure_search_refuse_hidden", DOCUMENTS),
        ("disclosure_search_page_offline", page),
        ("disclosure_search_page_moved", page),
        ("disclosure_search_page_deleted", page),
        ("disclosure_search_restricted", restriction),
        ("disclosure_search_restriction_moved", restriction),
        ("disclosure_search_not_proactive", entry),
    ]
    with schema_editor.connection.cursor() as cursor:
        for name, table in triggers:
            cursor.execute(f'DROP TRIGGER IF EXISTS {name} ON "{table}"')
        for function in FUNCTIONS:
            cursor.execute(f"DROP FUNCTION IF EXISTS {function}")
        cursor.execute(f"DROP TABLE IF EXISTS {TSV}")


class Migration(migrations.Migration):

    dependencies = [
        ("disclosure_search", "0003_search_document"),
        ("disclosure_pages", "0006_roles_and_workflow"),
        ("wagtailcore", "0098_apitoken"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.AddField("searchdocument", "year", models.PositiveSmallIntegerField(null=True, verbose_name="发布年份")),
        migrations.AddField("searchdocument", "organisation_id", models.BigIntegerField(null=True, verbose_name="发布机构")),
        migrations.AddField("searchdocument", "assembled_id", models.BigIntegerField(null=True, verbose_name="组配分类")),
        migrations.AddField("searchdocument", "topic_id", models.BigIntegerField(null=True, verbose_name="主题分类")),
        migrations.AddField("searchdocument", "genre_id", models.BigIntegerField(null=True, verbose_name="体裁分类")),
        migrations.RunPython(create_postgres_index, drop_postgres_index),
    ]
