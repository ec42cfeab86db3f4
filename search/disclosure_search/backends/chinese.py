"""Admin searches in Chinese: a plain-text query also matches as the public search's words.

Neither FTS5 nor PostgreSQL's parser cuts Chinese, so 防汛 could never match an index of
titles such as 关于做好防汛抗旱工作的通知: the admin's searches and choosers get the word
sets of the public search (:func:`disclosure_search.query.query_word_sets`), OR-ed with the
query as typed, so text that is not segmented (a document's title) matches as before.
"""

from __future__ import annotations

from typing import Any

from modelsearch.query import PlainText

from disclosure_search.query import query_word_sets


def segmented_variants(query: Any) -> list[PlainText]:
    """The other forms of a plain-text query: one AND of words per script form and synonym."""
    if not isinstance(query, PlainText):
        return []
    variants = (" ".join(words) for words in query_word_sets(query.query_string))
    return [PlainText(text, operator="and") for text in dict.fromkeys(variants) if text and text != query.query_string]


class ChineseQueryMixin:
    """SQLite's compiler (``build_search_query_content``)."""

    def build_search_query_content(self, query: Any, config: Any = None) -> Any:
        built = super().build_search_query_content(query, config=config)  # type: ignore[misc]
        if built is None:
            return built
        for variant in segmented_variants(query):
            built = built | super().build_search_query_content(variant, config=config)  # type: ignore[misc]
        return built


class ChinesePostgresQueryMixin:
    """PostgreSQL's compiler (``build_tsquery_content``); a negated query is left as typed."""

    def build_tsquery_content(self, query: Any, config: Any = None, invert: bool = False) -> Any:
        built = super().build_tsquery_content(query, config=config, invert=invert)  # type: ignore[misc]
        if built is None or invert:
            return built
        for variant in segmented_variants(query):
            built = built | super().build_tsquery_content(variant, config=config)  # type: ignore[misc]
        return built
