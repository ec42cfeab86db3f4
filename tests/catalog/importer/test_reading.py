"""Hostile lines: each is a line error, never a crash, and the lines after it are still read.

Read from a binary stream as the command reads a file; no database. That the command
then writes nothing is shown in test_command.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from disclosure_pages.catalog.importer import MAX_LINE_BYTES, validate_lines

from .lines import LOOKUPS, check, errors, good_line, raw_file, record


@pytest.mark.parametrize("line", [b"[1, 2]", b'"text"', b"42", b"null", b"true", b"1" * 5000])
def test_a_line_that_is_not_an_object_is_an_error(line: bytes) -> None:
    result = check(good_line(id="ok"), line)
    assert "line 2: json: " in errors(result)
    assert [e.line for e in result.entries] == [1]


@pytest.mark.parametrize("line", ["[1, 2]", '"text"', "42", "null"])
def test_a_first_line_that_is_not_an_object_is_an_error(line: str) -> None:
    assert "line 1: json: " in errors(check(line))


def test_invalid_utf8_is_an_error_with_its_line() -> None:
    result = check(json.dumps(record()).encode(), '{"title": "caf\xe9"}'.encode("latin-1"))
    assert "line 2: json: " in errors(result)


def test_invalid_utf8_inside_a_value_is_a_line_error() -> None:
    broken = good_line(id="2", title="TITLE").replace(b"TITLE", b"\xe5\x85")  # a cut-off 3-byte character
    message = errors(check(good_line(id="1"), broken, b"\xff\xfe{}"))
    assert "line 2: json: " in message and "not UTF-8" in message
    assert "line 3: json: " in message


@pytest.mark.parametrize(
    ("line", "field"),
    [
        (good_line(title="\ud800"), "title"),
        (good_line(body="正文\udfff正文"), "body"),
        (good_line(classifications={"topic": ["\ud83d"]}), "classifications"),
        (good_line(**{"note\ud800": "x"}), "note\\ud800"),  # in a key: shown escaped
    ],
)
def test_a_lone_surrogate_is_a_line_error(line: bytes, field: str) -> None:
    message = errors(check(good_line(id="ok"), line))
    assert f"line 2: {field}: " in message and "lone surrogate" in message
    message.encode("utf-8")  # the message itself can be printed


@pytest.mark.parametrize(
    "line",
    [
        b"[" * 100_000,
        b'{"title": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        b'{"title": ' + b'{"a":' * 50_000 + b"1" + b"}" * 50_001,
    ],
)
def test_deep_nesting_is_a_line_error(line: bytes) -> None:
    message = errors(check(good_line(id="ok"), line, b"{"))
    assert "line 2: json: " in message and "nested too deeply" in message
    assert "line 3: json: " in message  # the lines after it are still read and numbered


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"id": "a\x00b"}, "id"),  # PostgreSQL refuses NUL; SQLite stored it before
        ({"title": "标题\x00"}, "title"),
        ({"body": "\x00"}, "body"),
        ({"publisher": "安庆市人民政府办公室\x00"}, "publisher"),
        ({"keywords": ["词", "\x00"]}, "keywords"),
    ],
)
def test_a_nul_character_is_a_line_error(fields: dict[str, str], field: str) -> None:
    message = errors(check(good_line(id="ok"), good_line(**{"id": "nul", **fields})))
    assert f"line 2: {field}: " in message and "NUL" in message


def test_a_bom_is_only_allowed_at_the_start_of_the_file() -> None:
    result = check("\ufeff".encode() + good_line(id="1"), "\ufeff".encode() + good_line(id="2"))
    assert "line 2: json: " in errors(result) and "line 1:" not in errors(result)
    assert [e.import_key for e in result.entries] == ["id:1"]


def test_an_over_long_line_is_a_line_error_and_is_not_read_whole(tmp_path: Path) -> None:
    huge = good_line(id="huge", body="a" * MAX_LINE_BYTES)  # valid JSON: imported before the bound
    with raw_file(tmp_path, good_line(id="1"), huge, b"{").open("rb") as stream:
        message = errors(validate_lines(stream, LOOKUPS, against_database=False))
    assert "line 2: json: " in message and f"{len(huge)} bytes" in message and "too long" in message
    assert "line 3: json: " in message
    # A line of exactly the limit is read (and then judged on its fields).
    edge = good_line(id="edge", body="")
    edge = edge.replace(b'"body": ""', b'"body": "' + b"a" * (MAX_LINE_BYTES - len(edge)) + b'"')
    assert len(edge) == MAX_LINE_BYTES
    with raw_file(tmp_path, edge, name="edge.jsonl").open("rb") as stream:
        assert "line 1: body: " in errors(validate_lines(stream, LOOKUPS, against_database=False))
