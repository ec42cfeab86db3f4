"""One line through :class:`ImportLineForm`: every field's error, the accepted spellings, the warnings.

No database: organisations and terms come from memory (``lines.LOOKUPS``).
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from disclosure_pages.catalog.importer import ID_PREFIX, MAX_BODY, ImportLineForm, Lookups, content_key

from .lines import FINANCE, LOOKUPS, MISSING, OFFICE, check, errors, good_line, record, standard_terms


def term_id(dimension: str, full_name: str) -> int:
    (found,) = LOOKUPS.terms[dimension][full_name]
    return found.id


@pytest.mark.parametrize(
    ("fields", "field", "fragment"),
    [
        ({"title": "长" * 256}, "title", "256"),
        ({"title": "  "}, "title", "empty"),
        ({"written": "2024-06-03"}, "written", "after the publication date"),
        ({"written": "2024-13-01"}, "written", "no such date"),
        ({"body": ["第一段"]}, "body", "string"),
        ({"body": None}, "body", "string"),
        ({"doc_number": None}, "doc_number", "string"),
        ({"keywords": 3}, "keywords", "list of strings"),
        ({"keywords": ["a", 1]}, "keywords", "list of strings"),
        ({"keywords": "词" * 201}, "keywords", "too long"),
        ({"summary": "概" * 301}, "summary", "too long"),
        ({"body": "文" * (MAX_BODY + 1)}, "body", "too long"),
        ({"validity": "永久有效"}, "validity", "现行有效"),
        ({"disclosure_mode": "公开"}, "disclosure_mode", "unknown value"),
        ({"classifications": ["通知"]}, "classifications", "object"),
        ({"classifications": {"colour": "红"}}, "classifications.colour", "unknown dimension"),
        ({"classifications": {"topic": "综合政务"}}, "classifications.topic", "second-level"),
        ({"classifications": {"topic": "其他"}}, "classifications.topic", "ambiguous"),
        ({"classifications": {"topic": "综合政务\\统计"}}, "classifications.topic", "no such term"),
        ({"classifications": {"genre": "公告"}}, "classifications.genre", "conflicts"),
        ({"classifications": {"audience": ["公民", 3]}}, "classifications.audience", "list of names"),
        ({"id": True}, "id", "string or an integer"),
        ({"id": "x" * 62}, "id", "too long"),
        ({"publisher": "市财政局"}, "publisher", "安庆市财政局"),  # a short name: the full name is suggested
    ],
)
def test_field_errors(fields: dict[str, Any], field: str, fragment: str) -> None:
    result = check(record(**fields))
    assert f"line 1: {field}: " in errors(result)
    assert fragment in errors(result)
    assert not result.ok and not result.entries


def test_messages_give_the_numbers_and_the_values() -> None:
    """The Chinese wording states what was found and what is allowed."""
    assert str(check(record(title="长" * 256)).errors[0]) == "line 1: title: 标题过长：256 字，最多 255 (too long)"
    assert str(check(record(written="2024-06-03")).errors[0]) == (
        "line 1: written: 成文日期 2024-06-03 晚于发布日期 2024-06-02 (after the publication date)"
    )
    assert str(check(record(published="2024/06/02")).errors[0]) == (
        "line 1: published: 「2024/06/02」不是 YYYY-MM-DD 格式 (expected YYYY-MM-DD)"
    )
    assert str(check(record(publisher="市财政局")).errors[0]) == (
        "line 1: publisher: 未找到发布机构「市财政局」(no organisation with this name or code)"
        "；「市财政局」是简称，请用全称「安庆市财政局」"
    )
    assert str(check(record(body=3)).errors[0]) == "line 1: body: 应为字符串，实为 int (must be a string)"


def test_a_percent_sign_in_a_value_is_shown_as_it_is() -> None:
    """Values reach messages as parameters, never as part of the format."""
    assert "「50%d」" in errors(check(record(genre="50%d")))
    assert "「%(x)s」" in errors(check(record(publisher="%(x)s")))


def test_missing_required_keys_are_errors() -> None:
    message = errors(check({"title": "只有标题"}))
    for name in ("body", "published", "publisher", "genre", "doc_number"):
        assert f"line 1: {name}: 缺少必填字段 (required field missing)" in message


def test_an_over_long_value_is_shown_cut_short() -> None:
    message = errors(check(good_line(publisher="机" * 100_000)))
    assert "line 1: publisher: " in message and "共 100000 字" in message and len(message) < 2_000


def test_nesting_the_parser_accepts_is_checked_like_any_value() -> None:
    nested = b'"doc_number": "", "keywords": ' + b"[" * 500 + b"]" * 500
    deep = good_line(id="deep").replace(b'"doc_number": ""', nested)
    assert "line 1: keywords: " in errors(check(deep))


def test_other_spellings_are_accepted() -> None:
    result = check(
        record(
            classifications={"主题分类": "综合政务 / 应急管理", "体裁分类": "通知", "组配分类": None},
            validity="有效",  # as gov.cn mirrors write it
            doc_number="***国办发〔2019〕26号",  # an unpaired marker
            written="",
            publisher="003-110926",  # a code, with the hyphen of the printed form
            disclosure_mode="依申请公开",
            disclosure_scope="enterprises",
            keywords="信息公开，督查 通知 信息公开",
        )
    )
    assert result.ok, errors(result)
    (entry,) = result.entries
    assert entry.terms == {
        "topic_category": term_id("topic", "综合政务\\应急管理"),
        "genre_category": term_id("genre", "通知"),
    }
    assert (entry.validity, entry.written_date, entry.doc_number) == ("in_force", None, "国办发〔2019〕26号")
    assert (entry.publisher_id, entry.disclosure_mode, entry.disclosure_scope) == (
        OFFICE.pk,
        "on_application",
        "enterprises",
    )
    assert entry.keywords == "信息公开 督查 通知"


def test_a_good_line_becomes_an_entry() -> None:
    result = check(
        record(
            id=2,
            publisher="00311092X",
            written="2024-06-01",
            summary="  概述  ",
            classifications={"服务对象分类": ["公民", "法人", "公民"], "topic": "政务督查"},
        ),
        record(title="没有来源编号的条目", body="第一段。\n\n第二段。"),
    )
    assert result.ok and not result.warnings
    first, second = result.entries
    assert (first.line, first.import_key, first.publisher_id) == (1, ID_PREFIX + "2", FINANCE.pk)
    assert (first.written_date, first.publish_date, first.summary) == (
        datetime.date(2024, 6, 1),
        datetime.date(2024, 6, 2),
        "概述",
    )
    assert first.audience_ids == [term_id("audience", "公民"), term_id("audience", "法人")]
    assert first.terms["topic_category"] == term_id("topic", "综合政务\\政务督查")  # a second-level name alone
    assert second.import_key == content_key(OFFICE.code, "", "没有来源编号的条目", datetime.date(2024, 6, 2))
    assert second.paragraphs == ["第一段。", "第二段。"]


def test_doubts_are_warnings_and_the_entry_stays() -> None:
    lookups = Lookups([OFFICE], standard_terms(inactive=frozenset({"通知"})))
    result = check(record(source_url="http://example.gov.cn/1", body=" \n "), lookups=lookups)
    assert result.ok and len(result.entries) == 1
    assert [str(w) for w in result.warnings] == [
        "line 1: source_url: 未知字段，已忽略 (unknown field, ignored)",
        "line 1: body: 正文为空 (empty body)",
        "line 1: genre: 分类「通知」已停用 (term is inactive)",
    ]


def test_the_form_alone_needs_no_file() -> None:
    form = ImportLineForm(record(title="  标题  ", doc_number=MISSING), lookups=LOOKUPS, line=7)
    assert form.entry() is None
    assert [str(p) for p in form.problems()] == ["line 7: doc_number: 缺少必填字段 (required field missing)"]
    assert form.cleaned_data["title"] == "标题"
