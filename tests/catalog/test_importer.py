"""``manage.py import_disclosure``: validation (all or nothing), writing, re-import, publishing."""

from __future__ import annotations

import datetime
import io
import json
import time
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from disclosure_pages.catalog.importer import ID_PREFIX, KNOWN_FIELDS, MAX_BODY, Lookups, content_key, validate_lines
from disclosure_pages.models import (
    CatalogEntryPage,
    CatalogIndexPage,
    ClassificationTerm,
    IndexNumberSequence,
    Organisation,
)
from tests import factories

pytestmark = pytest.mark.django_db


# --- helpers --------------------------------------------------------------------------------


MISSING = object()


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


def write_jsonl(tmp_path: Path, *lines: dict[str, Any] | str, name: str = "entries.jsonl", bom: bool = False) -> Path:
    """A JSON Lines file; dicts are dumped, strings written as they are (for broken lines)."""
    text = "\n".join(line if isinstance(line, str) else json.dumps(line, ensure_ascii=False) for line in lines)
    path = tmp_path / name
    path.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8") + b"\n")
    return path


def run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_disclosure", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def run_error(*args: str) -> str:
    with pytest.raises(CommandError) as info:
        run(*args)
    return str(info.value)


def entries() -> list[CatalogEntryPage]:
    return list(CatalogEntryPage.objects.order_by("pk"))


def snapshot() -> tuple[int, int, int, int]:
    from wagtail.models import Page, Revision

    from disclosure_pages.models import ConfidentialityReview

    return (
        Page.objects.count(),
        Revision.objects.count(),
        IndexNumberSequence.objects.count(),
        ConfidentialityReview.objects.count(),
    )


def term(dimension: str, name: str) -> ClassificationTerm:
    return ClassificationTerm.objects.get(dimension=dimension, name=name)


@pytest.fixture
def reviewer(django_user_model):
    """A confidentiality reviewer (保密审查员, the group of the default 保密审查 task)."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("reviewer", "reviewer@example.gov.cn", "pw-for-tests-only")
    user.groups.add(Group.objects.get(name="保密审查员"))
    return user


@pytest.fixture
def good_file(tmp_path: Path, catalog, org) -> Path:
    return write_good_file(tmp_path, second_mode="依申请公开")


@pytest.fixture
def publishable_file(tmp_path: Path, catalog, org) -> Path:
    """The good file with every entry 主动公开, so that all of it may be published."""
    return write_good_file(tmp_path, second_mode="主动公开")


def write_good_file(tmp_path: Path, second_mode: str) -> Path:
    Organisation.objects.create(name="安庆市财政局", short_name="市财政局", code="00311092X")
    return write_jsonl(
        tmp_path,
        record(
            id="A-1",
            title="安庆市人民政府信息公开指南和信息公开目录编制工作方案",
            doc_number="宜政办秘[2008]8号",
            published="2008-03-05",
            written="2008-03-01",
            classifications={"topic": "综合政务\\政务公开", "audience": ["公民", "法人"], "assembled": "决策"},
            keywords=["政府信息公开", "目录"],
            validity="已废止",
            summary="明确了编制原则、主体、内容。",
        ),
        record(
            id=2,
            title="关于进一步推进政府信息公开工作的通知",
            doc_number="宜政发〔2008〕19号",
            published="2008-06-01",
            publisher="00311092X",  # by code
            classifications={"主题分类": "政务督查", "服务对象分类": "行政机关", "信息格式分类": "HTML"},
            keywords="信息公开，督查 通知",
            validity="repealed",
            disclosure_mode=second_mode,
            disclosure_scope="enterprises",
        ),
        "",  # blank lines are ignored
        record(title="没有来源编号的条目", body="第一段。\n\n第二段。\n第三段。"),
    )


# --- a good file -------------------------------------------------------------------------------


def test_good_file_creates_drafts(good_file: Path, catalog) -> None:
    out, err = run("--format", "jsonl", str(good_file))

    assert "created 3, skipped 0 (already imported)" in out
    assert err == ""
    first, second, third = entries()
    assert {p.get_parent().pk for p in (first, second, third)} == {catalog.pk}
    for page in (first, second, third):
        assert not page.live and page.has_unpublished_changes
        assert page.latest_revision is not None
        assert page.index_number is None
        assert page.slug.startswith("entry-") and len(page.slug) == len("entry-") + 12

    assert first.import_key == ID_PREFIX + "A-1"
    assert first.doc_number == "宜政办秘[2008]8号"  # as written
    assert first.doc_number_normalised == "宜政办秘〔2008〕8号"
    assert first.written_date == datetime.date(2008, 3, 1)
    assert first.publish_date == datetime.date(2008, 3, 5)
    assert first.publisher.name == "安庆市人民政府办公室"
    assert first.topic_category == term("topic", "政务公开")
    assert first.assembled_category == term("assembled", "决策")
    assert first.genre_category == term("genre", "通知")
    assert set(first.audience_categories.values_list("name", flat=True)) == {"公民", "法人"}
    assert first.keywords == "政府信息公开 目录"
    assert first.validity == "repealed"
    assert first.summary == "明确了编制原则、主体、内容。"

    assert second.import_key == "id:2"
    assert second.publisher.code == "00311092X"
    assert second.topic_category.full_name == "综合政务\\政务督查"  # second-level name alone
    assert second.format_category == term("format", "HTML")
    assert list(second.audience_categories.values_list("name", flat=True)) == ["行政机关"]
    assert second.keywords == "信息公开 督查 通知"
    assert (second.disclosure_mode, second.disclosure_scope) == ("on_application", "enterprises")

    org = Organisation.objects.get(code="003110926")
    assert third.import_key == content_key(org.code, "", "没有来源编号的条目", datetime.date(2024, 6, 2))
    assert [(b.block_type, b.value.source) for b in third.body] == [
        ("paragraph", "<p>第一段。</p>"),
        ("paragraph", "<p>第二段。</p>"),
        ("paragraph", "<p>第三段。</p>"),
    ]


def test_reimporting_the_same_file_creates_nothing(good_file: Path) -> None:
    run(str(good_file))
    before = snapshot()
    out, _ = run(str(good_file))
    assert "created 0, skipped 3 (already imported)" in out
    assert snapshot() == before


def test_entries_without_id_are_recognised_by_content(tmp_path: Path, catalog, org) -> None:
    run(str(write_jsonl(tmp_path, record(doc_number="国办发【2019】9号"))))
    # Same publisher (by code now), same 文号 in another bracket style, same title and date.
    again = write_jsonl(tmp_path, record(publisher="003110926", doc_number="国办发〔2019〕9号"), name="again.jsonl")
    out, _ = run(str(again))
    assert "created 0, skipped 1" in out
    assert CatalogEntryPage.objects.get().doc_number == "国办发【2019】9号"


def test_other_spellings_are_accepted(tmp_path: Path, catalog, org) -> None:
    path = write_jsonl(
        tmp_path,
        record(
            classifications={"主题分类": "综合政务 / 应急管理", "体裁分类": "通知", "组配分类": None},
            validity="有效",  # as gov.cn mirrors write it
            doc_number="***国办发〔2019〕26号",  # an unpaired marker
            written="",
        ),
    )
    run(str(path))
    page = CatalogEntryPage.objects.get()
    assert page.topic_category.full_name == "综合政务\\应急管理"
    assert page.validity == "in_force" and page.written_date is None
    assert page.doc_number == "国办发〔2019〕26号"


def test_progress_bar_only_on_request(good_file: Path) -> None:
    out, err = run(str(good_file), "--progress")
    assert "3/3" in err and "created 3" in out


def test_body_is_escaped(tmp_path: Path, catalog, org) -> None:
    run(str(write_jsonl(tmp_path, record(body="<script>alert(1)</script> & 《条例》"))))
    (block,) = CatalogEntryPage.objects.get().body
    assert block.value.source == "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; 《条例》</p>"


def test_seed_noise_is_cleaned_before_storing(tmp_path: Path, catalog, org) -> None:
    body = (
        "美章网 资料文库 政府信息公開(kāi)工作匯報(bào)\n\n"
        "政府信息公開(kāi)工作匯報(bào)\n\n"
        "時(shí)間:2022-09-28 10:55:00\n\n"
        "導(dǎo)語(yǔ):本文來源于網友上傳,不代表本站觀點,歡迎參考。\n\n"
        "根據***国办发〔2019〕26號***文件,現將政府信息公開(kāi)工作匯報(bào)如下。\n\n"
        "被举报文档标题:政府信息公開工作匯報\n\n举报类型:\n\n侵权\n\n验证码:\n\n点击换图\n\n举报理由:\n   (必填)"
    )
    path = write_jsonl(
        tmp_path, record(title="政府信息公開(kāi)工作匯報(bào)", body=body, doc_number="***国办发〔2019〕26號***")
    )
    run(str(path))
    page = CatalogEntryPage.objects.get()
    assert page.title == "政府信息公開工作匯報"
    assert page.doc_number == "国办发〔2019〕26號"
    assert page.doc_number_normalised == "国办发〔2019〕26号"
    assert [b.value.source for b in page.body] == [
        "<p>政府信息公開工作匯報</p>",
        "<p>根據国办发〔2019〕26號文件,現將政府信息公開工作匯報如下。</p>",
    ]


def test_bom_and_unknown_fields(tmp_path: Path, catalog, org) -> None:
    path = write_jsonl(tmp_path, record(source_url="http://example.gov.cn/1"), bom=True)
    out, err = run(str(path))
    assert "created 1" in out
    assert "line 1: source_url: " in err and "unknown field" in err


# --- publishing ----------------------------------------------------------------------------------


def test_publish_with_reviewer_creates_live_entries_with_index_numbers(publishable_file: Path, reviewer) -> None:
    out, _ = run(str(publishable_file), "--publish", "--reviewed-by", "reviewer")
    assert "created 3, skipped 0" in out
    pages = entries()
    assert all(p.live and not p.has_unpublished_changes for p in pages)
    numbers = {p.title: p.index_number for p in pages}
    assert numbers["安庆市人民政府信息公开指南和信息公开目录编制工作方案"] == "003110926/2008-00001"
    assert numbers["没有来源编号的条目"] == "003110926/2024-00001"
    assert numbers["关于进一步推进政府信息公开工作的通知"] == "00311092X/2008-00001"
    assert all(p.live_revision.user == reviewer for p in pages)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--publish", "--reviewed-by", "nobody"], "nobody"),
        (["--publish"], "--reviewed-by"),
        (["--reviewed-by", "reviewer"], "--publish"),
    ],
)
def test_publish_needs_an_existing_active_reviewer(good_file: Path, reviewer, args: list[str], message: str) -> None:
    before = snapshot()
    assert message in run_error(str(good_file), *args)
    assert snapshot() == before


@pytest.mark.parametrize("groups", [[], ["Moderators"], ["信息编辑"]])
def test_a_user_who_is_not_a_confidentiality_reviewer_is_refused(good_file: Path, django_user_model, groups) -> None:
    from django.contrib.auth.models import Group

    clerk = django_user_model.objects.create_user("clerk", "clerk@example.gov.cn", "pw-for-tests-only")
    clerk.groups.add(*Group.objects.filter(name__in=groups))
    before = snapshot()
    assert "not a confidentiality reviewer" in run_error(str(good_file), "--publish", "--reviewed-by", "clerk")
    assert snapshot() == before


def test_superuser_is_not_a_reviewer_by_default(good_file: Path, superuser) -> None:
    assert "not a confidentiality reviewer" in run_error(str(good_file), "--publish", "--reviewed-by", "admin")


def test_entries_not_proactively_disclosed_cannot_be_published(good_file: Path, reviewer) -> None:
    before = snapshot()
    message = run_error(str(good_file), "--publish", "--reviewed-by", "reviewer")
    assert "line 2: disclosure_mode:" in message and "nothing was imported" in message
    assert snapshot() == before


def test_published_entries_carry_the_reviewers_record(publishable_file: Path, reviewer) -> None:
    from disclosure_pages.models import ConfidentialityReview

    call_command("import_disclosure", str(publishable_file), "--publish", "--reviewed-by", "reviewer", stdout=io.StringIO())
    live = CatalogEntryPage.objects.live()
    assert live.exists()
    reviews = ConfidentialityReview.objects.filter(page_id__in=live.values("pk"))
    assert reviews.count() == live.count()
    assert {r.reviewer_id for r in reviews} == {reviewer.pk}
    assert {r.source for r in reviews} == {"import"}


def test_inactive_reviewer_is_refused(good_file: Path, reviewer) -> None:
    reviewer.is_active = False
    reviewer.save()
    before = snapshot()
    assert "not active" in run_error(str(good_file), "--publish", "--reviewed-by", "reviewer")
    assert snapshot() == before


# --- errors: all or nothing ---------------------------------------------------------------------------


def test_bad_file_lists_every_error_and_writes_nothing(tmp_path: Path, catalog, org, reviewer) -> None:
    path = write_jsonl(
        tmp_path,
        record(id="ok-1"),
        '{"title": "坏的 JSON", "body": }',
        record(id="3", title=MISSING),
        record(id="4", published="2023-02-30"),
        record(id="5", publisher="不存在的机构"),
        record(id="6", genre="小说"),
        record(id="7", published="2024/06/02"),
    )
    before = snapshot()
    message = run_error(str(path), "--publish", "--reviewed-by", "reviewer")
    assert snapshot() == before
    assert "6 error(s)" in message and "nothing was imported" in message
    lines = message.splitlines()
    for expected in (
        "line 2: json: ",
        "line 3: title: ",
        "line 4: published: ",
        "line 5: publisher: ",
        "line 6: genre: ",
        "line 7: published: ",
    ):
        assert any(line.startswith(expected) for line in lines), expected
    assert "2023-02-30" in message and "不存在的机构" in message and "小说" in message
    assert not any(line.startswith("line 1:") for line in lines)


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
def test_field_errors(tmp_path: Path, catalog, org, fields: dict[str, Any], field: str, fragment: str) -> None:
    Organisation.objects.create(name="安庆市财政局", short_name="市财政局", code="00311092X")
    message = run_error(str(write_jsonl(tmp_path, record(**fields))))
    assert f"line 1: {field}: " in message
    assert fragment in message
    assert CatalogEntryPage.objects.count() == 0


def test_missing_required_keys_are_errors(tmp_path: Path, catalog, org) -> None:
    message = run_error(str(write_jsonl(tmp_path, {"title": "只有标题"})))
    for name in ("body", "published", "publisher", "genre", "doc_number"):
        assert f"line 1: {name}: " in message and "required" in message


@pytest.mark.parametrize("line", ["[1, 2]", '"text"', "42", "null"])
def test_non_object_lines_are_errors(tmp_path: Path, catalog, org, line: str) -> None:
    assert "line 1: json: " in run_error(str(write_jsonl(tmp_path, line)))


def test_invalid_utf8_is_an_error_with_its_line(tmp_path: Path, catalog, org) -> None:
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(json.dumps(record()).encode() + b"\n" + '{"title": "caf\xe9"}'.encode("latin-1") + b"\n")
    assert "line 2: json: " in run_error(str(path))


def test_duplicate_ids_in_one_file_are_errors(tmp_path: Path, catalog, org) -> None:
    path = write_jsonl(tmp_path, record(id="7", title="甲"), record(id="7", title="乙"), record(id=7, title="丙"))
    message = run_error(str(path))
    assert "line 2: id: " in message and "line 3: id: " in message and "line 1" in message
    assert CatalogEntryPage.objects.count() == 0


def test_duplicate_content_in_one_file_is_an_error(tmp_path: Path, catalog, org) -> None:
    message = run_error(str(write_jsonl(tmp_path, record(), record(body="另一个正文"))))
    assert "line 2: title: " in message


def test_error_list_is_capped(tmp_path: Path, catalog, org) -> None:
    path = write_jsonl(tmp_path, *["{"] * 60)
    message = run_error(str(path))
    assert "60 error(s)" in message
    assert "line 50: json" in message and "line 51: json" not in message
    assert "… and 10 more" in message


def test_unreadable_file(tmp_path: Path, catalog) -> None:
    assert "cannot read" in run_error(str(tmp_path / "missing.jsonl"))


# --- dry run, catalogs ------------------------------------------------------------------------------


def test_dry_run_writes_nothing(publishable_file: Path, reviewer) -> None:
    before = snapshot()
    out, _ = run(str(publishable_file), "--dry-run", "--publish", "--reviewed-by", "reviewer", "--verbosity", "2")
    assert "would create 3, skip 0" in out and "nothing was written" in out
    assert "line 1: create: 安庆市人民政府信息公开指南和信息公开目录编制工作方案" in out
    assert snapshot() == before


def test_dry_run_reports_entries_already_imported(good_file: Path) -> None:
    run(str(good_file))
    out, _ = run(str(good_file), "--dry-run")
    assert "would create 0, skip 3" in out


def test_dry_run_still_reports_errors(tmp_path: Path, catalog, org) -> None:
    assert "line 1: genre: " in run_error(str(write_jsonl(tmp_path, record(genre="小说"))), "--dry-run")


def test_several_catalogs_need_catalog_option(good_file: Path, catalog) -> None:
    other_portal = factories.portal()
    other = factories.section(other_portal, CatalogIndexPage)
    assert "--catalog" in run_error(str(good_file))
    out, _ = run(str(good_file), "--catalog", str(other.pk))
    assert "created 3" in out
    assert {p.get_parent().pk for p in entries()} == {other.pk}
    # By URL path (as the public sees it, or Wagtail's url_path): re-import skips them all.
    out, _ = run(str(good_file), "--catalog", other.url)
    assert "created 0, skipped 3" in out
    assert "no CatalogIndexPage" in run_error(str(good_file), "--catalog", "/no/such/catalog/")


def test_no_catalog_is_an_error(tmp_path: Path, org) -> None:
    assert "no CatalogIndexPage" in run_error(str(write_jsonl(tmp_path, record())))


# --- validation speed ------------------------------------------------------------------------------


def test_validating_ten_thousand_lines_takes_seconds(catalog, org) -> None:
    body = "各县（市、区）人民政府，市政府各部门：\n" + "现将有关事项通知如下，请认真贯彻执行。" * 20
    lines = [
        json.dumps(
            record(
                id=f"gen-{n}",
                title=f"关于做好政府信息公开工作的通知（{n}）",
                body=body,
                doc_number=f"宜政办秘[2008]{n}号",
                classifications={"topic": "综合政务\\政务公开", "audience": ["公民"]},
                keywords=["政务公开"],
            ),
            ensure_ascii=False,
        )
        for n in range(10_000)
    ]
    lookups = Lookups.from_database()
    start = time.perf_counter()
    result = validate_lines(lines, lookups)
    elapsed = time.perf_counter() - start
    assert result.ok and len(result.entries) == 10_000
    assert elapsed < 30, f"validating 10,000 lines took {elapsed:.1f}s"


# --- hostile lines: each is a line error, never a crash; nothing is written ----------------------


def raw_file(tmp_path: Path, *lines: bytes) -> Path:
    """A file of raw lines, for bytes that json.dumps would never produce."""
    path = tmp_path / "raw.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def good_line(**fields: Any) -> bytes:
    """A valid line, ASCII-escaped the way many exporters write it (so \\ud800 stays an escape)."""
    return json.dumps(record(**fields), ensure_ascii=True).encode()


def refused(path: Path) -> str:
    """The command's error for ``path``, after checking that not a single page was written."""
    from wagtail.models import Page

    before = Page.objects.count()
    message = run_error(str(path))
    assert Page.objects.count() == before
    assert "nothing was imported" in message
    return message


@pytest.mark.parametrize(
    ("line", "field"),
    [
        (good_line(title="\ud800"), "title"),
        (good_line(body="正文\udfff正文"), "body"),
        (good_line(classifications={"topic": ["\ud83d"]}), "classifications"),
        (good_line(**{"note\ud800": "x"}), "note\\ud800"),  # in a key: shown escaped
    ],
)
def test_a_lone_surrogate_is_a_line_error(tmp_path: Path, catalog, org, line: bytes, field: str) -> None:
    message = refused(raw_file(tmp_path, good_line(id="ok"), line))
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
def test_deep_nesting_is_a_line_error(tmp_path: Path, catalog, org, line: bytes) -> None:
    message = refused(raw_file(tmp_path, good_line(id="ok"), line, b"{"))
    assert "line 2: json: " in message and "nested too deeply" in message
    assert "line 3: json: " in message  # the lines after it are still read and numbered


def test_nesting_the_parser_accepts_is_checked_like_any_value(tmp_path: Path, catalog, org) -> None:
    deep = good_line(id="deep").replace(b'"doc_number": ""', b'"doc_number": ""' + b', "keywords": ' + b"[" * 500 + b"]" * 500)
    message = refused(raw_file(tmp_path, deep))
    assert "line 1: keywords: " in message


def test_invalid_utf8_inside_a_value_is_a_line_error(tmp_path: Path, catalog, org) -> None:
    broken = good_line(id="2", title="TITLE").replace(b"TITLE", b"\xe5\x85")  # a cut-off 3-byte character
    message = refused(raw_file(tmp_path, good_line(id="1"), broken, b"\xff\xfe{}"))
    assert "line 2: json: " in message and "not UTF-8" in message
    assert "line 3: json: " in message


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
def test_a_nul_character_is_a_line_error(tmp_path: Path, catalog, org, fields: dict[str, Any], field: str) -> None:
    message = refused(raw_file(tmp_path, good_line(id="ok"), good_line(**{"id": "nul", **fields})))
    assert f"line 2: {field}: " in message and "NUL" in message


@pytest.mark.parametrize("line", [b"[1, 2]", b'"text"', b"42", b"null", b"true", b"1" * 5000])
def test_a_line_that_is_not_an_object_writes_nothing(tmp_path: Path, catalog, org, line: bytes) -> None:
    assert "line 2: json: " in refused(raw_file(tmp_path, good_line(id="ok"), line))


def test_a_bom_is_only_allowed_at_the_start_of_the_file(tmp_path: Path, catalog, org) -> None:
    path = raw_file(tmp_path, "\ufeff".encode() + good_line(id="1"), "\ufeff".encode() + good_line(id="2"))
    message = refused(path)
    assert "line 2: json: " in message and "line 1:" not in message


def test_an_over_long_line_is_a_line_error_and_is_not_read_whole(tmp_path: Path, catalog, org) -> None:
    from disclosure_pages.catalog.importer import MAX_LINE_BYTES

    huge = good_line(id="huge", body="a" * MAX_LINE_BYTES)  # valid JSON: imported before the bound
    message = refused(raw_file(tmp_path, good_line(id="1"), huge, b"{"))
    assert "line 2: json: " in message and f"{len(huge)} bytes" in message and "too long" in message
    assert "line 3: json: " in message
    # A line of exactly the limit is read (and then judged on its fields).
    edge = good_line(id="edge", body="")
    edge = edge.replace(b'"body": ""', b'"body": "' + b"a" * (MAX_LINE_BYTES - len(edge)) + b'"')
    assert len(edge) == MAX_LINE_BYTES
    assert "line 1: body: " in refused(raw_file(tmp_path, edge))


def test_an_over_long_value_is_shown_cut_short(tmp_path: Path, catalog, org) -> None:
    message = refused(raw_file(tmp_path, good_line(publisher="机" * 100_000)))
    assert "line 1: publisher: " in message and "共 100000 字" in message and len(message) < 2_000


# --- the same organ + 文号 under two ids ---------------------------------------------------------


def test_same_organ_and_doc_number_under_two_ids_in_one_file(tmp_path: Path, catalog, org) -> None:
    path = write_jsonl(
        tmp_path,
        record(id="a", title="甲", doc_number="国办发[2019]26号"),
        record(id="b", title="乙", doc_number="国办发〔2019〕26号"),  # the same 文号, normalised
        record(title="丙", doc_number="国办发【2019】26號"),  # and once without an id
    )
    message = refused(path)
    assert "line 2: doc_number: " in message and "line 3: doc_number: " in message
    assert "line 1" in message and "under another id" in message


def test_empty_doc_numbers_and_other_organs_never_clash(tmp_path: Path, catalog, org) -> None:
    Organisation.objects.create(name="安庆市财政局", code="00311092X")
    path = write_jsonl(
        tmp_path,
        record(id="a", title="甲", doc_number=""),
        record(id="b", title="乙", doc_number=""),
        record(id="c", title="丙", doc_number="宜政发〔2008〕19号"),
        record(id="d", title="丁", doc_number="宜政发〔2008〕19号", publisher="00311092X"),
    )
    out, _ = run(str(path))
    assert "created 4" in out


def test_same_organ_and_doc_number_as_a_stored_entry_under_another_id(tmp_path: Path, catalog, org) -> None:
    run(str(write_jsonl(tmp_path, record(id="a", doc_number="国办发〔2019〕26号"), name="first.jsonl")))
    stored = CatalogEntryPage.objects.get()
    # The same id again is a re-import (skipped), not a clash.
    out, _ = run(str(write_jsonl(tmp_path, record(id="a", doc_number="国办发[2019]26号"), name="again.jsonl")))
    assert "created 0, skipped 1" in out

    other = write_jsonl(tmp_path, record(id="ok"), record(id="b", title="乙", doc_number="国办发[2019]26号"), name="b.jsonl")
    message = refused(other)
    assert "line 2: doc_number: " in message and f"page {stored.pk}" in message

    # An entry made in the admin has no import key: it clashes with any id.
    CatalogEntryPage.objects.filter(pk=stored.pk).update(import_key=None)
    message = refused(write_jsonl(tmp_path, record(id="a", doc_number="国办发〔2019〕26号"), name="c.jsonl"))
    assert "line 1: doc_number: " in message


# --- property: no line crashes the validator -------------------------------------------------------


def _offline_lookups() -> Lookups:
    """Lookups built from unsaved objects: the property test needs no database."""
    from disclosure_pages.models import Organisation as Org

    terms = [ClassificationTerm(pk=1, dimension="genre", name="通知", parent_id=None, is_active=True)]
    return Lookups([Org(pk=1, name="安庆市人民政府办公室", code="003110926")], terms)


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
        for value in (entry.title, entry.doc_number, entry.summary, entry.keywords, entry.import_key, *entry.paragraphs):
            value.encode("utf-8")
            assert "\x00" not in value


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_OBJECTS, max_size=3), st.booleans())
def test_any_object_line_is_validated_without_crashing(objects: list[dict[str, Any]], ascii_only: bool) -> None:
    _assert_validates([json.dumps(o, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass") for o in objects])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.binary(max_size=200) | _TEXT, max_size=4))
def test_any_text_or_bytes_line_is_validated_without_crashing(lines: list[bytes | str]) -> None:
    _assert_validates(lines)
