"""Load the standard classification terms (carried in standard_terms.json) into the database.

Used by a data migration and by ``load_demo``; safe to run again (existing terms are kept).
"""

from __future__ import annotations

import json
from pathlib import Path

STANDARD_TERMS_FILE = Path(__file__).with_name("standard_terms.json")

# dimension -> key of its list in standard_terms.json
DIMENSION_SOURCES = {
    "assembled": "assembled_classification_组配分类",
    "genre": "genre_体裁分类",
    "audience": "audience_服务对象分类",
    "lifecycle": "lifecycle_生命周期分类",
    "format": "format_信息格式分类",
}
TOPIC_SOURCE = "topic_classification_主题分类"


def load_standard_terms(term_model) -> int:
    """Create missing standard terms with ``term_model`` (a historical model is fine)."""
    data = json.loads(STANDARD_TERMS_FILE.read_text("utf-8"))
    created = 0

    def ensure(dimension: str, name: str, order: int, code: str = "", parent=None):
        nonlocal created
        term, was_created = term_model.objects.get_or_create(
            dimension=dimension,
            name=name,
            parent=parent,
            defaults={"sort_order": order, "code": code, "is_standard": True},
        )
        created += was_created
        return term

    for dimension, key in DIMENSION_SOURCES.items():
        for order, name in enumerate(data[key]["terms"], start=1):
            ensure(dimension, name, order, f"{order:02d}")
    for order, topic in enumerate(data[TOPIC_SOURCE], start=1):
        parent = ensure("topic", topic["label"], order, topic["code"])
        for child_order, child in enumerate(topic.get("children", []), start=1):
            ensure("topic", child, child_order, f"{topic['code']}{child_order:02d}", parent)
    return created
