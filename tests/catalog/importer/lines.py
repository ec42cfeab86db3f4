"""Import lines for the tests, and the organisations and terms they name, kept in memory.

``LOOKUPS`` holds the standard terms (read from the same JSON file the data migration
loads) and two organisations, as unsaved objects: checking a line needs no database.
"""

from __future__ import annotations

import io
import itertools
import json
from pathlib import Path
from typing import Any

from disclosure_pages.catalog.importer import Lookups, Validation, validate_lines
from disclosure_pages.models import ClassificationTerm, Organisation
from disclosure_pages.taxonomy.standard_terms import DIMENSION_SOURCES, STANDARD_TERMS_FILE, TOPIC_SOURCE

MISSING = object()

OFFICE = Organisation(pk=1, name="安庆市人民政府办公室", code="003110926")
FINANCE = Organisation(pk=2, name="安庆市财政局", short_name="市财政局", code="00311092X")


def standard_terms(inactive: frozenset[str] = frozenset()) -> list[ClassificationTerm]:
    """The standard terms as unsaved objects with ids; names in ``inactive`` are switched off."""
    data = json.loads(STANDARD_TERMS_FILE.read_text("utf-8"))
    ids = itertools.count(1)
    terms = []

    def term(dimension: str, name: str, parent: ClassificationTerm | None = None) -> ClassificationTerm:
        made = ClassificationTerm(
            pk=next(ids),
            dimension=dimension,
            name=name,
            parent_id=parent.pk if parent else None,
            is_active=name not in inactive,
        )
        terms.append(made)
        return made

    for dimension, key in DIMENSION_SOURCES.items():
        for name in data[key]["terms"]:
            term(dimension, name)
    for topic in data[TOPIC_SOURCE]:
        parent = term("topic", topic["label"])
        for child in topic.get("children", []):
            term("topic", child, parent)
    return terms


LOOKUPS = Lookups([OFFICE, FINANCE], standard_terms())


def record(**fields: Any) -> dict[str, Any]:
    """A valid line; override or add fields with keyword arguments (MISSING removes a key)."""
    data: dict[str, Any] = {
        "title": "关于做好政府信息公开工作的通知",
        "body": "各县（市、区）人民政府：\n现将有关事项通知如下。",
        "published": "2024-06-02",
        "publisher": "安庆市人民政府办公室",
        "genre": "通知",
        "doc_number": "",
    }
    data.update(fields)
    return {k: v for k, v in data.items() if v is not MISSING}


def good_line(**fields: Any) -> bytes:
    """A valid line, ASCII-escaped the way many exporters write it (so \\ud800 stays an escape)."""
    return json.dumps(record(**fields), ensure_ascii=True).encode()


def jsonl(*lines: dict[str, Any] | str) -> str:
    """JSON Lines text; dicts are dumped, strings kept as they are (for broken lines)."""
    return "\n".join(line if isinstance(line, str) else json.dumps(line, ensure_ascii=False) for line in lines) + "\n"


def write_jsonl(tmp_path: Path, *lines: dict[str, Any] | str, name: str = "entries.jsonl", bom: bool = False) -> Path:
    path = tmp_path / name
    path.write_bytes(("\ufeff" if bom else "").encode() + jsonl(*lines).encode("utf-8"))
    return path


def raw_file(tmp_path: Path, *lines: bytes, name: str = "raw.jsonl") -> Path:
    """A file of raw lines, for bytes that json.dumps would never produce."""
    path = tmp_path / name
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def check(*lines: dict[str, Any] | str | bytes, lookups: Lookups = LOOKUPS) -> Validation:
    """Validate lines as the command reads a file (a binary stream), against ``lookups`` only."""
    raw = b"".join(line if isinstance(line, bytes) else jsonl(line).encode() for line in _with_newlines(lines))
    return validate_lines(io.BytesIO(raw), lookups, against_database=False)


def _with_newlines(lines: tuple[dict[str, Any] | str | bytes, ...]) -> list[dict[str, Any] | str | bytes]:
    return [line + b"\n" if isinstance(line, bytes) else line for line in lines]


def errors(result: Validation) -> str:
    """All errors, one ``line N: field: message`` a line, as the command lists them."""
    return "\n".join(map(str, result.errors))
