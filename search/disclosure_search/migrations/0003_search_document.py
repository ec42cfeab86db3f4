"""The embedded engine's index of public disclosure pages (see disclosure_search.models.SearchDocument).

On SQLite this also creates the FTS5 table over it and the triggers that keep it to what
citizens may read, so the rule holds for writes that never reach Python
(``QuerySet.update()``, raw SQL, data migrations):

* a row can only be inserted for a page that is live, not under a view restriction
  (its own or an ancestor's) and, for catalog entries, 主动公开;
* the row is deleted when its page goes offline, is moved under a restriction, gets a
  restriction on itself or an ancestor, stops being 主动公开, or is deleted.

Other databases get the table only: there the search service uses Wagtail's own
database backend with a visibility check at query time.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

DOCUMENTS = "disclosure_search_searchdocument"
FTS = "disclosure_search_fts"
REFUSED = "only live, public, proactively disclosed pages may be indexed"
TRIGGERS = (
    "disclosure_search_fts_insert",
    "disclosure_search_fts_delete",
    "disclosure_search_fts_update",
    "disclosure_search_refuse_hidden_insert",
    "disclosure_search_refuse_hidden_update",
    "disclosure_search_page_offline",
    "disclosure_search_page_moved",
    "disclosure_search_page_deleted",
    "disclosure_search_restricted",
    "disclosure_search_restriction_moved",
    "disclosure_search_not_proactive",
)


def sqlite_sql(page: str, restriction: str, entry: str) -> list[str]:
    restricted = (
        f"EXISTS (SELECT 1 FROM {restriction} r JOIN {page} a ON a.id = r.page_id "
        f"JOIN {page} p ON p.id = NEW.page_id WHERE substr(p.path, 1, length(a.path)) = a.path)"
    )
    hidden = (
        f"(NOT EXISTS (SELECT 1 FROM {page} p WHERE p.id = NEW.page_id AND p.live) OR {restricted} "
        f"OR EXISTS (SELECT 1 FROM {entry} e WHERE e.page_ptr_id = NEW.page_id AND e.disclosure_mode <> 'proactive'))"
    )
    delete_fts = f"INSERT INTO {FTS}({FTS}, rowid, title, body) VALUES ('delete', OLD.sort_key, OLD.title, OLD.body);"
    insert_fts = f"INSERT INTO {FTS}(rowid, title, body) VALUES (NEW.sort_key, NEW.title, NEW.body);"
    return [
        f"CREATE VIRTUAL TABLE {FTS} USING fts5(title, body, content='{DOCUMENTS}', content_rowid='sort_key')",
        f"CREATE TRIGGER disclosure_search_fts_insert AFTER INSERT ON {DOCUMENTS} BEGIN {insert_fts} END",
        f"CREATE TRIGGER disclosure_search_fts_delete AFTER DELETE ON {DOCUMENTS} BEGIN {delete_fts} END",
        f"CREATE TRIGGER disclosure_search_fts_update AFTER UPDATE ON {DOCUMENTS} BEGIN {delete_fts} {insert_fts} END",
        f"CREATE TRIGGER disclosure_search_refuse_hidden_insert BEFORE INSERT ON {DOCUMENTS} "
        f"FOR EACH ROW WHEN {hidden} BEGIN SELECT RAISE(ABORT, '{REFUSED}'); END",
        f"CREATE TRIGGER disclosure_search_refuse_hidden_update BEFORE UPDATE ON {DOCUMENTS} "
        f"FOR EACH ROW WHEN {hidden} BEGIN SELECT RAISE(ABORT, '{REFUSED}'); END",
        f"CREATE TRIGGER disclosure_search_page_offline AFTER UPDATE OF live ON {page} "
        f"FOR EACH ROW WHEN NOT NEW.live BEGIN DELETE FROM {DOCUMENTS} WHERE page_id = NEW.id; END",
        f"CREATE TRIGGER disclosure_search_page_moved AFTER UPDATE OF path ON {page} FOR EACH ROW "
        f"WHEN EXISTS (SELECT 1 FROM {restriction} r JOIN {page} a ON a.id = r.page_id "
        f"WHERE substr(NEW.path, 1, length(a.path)) = a.path) "
        f"BEGIN DELETE FROM {DOCUMENTS} WHERE page_id = NEW.id; END",
        f"CREATE TRIGGER disclosure_search_page_deleted BEFORE DELETE ON {page} "
        f"FOR EACH ROW BEGIN DELETE FROM {DOCUMENTS} WHERE page_id = OLD.id; END",
        f"CREATE TRIGGER disclosure_search_restricted AFTER INSERT ON {restriction} FOR EACH ROW "
        f"BEGIN DELETE FROM {DOCUMENTS} WHERE page_id IN (SELECT p.id FROM {page} p JOIN {page} a "
        f"ON a.id = NEW.page_id WHERE substr(p.path, 1, length(a.path)) = a.path); END",
        f"CREATE TRIGGER disclosure_search_restriction_moved AFTER UPDATE OF page_id ON {restriction} FOR EACH ROW "
        f"BEGIN DELETE FROM {DOCUMENTS} WHERE page_id IN (SELECT p.id FROM {page} p JOIN {page} a "
        f"ON a.id = NEW.page_id WHERE substr(p.path, 1, length(a.path)) = a.path); END",
        f"CREATE TRIGGER disclosure_search_not_proactive AFTER UPDATE OF disclosure_mode ON {entry} FOR EACH ROW "
        f"WHEN NEW.disclosure_mode <> 'proactive' "
        f"BEGIN DELETE FROM {DOCUMENTS} WHERE page_id = NEW.page_ptr_id; END",
    ]


def _tables(apps) -> tuple[str, str, str]:
    page = apps.get_model(settings.WAGTAIL_PAGE_MODEL)._meta.db_table
    restriction = apps.get_model("wagtailcore", "PageViewRestriction")._meta.db_table
    entry = apps.get_model("disclosure_pages", "CatalogEntryPage")._meta.db_table
    return page, restriction, entry


def create_sqlite_index(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for sql in sqlite_sql(*_tables(apps)):
        schema_editor.execute(sql)


def drop_sqlite_index(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for name in TRIGGERS:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
    schema_editor.execute(f"DROP TABLE IF EXISTS {FTS}")


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('disclosure_search', '0002_starting_vocabulary'),
        ('disclosure_pages', '0006_roles_and_workflow'),
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchDocument',
            fields=[
                ('page', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='+', serialize=False, to=settings.WAGTAIL_PAGE_MODEL, verbose_name='页面')),
                ('sort_key', models.BigIntegerField(unique=True, verbose_name='排序键')),
                ('title', models.TextField(verbose_name='标题词')),
                ('body', models.TextField(verbose_name='正文词')),
                ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contenttypes.contenttype', verbose_name='信息类型')),
            ],
            options={
                'verbose_name': '检索文档',
                'verbose_name_plural': '检索文档',
            },
        ),
        migrations.RunPython(create_sqlite_index, drop_sqlite_index),
    ]
