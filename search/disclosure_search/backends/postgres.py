"""Wagtail's PostgreSQL backend, indexing in one pass and feeding :mod:`disclosure_search.engine`.

Wagtail's indexer reads every search field five times (three vectors and two plain-text
columns), so a disclosure page was segmented five times, and it compiles one ``SearchVector``
expression per field and object; together about 87 entries/s. Here the fields are read once,
in worker processes for a bulk pass (:mod:`disclosure_search.parallel`), and each batch is one
upsert. Admin searches also match as jieba words (:mod:`~disclosure_search.backends.chinese`).
"""

from __future__ import annotations

from typing import Any

from django.utils.encoding import force_str
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    ObjectIndexer,
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.utils import get_content_type_pk

from disclosure_search import parallel

from .chinese import ChinesePostgresQueryMixin
from .engine_feed import FeedsEngineMixin, RememberedTitleAverageMixin, split_fields
from .safe_query import SafeQueryMixin

BATCH_SIZE = 500
#: GIN pending-list limit (kB) during a bulk pass, see DisclosurePostgresIndex.add_items.
BULK_PENDING_LIST_KB = 64 * 1024
# The title length factor (average title length / this title's, in lexemes) is written with
# the row, from an average remembered per process: Wagtail re-reads the whole table for the
# average and rewrites the new rows' factor after every write (130 ms a batch at 100,000 entries).
_UPSERT = f"""
    INSERT INTO {IndexEntry._meta.db_table}
        (content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text)
    SELECT v.content_type_id, v.object_id, v.title, v.autocomplete, v.body,
        CASE WHEN %s::float8 > 0 AND length(v.title) > 0 THEN %s::float8 / length(v.title) ELSE 1.0 END,
        v.title_text, v.body_text
    FROM (VALUES {{rows}}) AS v(content_type_id, object_id, title, autocomplete, body, title_text, body_text)
    ON CONFLICT (content_type_id, object_id) DO UPDATE SET
        title = EXCLUDED.title, title_norm = EXCLUDED.title_norm, autocomplete = EXCLUDED.autocomplete,
        body = EXCLUDED.body, title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text
"""  # noqa: S608 (a table name from the model)


def _vector(texts: list[tuple[str, str]], config: str | None) -> tuple[str, list[Any]]:
    """SQL building one weighted tsvector from (weight, text) pairs, and its parameters."""
    parts, params = [], []
    for weight, text in texts:
        text = text.strip()
        if text:
            parse = "to_tsvector(%s::regconfig, %s)" if config else "to_tsvector(%s)"
            parts.append(f"setweight({parse}, %s)")
            params += [config, text, weight] if config else [text, weight]
    return (" || ".join(parts), params) if parts else ("''::tsvector", [])


class DisclosurePostgresIndex(RememberedTitleAverageMixin, FeedsEngineMixin, PostgresIndex):
    def add_items(self, model: type, objs: Any) -> None:
        objs = list(objs)
        connection = self.write_connection
        if len(objs) >= parallel.MIN_PAGES and connection.in_atomic_block:
            # A bulk pass: GIN indexes take new rows into a pending list and merge it into
            # the index when it outgrows this limit; merging seldom and in bulk instead of
            # every 4 MB (the default, about 900 entries) took a sixth off a pass. The limit
            # lasts until the transaction ends; engine.compact merges what is left after it.
            with connection.cursor() as cursor:
                cursor.execute("SELECT set_config('gin_pending_list_limit', %s, true)", [str(BULK_PENDING_LIST_KB)])
        super().add_items(model, objs)

    def write_entries(self, model: type, objs: list[Any]) -> None:
        content_type = get_content_type_pk(model)
        config, autocomplete_config = self.backend.config, self.backend.autocomplete_config
        average = self._average_title_length() or 0.0
        for start in range(0, len(objs), BATCH_SIZE):
            rows, params = [], [average, average]
            for obj in objs[start : start + BATCH_SIZE]:
                indexer = ObjectIndexer(obj, self.backend)
                title, body, autocomplete = split_fields(
                    obj, indexer.search_fields, indexer.prepare_field, autocomplete_item=lambda text: ("D", text)
                )
                columns = [_vector(title, config), _vector(autocomplete, autocomplete_config), _vector(body, config)]
                rows.append("(%s::integer, %s, " + ", ".join(sql for sql, _ in columns) + ", %s, %s)")
                params += [content_type, force_str(obj.pk)]
                for _, column_params in columns:
                    params += column_params
                params += [
                    " ".join(t.strip() for _, t in title if t.strip()),
                    " ".join(t.strip() for _, t in body if t.strip()),
                ]
            with self.write_connection.cursor() as cursor:
                cursor.execute(_UPSERT.format(rows=", ".join(rows)), params)


class DisclosurePostgresQueryCompiler(ChinesePostgresQueryMixin, PostgresSearchQueryCompiler):
    pass


class DisclosurePostgresAutocompleteCompiler(ChinesePostgresQueryMixin, PostgresAutocompleteQueryCompiler):
    pass


class DisclosurePostgresSearchBackend(SafeQueryMixin, PostgresSearchBackend):
    index_class = DisclosurePostgresIndex
    query_compiler_class = DisclosurePostgresQueryCompiler
    autocomplete_query_compiler_class = DisclosurePostgresAutocompleteCompiler
    feeds_disclosure_engine = True  # the public search reads disclosure_search.engine's index
