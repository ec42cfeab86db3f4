"""What the Elasticsearch/OpenSearch index settings and mapping read: the analyzer and the field boosts.

Mapping and queries read the same table, so they always agree; changing either needs a
rebuild. Options and their effects are described in ``docs/search.md``.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any, Final

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from modelsearch.index import SearchField

#: Name of the analyzer every full-text field is indexed with.
INDEX_ANALYZER: Final = "disclosure_chinese"
#: Name of the analyzer queries on those fields are analysed with.
SEARCH_ANALYZER: Final = "disclosure_chinese_search"

DEFAULT_ANALYZER: Final = "cjk"

# The cjk_bigram chain: the same at index and query time, so that both sides cut alike.
_CJK_BIGRAM: dict[str, Any] = {
    "type": "custom",
    "tokenizer": "standard",
    "filter": ["cjk_width", "lowercase", "cjk_bigram"],
}

#: ``analysis.analyzer`` definitions per choice of ``DISCLOSURE_SEARCH_ANALYZER``.
ANALYZERS: Final[dict[str, dict[str, dict[str, Any]]]] = {
    "cjk": {INDEX_ANALYZER: _CJK_BIGRAM, SEARCH_ANALYZER: _CJK_BIGRAM},
    "smartcn": {INDEX_ANALYZER: {"type": "smartcn"}, SEARCH_ANALYZER: {"type": "smartcn"}},
    "ik": {INDEX_ANALYZER: {"type": "ik_max_word"}, SEARCH_ANALYZER: {"type": "ik_smart"}},
}

#: The cluster plugin each analyzer needs (none for ``cjk``); named in error messages and docs.
REQUIRED_PLUGINS: Final[dict[str, str | None]] = {"cjk": None, "smartcn": "analysis-smartcn", "ik": "analysis-ik"}

#: Boosts of page fields, by field name (see docs/search.md). Title-like text ranks
#: above keywords, which rank above body text (no entry: boost 1 or the model's own).
DEFAULT_FIELD_BOOSTS: Final[dict[str, float]] = {
    "title": 5.0,
    "search_title": 5.0,
    "keywords": 3.0,
}

#: The analysis every full-text field gets, at index and at query time.
ANALYZED: Final[dict[str, str]] = {"analyzer": INDEX_ANALYZER, "search_analyzer": SEARCH_ANALYZER}


def resolve_analyzer(option: str | None = None) -> str:
    """The analyzer choice: backend option, else ``DISCLOSURE_SEARCH_ANALYZER``, else ``cjk``.

    An unknown name is a configuration error at start-up rather than an index that
    silently analyses Chinese as single characters.
    """
    choice = option or getattr(settings, "DISCLOSURE_SEARCH_ANALYZER", None) or DEFAULT_ANALYZER
    name = str(choice).strip().lower()
    if name not in ANALYZERS:
        raise ImproperlyConfigured(
            f"Unknown search analyzer {choice!r}: DISCLOSURE_SEARCH_ANALYZER (or the backend's "
            f"ANALYZER option) must be one of {', '.join(sorted(ANALYZERS))}."
        )
    return name


def analysis_settings(analyzer: str) -> dict[str, Any]:
    """The ``settings.analysis`` additions for ``analyzer`` (a deep copy, safe to modify)."""
    return {"analyzer": copy.deepcopy(ANALYZERS[resolve_analyzer(analyzer)])}


def field_boosts() -> dict[str, float | None]:
    """:data:`DEFAULT_FIELD_BOOSTS` updated by ``DISCLOSURE_SEARCH_FIELD_BOOSTS``.

    Read on every call (it is a small dict) so that ``override_settings`` in tests and
    a changed setting after a restart are both seen by mapping and queries alike.
    """
    boosts: dict[str, float | None] = dict(DEFAULT_FIELD_BOOSTS)
    overrides = getattr(settings, "DISCLOSURE_SEARCH_FIELD_BOOSTS", None) or {}
    if not isinstance(overrides, Mapping):
        raise ImproperlyConfigured("DISCLOSURE_SEARCH_FIELD_BOOSTS must be a dict of field name → boost.")
    boosts.update(overrides)
    return boosts


def _is_page_model(model: type) -> bool:
    # Imported here: backend modules may be imported before the app registry is ready.
    from wagtail.models import Page

    return isinstance(model, type) and issubclass(model, Page)


def field_boost(model: type, field: SearchField) -> float | None:
    """The boost a search field of ``model`` gets in the mapping and in queries.

    Only page models use the table: an image's or document's title keeps the boost its
    own model gives it, since boosts only matter relative to the same index.
    """
    if _is_page_model(model):
        boosts = field_boosts()
        if field.field_name in boosts and boosts[field.field_name] is not None:
            return float(boosts[field.field_name])  # type: ignore[arg-type]
    return float(field.boost) if field.boost else None
