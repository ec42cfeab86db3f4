"""FTS5 query text and columns for Wagtail's SQLite compiler, done right.

Two faults of ``modelsearch.backends.database.sqlite`` turned admin searches into 500s:

* **Quoting.** Its ``Lexeme`` wraps each term in double quotes but escapes ``'`` and
  ``\\`` (which FTS5 strings do not need) instead of ``"`` (which they do), so a
  query such as ``a"b`` ends the string early: "unterminated string". Here a term is
  quoted the FTS5 way, a ``"`` inside written twice; the term then means what FTS5's
  tokenizer makes of it, like any other text.
* **Columns.** ``search(…, fields=["name", "code"])`` (the admin's snippet listings and
  choosers pass their ``search_fields``) sends the field names to FTS5 as column
  names, but the index has only the columns ``title``, ``body`` and
  ``autocomplete``: "no such column: name" for every query. Here a field restriction
  names the column that holds the field (``title`` for a field called title, ``body``
  for the other search fields; the autocomplete column for autocomplete). Fields
  sharing the body column cannot be told apart, so the restriction is approximate.
"""

from __future__ import annotations

from typing import Any

from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
from modelsearch.query import Phrase, PlainText


class FTSTerm(Lexeme):
    """A term as an FTS5 string: ``"…"`` with every inner ``"`` doubled."""

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, list[str]]:
        return ('"%s"*' if self.prefix else '"%s"'), [self.value.replace('"', '""')]


class FTSQueryMixin:
    """Compiler: terms and phrases quoted by :class:`FTSTerm`; field restrictions as columns.

    Put before Wagtail's ``SQLite…QueryCompiler`` in the bases.
    """

    fields: list[str] | None
    FTS_TABLE_FIELDS: list[str]
    LAST_TERM_IS_PREFIX: bool

    def build_search_query_content(self, query: Any, config: Any = None) -> Any:
        if isinstance(query, PlainText):
            terms = query.query_string.split()
            if not terms:
                return None
            lexemes: Any = FTSTerm(terms.pop(), prefix=self.LAST_TERM_IS_PREFIX)
            for term in terms:
                if query.operator.upper() == "AND":
                    lexemes &= FTSTerm(term)
                else:
                    lexemes |= FTSTerm(term)
            return SearchQueryExpression(lexemes, config=config)
        if isinstance(query, Phrase):
            return SearchQueryExpression(FTSTerm(query.query_string), config=config)
        return super().build_search_query_content(query, config=config)  # type: ignore[misc]

    def fts_columns(self) -> list[str]:
        """The index columns that hold :attr:`fields` (all of this compiler's columns if none)."""
        if not self.fields or self.FTS_TABLE_FIELDS == ["autocomplete"]:
            return list(self.FTS_TABLE_FIELDS)
        columns = {"title" if name == "title" else "body" for name in self.fields}
        return [column for column in self.FTS_TABLE_FIELDS if column in columns]

    def search(self, config: Any, start: int | None, stop: int | None, score_field: str | None = None) -> Any:
        """Wagtail's search with the field restriction given as index columns."""
        fields, self.fields = self.fields, self.fts_columns()
        try:
            return super().search(config, start, stop, score_field=score_field)  # type: ignore[misc]
        finally:
            self.fields = fields
