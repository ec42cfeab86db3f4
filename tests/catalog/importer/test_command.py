"""``manage.py import_disclosure``: writing, re-import, all or nothing, options, catalogs.

The tests of one class share one portal (see conftest); each test's writes are rolled back.
"""

from __future__ import annotations

import datetime
import io
from pathlib import Path

import pytest
from django.core.management import call_command

from disclosure_pages.catalog.importer import ID_PREFIX, MAX_LINE_BYTES, content_key
from disclosure_pages.models import CatalogEntryPage, CatalogIndexPage, Organisation
from tests import factories

from .lines import MISSING, good_line, jsonl, raw_file, record, write_jsonl
from .running import entries, refused, run, run_error, snapshot

pytestmark = pytest.mark.django_db


def test_no_catalog_is_an_error(tmp_path: Path, org) -> None:
    """Before the classes below: no portal exists yet."""
    assert "no CatalogIndexPage" in run_error(str(write_jsonl(tmp_path, record())))


class TestAGoodFile:
    def test_creates_drafts(self, good_file: Path, catalog) -> None:
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
        assert first.topic_category == factories.term("topic", "政务公开")
        assert first.assembled_category == factories.term("assembled", "决策")
        assert first.genre_category == factories.term("genre", "通知")
        assert set(first.audience_categories.values_list("name", flat=True)) == {"公民", "法人"}
        assert first.keywords == "政府信息公开 目录"
        assert first.validity == "repealed"
        assert first.summary == "明确了编制原则、主体、内容。"

        assert second.import_key == "id:2"
        assert second.publisher.code == "00311092X"
        assert second.topic_category.full_name == "综合政务\\政务督查"  # second-level name alone
        assert second.format_category == factories.term("format", "HTML")
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

    def test_reimporting_the_same_file_creates_nothing(self, good_file: Path) -> None:
        run(str(good_file))
        before = snapshot()
        out, _ = run(str(good_file))
        assert "created 0, skipped 3 (already imported)" in out
        assert snapshot() == before

    def test_entries_without_id_are_recognised_by_content(self, tmp_path: Path, catalog, org) -> None:
        run(str(write_jsonl(tmp_path, record(doc_number="国办发【2019】9号"))))
        # Same publisher (by code now), same 文号 in another bracket style, same title and date.
        again = write_jsonl(tmp_path, record(publisher="003110926", doc_number="国办发〔2019〕9号"), name="again.jsonl")
        out, _ = run(str(again))
        assert "created 0, skipped 1" in out
        assert CatalogEntryPage.objects.get().doc_number == "国办发【2019】9号"

    def test_other_spellings_are_stored_as_the_standard_values(self, tmp_path: Path, catalog, org) -> None:
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

    def test_progress_bar_only_on_request(self, good_file: Path) -> None:
        out, err = run(str(good_file), "--progress")
        assert "3/3" in err and "created 3" in out

    def test_standard_input_is_read_with_a_dash(self, catalog, org, monkeypatch) -> None:
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(jsonl(record(id="stdin")).encode())))
        out, _ = run("-")
        assert "created 1" in out
        assert CatalogEntryPage.objects.get().import_key == "id:stdin"

    def test_body_is_escaped(self, tmp_path: Path, catalog, org) -> None:
        run(str(write_jsonl(tmp_path, record(body="<script>alert(1)</script> & 《条例》"))))
        (block,) = CatalogEntryPage.objects.get().body
        assert block.value.source == "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; 《条例》</p>"

    def test_seed_noise_is_cleaned_before_storing(self, tmp_path: Path, catalog, org) -> None:
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

    def test_bom_and_unknown_fields(self, tmp_path: Path, catalog, org) -> None:
        path = write_jsonl(tmp_path, record(source_url="http://example.gov.cn/1"), bom=True)
        out, err = run(str(path))
        assert "created 1" in out
        assert "line 1: source_url: " in err and "unknown field" in err


class TestAllOrNothing:
    def test_bad_file_lists_every_error_and_writes_nothing(self, tmp_path: Path, catalog, org, reviewer) -> None:
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

    def test_hostile_lines_are_listed_and_nothing_is_written(self, tmp_path: Path, catalog, org) -> None:
        """Each kind of unstorable line (tests/catalog/importer/test_reading.py) stops the command."""
        path = raw_file(
            tmp_path,
            good_line(id="ok"),
            good_line(id="surrogate", title="\ud800"),
            b"[" * 100_000,
            good_line(id="nul", body="\x00"),
            good_line(id="cut", title="TITLE").replace(b"TITLE", b"\xe5\x85"),
            "\ufeff".encode() + good_line(id="bom"),
            good_line(id="huge", body="a" * MAX_LINE_BYTES),
            b"null",
            b"1" * 5000,
        )
        message = refused(path)
        for expected in (
            "line 2: title: 含有孤立的代理项",
            "line 3: json: JSON 嵌套过深",
            "line 4: body: 含有 NUL 字符",
            "line 5: json: 不是 UTF-8 编码",
            "line 6: json: JSON 格式错误",
            "line 7: json: 行过长",
            "line 8: json: 每行应为一个 JSON 对象",
            "line 9: json: JSON 无法读取",
        ):
            assert expected in message, expected
        assert "line 1:" not in message

    def test_error_list_is_capped(self, tmp_path: Path, catalog, org) -> None:
        message = run_error(str(write_jsonl(tmp_path, *["{"] * 60)))
        assert "60 error(s)" in message
        assert "line 50: json" in message and "line 51: json" not in message
        assert "… and 10 more" in message

    def test_unreadable_file(self, tmp_path: Path, catalog) -> None:
        assert "cannot read" in run_error(str(tmp_path / "missing.jsonl"))

    def test_same_organ_and_doc_number_as_a_stored_entry_under_another_id(self, tmp_path: Path, catalog, org) -> None:
        run(str(write_jsonl(tmp_path, record(id="a", doc_number="国办发〔2019〕26号"), name="first.jsonl")))
        stored = CatalogEntryPage.objects.get()
        # The same id again is a re-import (skipped), not a clash.
        out, _ = run(str(write_jsonl(tmp_path, record(id="a", doc_number="国办发[2019]26号"), name="again.jsonl")))
        assert "created 0, skipped 1" in out

        other = write_jsonl(
            tmp_path, record(id="ok"), record(id="b", title="乙", doc_number="国办发[2019]26号"), name="b.jsonl"
        )
        message = refused(other)
        assert "line 2: doc_number: " in message and f"page {stored.pk}" in message

        # An entry made in the admin has no import key: it clashes with any id.
        CatalogEntryPage.objects.filter(pk=stored.pk).update(import_key=None)
        message = refused(write_jsonl(tmp_path, record(id="a", doc_number="国办发〔2019〕26号"), name="c.jsonl"))
        assert "line 1: doc_number: " in message

    def test_empty_doc_numbers_and_other_organs_never_clash(self, tmp_path: Path, catalog, org) -> None:
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


class TestDryRunAndCatalogs:
    def test_dry_run_writes_nothing(self, publishable_file: Path, reviewer) -> None:
        before = snapshot()
        out, _ = run(str(publishable_file), "--dry-run", "--publish", "--reviewed-by", "reviewer", "--verbosity", "2")
        assert "would create 3, skip 0" in out and "nothing was written" in out
        assert "line 1: create: 安庆市人民政府信息公开指南和信息公开目录编制工作方案" in out
        assert snapshot() == before

    def test_dry_run_reports_entries_already_imported(self, good_file: Path) -> None:
        run(str(good_file))
        out, _ = run(str(good_file), "--dry-run")
        assert "would create 0, skip 3" in out

    def test_dry_run_still_reports_errors(self, tmp_path: Path, catalog, org) -> None:
        assert "line 1: genre: " in run_error(str(write_jsonl(tmp_path, record(genre="小说"))), "--dry-run")

    def test_several_catalogs_need_catalog_option(self, good_file: Path, catalog) -> None:
        portal = catalog.get_parent()
        other = factories.add_child(portal, CatalogIndexPage(title="另一个目录", slug="catalog-2"))
        assert "--catalog" in run_error(str(good_file))
        out, _ = run(str(good_file), "--catalog", str(other.pk))
        assert "created 3" in out
        assert {p.get_parent().pk for p in entries()} == {other.pk}
        # By URL path (as the public sees it, or Wagtail's url_path): re-import skips them all.
        out, _ = run(str(good_file), "--catalog", other.url)
        assert "created 0, skipped 3" in out
        assert "no CatalogIndexPage" in run_error(str(good_file), "--catalog", "/no/such/catalog/")


class TestOneReading:
    """The file is read once: checked, its checked entries kept on disk, and written from there.

    The file is rewritten after it was checked by the error stream, when the command prints
    the warnings (an unknown key), as an exporter replacing it would.
    """

    class RewritingStream(io.StringIO):
        def __init__(self, path: Path, content: str) -> None:
            super().__init__()
            self.path, self.content = path, content

        def write(self, text: str) -> int:
            if self.content is not None:
                self.path.write_text(self.content, encoding="utf-8")
                self.content = None
            return super().write(text)

    def run_rewritten(self, tmp_path: Path, checked: str, written: str) -> str:
        path = tmp_path / "changing.jsonl"
        path.write_text(checked, encoding="utf-8")
        out = io.StringIO()
        call_command("import_disclosure", str(path), stdout=out, stderr=self.RewritingStream(path, written))
        assert path.read_text(encoding="utf-8") == written  # the file did change after the check
        return out.getvalue()

    def test_what_was_checked_is_written_though_the_file_changed(self, tmp_path: Path, catalog, org) -> None:
        checked = jsonl(record(id="a", note="x"), record(id="b", title="乙"))
        changed = jsonl(record(id="a", note="x"), record(id="b", title="乙（已改）"), record(id="c", title="丙"))
        assert "created 2, skipped 0" in self.run_rewritten(tmp_path, checked, changed)
        assert sorted(CatalogEntryPage.objects.values_list("title", flat=True)) == sorted([record()["title"], "乙"])

    def test_a_line_broken_after_the_check_is_not_read(self, tmp_path: Path, catalog, org) -> None:
        checked = jsonl(record(id="a", note="x"), record(id="b", title="乙"))
        broken = jsonl(record(id="a", note="x"), record(id="b", genre="小说")) + "{not json\n"
        assert "created 2, skipped 0" in self.run_rewritten(tmp_path, checked, broken)
