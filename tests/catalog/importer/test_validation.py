"""A whole file: what only several lines show, the cost per line, and no line that crashes it."""

from __future__ import annotations

import io
import json
from contextlib import closing
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_pages.catalog.importer import KNOWN_FIELDS, EntrySpool, Lookups, Problem, validate_lines
from disclosure_pages.models import ClassificationTerm, Organisation

from .lines import FINANCE, LOOKUPS, OFFICE, check, errors, jsonl, record

# --- the same entry twice, one organ's 文号 under two ids ------------------------------------------


def test_duplicate_ids_in_one_file_are_errors() -> None:
    result = check(record(id="7", title="甲"), record(id="7", title="乙"), record(id=7, title="丙"))
    message = errors(result)
    assert "line 2: id: " in message and "line 3: id: " in message and "line 1" in message
    assert "与第 1 行重复：id 重复 (duplicate of line 1)" in message
    assert [e.line for e in result.entries] == [1]


def test_duplicate_content_in_one_file_is_an_error() -> None:
    message = errors(check(record(), record(body="另一个正文")))
    assert "line 2: title: 与第 1 行重复：发布机构、文号、标题、发布日期均相同 (duplicate of line 1)" in message


def test_same_organ_and_doc_number_under_two_ids_in_one_file() -> None:
    result = check(
        record(id="a", title="甲", doc_number="国办发[2019]26号"),
        record(id="b", title="乙", doc_number="国办发〔2019〕26号"),  # the same 文号, normalised
        record(title="丙", doc_number="国办发【2019】26號"),  # and once without an id
    )
    message = errors(result)
    assert "line 2: doc_number: " in message and "line 3: doc_number: " in message
    assert "line 1" in message and "under another id" in message
    assert [e.line for e in result.entries] == [1]


def test_empty_doc_numbers_and_other_organs_never_clash() -> None:
    result = check(
        record(id="a", title="甲", doc_number=""),
        record(id="b", title="乙", doc_number=""),
        record(id="c", title="丙", doc_number="宜政发〔2008〕19号"),
        record(id="d", title="丁", doc_number="宜政发〔2008〕19号", publisher=FINANCE.code),
    )
    assert result.ok and len(result.entries) == 4


def test_checking_without_keeping_the_entries_finds_the_same() -> None:
    """A large file is checked keeping only counts; the checks across lines and batches still hold."""
    lines = [record(id=str(n), title=f"通知{n}", doc_number=f"宜政发〔2008〕{n}号") for n in range(1200)]
    lines[700] = record(id="x700", title="另一份", doc_number="宜政发〔2008〕2号")  # line 3's 文号, another id
    lines[1100] = record(id="5", title="重复")  # line 6's id
    raw = jsonl(*lines).encode()

    def late_check(batch: list) -> list[Problem]:
        return [Problem(e.line, "title", "checked") for e in batch if e.line == 1000]

    kept = validate_lines(io.BytesIO(raw), LOOKUPS, against_database=False, checks=[late_check])
    with closing(EntrySpool()) as spool:
        counted = validate_lines(
            io.BytesIO(raw), LOOKUPS, against_database=False, keep_entries=False, checks=[late_check], spool=spool
        )
        assert [str(p) for p in counted.errors] == [str(p) for p in kept.errors]
        assert [p.line for p in counted.errors] == [701, 1000, 1101]
        assert counted.entries == [] and counted.valid == len(kept.entries) == 1198
        # The spool holds each checked entry, equal to the one kept in memory, in order
        # (line 1000 passed its own checks; the batch check's error is the caller's to act on).
        assert spool.count == 1198 and list(spool) == kept.entries


# --- cost --------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_lines_cost_no_queries_of_their_own(org) -> None:
    """Organisations and terms are read once per file, not once per line."""

    def queries(count: int) -> int:
        lines = [
            json.dumps(record(id=str(n), doc_number=f"宜政发〔2008〕{n}号"), ensure_ascii=False) for n in range(count)
        ]
        with CaptureQueriesContext(connection) as captured:
            assert validate_lines(lines).ok
        return len(captured)

    assert queries(1) == queries(200)


# --- property: no line crashes the validator -------------------------------------------------------


def _offline_lookups() -> Lookups:
    """One organisation and one term, as unsaved objects."""
    terms = [ClassificationTerm(pk=1, dimension="genre", name="通知", parent_id=None, is_active=True)]
    return Lookups([Organisation(pk=OFFICE.pk, name=OFFICE.name, code=OFFICE.code)], terms)


# Text with surrogates and control characters, which st.text() leaves out by default.
_TEXT = st.text(st.characters(categories=["Cs", "Cc", "L", "N", "P", "Zs"]), max_size=30) | st.text()
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | _TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=4),
    max_leaves=12,
)
_FIELDS = st.sampled_from(sorted(KNOWN_FIELDS) + ["other"])
_OBJECTS = st.dictionaries(_FIELDS | _TEXT, _JSON, max_size=10).map(lambda d: {**record(), **d})


def _assert_validates(lines: list[bytes | str]) -> None:
    result = validate_lines(lines, _offline_lookups(), against_database=False)
    for problem in result.errors + result.warnings:
        str(problem).encode("utf-8")  # every message can be printed
    for entry in result.entries:
        for value in (
            entry.title,
            entry.doc_number,
            entry.summary,
            entry.keywords,
            entry.import_key,
            *entry.paragraphs,
        ):
            value.encode("utf-8")
            assert "\x00" not in value


@pytest.mark.slow  # Hypothesis spends most of it drawing nested objects
@settings(max_examples=200, deadline=None)
@given(st.lists(_OBJECTS, max_size=3), st.booleans())
def test_any_object_line_is_validated_without_crashing(objects: list[dict[str, Any]], ascii_only: bool) -> None:
    _assert_validates([json.dumps(o, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass") for o in objects])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.binary(max_size=200) | _TEXT, max_size=4))
def test_any_text_or_bytes_line_is_validated_without_crashing(lines: list[bytes | str]) -> None:
    _assert_validates(lines)
