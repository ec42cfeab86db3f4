"""Pre-screening for the confidentiality review: what is flagged, what is not, and how it is shown."""

from __future__ import annotations

import dataclasses
import io
import logging
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_pages.moderation.prescreen import (
    Finding,
    is_valid_bank_card,
    is_valid_id_number,
    luhn_ok,
    scan_fields,
    scan_text,
)
from disclosure_pages.moderation.prescreen.attachments import describe_unreadable, extract_text

VALID_ID = "11010519491231002X"
WRONG_CHECK_ID = "110105194912310021"
CARD = "6222021234567890128"  # UnionPay prefix, Luhn valid
CARD_GROUPED = "6222 0212 3456 7890 128"
CARD_BAD_LUHN = "6222021234567890120"


def kinds(text: str) -> list[str]:
    return [f.kind for f in scan_text(text, "body")]


def only(text: str, kind: str) -> Finding:
    findings = scan_text(text, "body")
    assert [f.kind for f in findings] == [kind], findings
    return findings[0]


def all_text_of(finding: Finding) -> str:
    return " ".join(str(v) for v in dataclasses.astuple(finding))


# --- validators ------------------------------------------------------------------------


def test_id_number_validator():
    assert is_valid_id_number(VALID_ID)
    assert is_valid_id_number(VALID_ID.lower())
    assert not is_valid_id_number(WRONG_CHECK_ID)
    assert not is_valid_id_number("110105194902300011")  # 30 February
    assert not is_valid_id_number("910105194912310020")  # region must start with 1-8


def test_luhn_and_card_validator():
    assert luhn_ok(CARD) and not luhn_ok(CARD_BAD_LUHN)
    assert is_valid_bank_card(CARD_GROUPED)
    assert not is_valid_bank_card("1" + CARD[1:-1] + "0")  # prefix 1 is no card issuer


# --- ID numbers --------------------------------------------------------------------------


def test_valid_id_number_is_flagged_and_masked():
    text = f"申请人身份证号码：{VALID_ID}，住址略。"
    finding = only(text, "id_number")
    assert finding.excerpt == "1101**********002X"
    assert finding.field == "body"
    assert str(finding.label) == "身份证号码"
    assert text[finding.start : finding.end] == VALID_ID
    assert VALID_ID not in all_text_of(finding)
    assert "1949" not in finding.context  # the birth date is masked in the context as well


@pytest.mark.parametrize(
    "text",
    [
        f"身份证号码：{WRONG_CHECK_ID}",
        "编号12345678901234567890",  # 20-digit run
        f"9{VALID_ID}",  # part of a longer run
        f"{VALID_ID[:-1]}00",
        "11010519491331002X",  # month 13
    ],
)
def test_id_number_look_alikes_are_not_flagged(text):
    assert "id_number" not in kinds(text)


def test_id_number_with_a_wrong_check_character_is_still_flagged():
    text = f"身份证号码：{WRONG_CHECK_ID}，住址略。"
    finding = only(text, "id_number_unverified")
    assert str(finding.label) == "疑似身份证号（校验位不符）"  # told apart from a valid one
    assert finding.excerpt == "1101**********0021"
    assert text[finding.start : finding.end] == WRONG_CHECK_ID
    assert WRONG_CHECK_ID not in all_text_of(finding) and "1949" not in finding.context
    assert kinds(VALID_ID) == ["id_number"]


@pytest.mark.parametrize(
    "text",
    [
        "编号990105194912310021",  # no such province
        "编号110105194902300021",  # 30 February
        "编号110105194913010021",  # month 13
        "编号1101051949123100211",  # 19 digits
    ],
)
def test_numbers_not_shaped_like_an_id_are_not_flagged_as_one(text):
    assert not {"id_number", "id_number_unverified"} & set(kinds(text))


def test_an_id_shaped_number_that_passes_luhn_is_an_id_number_not_a_card():
    # 18 digits with a card prefix (62…) that pass Luhn but not MOD 11-2: still a person's number.
    number = next(
        n for n in (f"6201051949123100{i:02d}" for i in range(100)) if luhn_ok(n) and not is_valid_id_number(n)
    )
    assert kinds(f"号码{number}") == ["id_number_unverified"]


def test_lower_case_x_and_full_width_digits():
    assert kinds(VALID_ID.lower()) == ["id_number"]
    full_width = "１１０１０５１９４９１２３１００２Ｘ"
    text = f"身份证：{full_width}。"
    finding = only(text, "id_number")
    assert text[finding.start : finding.end] == full_width
    assert finding.excerpt == "１１０１**********００２Ｘ"
    assert full_width not in all_text_of(finding)


# --- phones -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "raw", "excerpt"),
    [
        ("联系电话13812345678。", "13812345678", "138****5678"),
        ("手机：+86 138 1234 5678", "+86 138 1234 5678", "+86 138 **** 5678"),
        ("手机 138-1234-5678", "138-1234-5678", "138-****-5678"),
        ("手机８６１３８１２３４５６７８", "８６１３８１２３４５６７８", "８６１３８****５６７８"),
    ],
)
def test_mobile_numbers(text, raw, excerpt):
    finding = only(text, "mobile")
    assert text[finding.start : finding.end] == raw
    assert finding.excerpt == excerpt
    assert raw not in all_text_of(finding)


@pytest.mark.parametrize(
    ("text", "raw", "excerpt"),
    [
        ("咨询电话：0556-5347099。", "0556-5347099", "0556-***7099"),
        ("咨询电话：(0556)5347099", "(0556)5347099", "(0556)***7099"),
        ("咨询电话：（0556）5347099", "（0556）5347099", "（0556）***7099"),
        ("电话010-12345678", "010-12345678", "010-****5678"),
        ("电话 0556 5347099转123", "0556 5347099转123", "0556 ***7099转123"),
        ("电话021-62345678-8001", "021-62345678-8001", "021-****5678-8001"),
    ],
)
def test_landlines(text, raw, excerpt):
    finding = only(text, "landline")
    assert text[finding.start : finding.end] == raw
    assert finding.excerpt == excerpt


@pytest.mark.parametrize(
    "text",
    [
        "成文日期：2024-06-02",
        "2024年6月2日",
        "索引号：003110926/2024-00001",
        "索引号：11340800003110926X/2024-00001",
        "宜政办秘[2008]8号",
        "国办发〔2019〕26号",
        "资金12345678.90元",
        "共公开信息7034条",
        "2019-2024年工作规划",
        "邮政编码246000",
        "比例0.13812345678",
        "编号05565347099",  # a bare 0-run without separator is not a landline
        "编号138123456789",  # 12 digits
        "统一社会信用代码11340800003110926X",
    ],
)
def test_numbers_that_are_not_personal_data(text):
    assert kinds(text) == []


# --- bank cards ----------------------------------------------------------------------


def test_bank_cards():
    grouped = only(f"收款账号：{CARD_GROUPED}", "bank_card")
    assert grouped.excerpt == "6222 **** **** ***0 128"
    run = only(f"卡号{CARD}。", "bank_card")
    assert run.excerpt == "6222***********0128"
    assert CARD not in all_text_of(run)


@pytest.mark.parametrize(
    "text",
    [
        f"卡号{CARD_BAD_LUHN}",
        "卡号6222 0212 3456 7890 120",
        f"编号{CARD}0",  # 20-digit run
        f"编号{CARD_GROUPED[:-4]} 1280",  # 4-4-4-4-4: not read as a 16-digit card
    ],
)
def test_bank_card_look_alikes(text):
    assert "bank_card" not in kinds(text)


def test_valid_id_number_is_not_also_a_card():
    assert kinds(VALID_ID) == ["id_number"]


# --- email ---------------------------------------------------------------------------


def test_email():
    finding = only("来信请寄 alice.wang@example.gov.cn，谢谢", "email")
    assert finding.excerpt == "a***@example.gov.cn"
    assert "alice" not in all_text_of(finding)
    assert only("x@example.gov.cn", "email").excerpt == "*@example.gov.cn"
    assert only("ab@example.cn", "email").excerpt == "a*@example.cn"
    # Full-width ＠ is folded; the address is one finding, not a phone number too.
    assert kinds("13812345678＠163.com") == ["email"]
    assert kinds("请登录www.example.gov.cn查询") == []


# --- classification marks ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("秘密★1年", "秘密★1年"),
        ("秘密☆", "秘密☆"),
        ("机密★十年", "机密★十年"),
        ("绝密", "绝密"),
        ("本文件为机密文件", "机密"),
        ("内部资料 注意保存", "内部资料"),
        ("仅供内部使用", "内部使用"),
        ("密级：机密", "密级：机密"),
        ("密级:秘密", "密级:秘密"),
    ],
)
def test_classification_marks(text, excerpt):
    finding = only(text, "classification_mark")
    assert finding.excerpt == excerpt
    assert str(finding.label) == "密级标志"


@pytest.mark.parametrize(
    "text",
    [
        "属于国家秘密的不予公开",
        "涉及商业秘密、个人隐私的政府信息",
        "泄露商业机密",
        "做好保密审查工作",
        "保障数据的机密性、完整性和可用性",
        "清理内部文件",
        "宜政办秘[2008]8号",
    ],
)
def test_prose_is_not_a_classification_mark(text):
    assert kinds(text) == []


# --- context, offsets, several findings ----------------------------------------------


def test_context_masks_every_finding_in_the_window():
    text = f"张三，{VALID_ID}，13812345678，家住某地"
    findings = scan_text(text, "body")
    assert [f.kind for f in findings] == ["id_number", "mobile"]
    for finding in findings:
        assert VALID_ID not in finding.context and "13812345678" not in finding.context
        assert "1234" not in finding.context  # the mobile's middle digits
    assert findings[0].context == "张三，1101**********002X，138****5678，家住…"
    assert [text[f.start : f.end] for f in findings] == [VALID_ID, "13812345678"]


def test_every_excerpt_masks_every_sensitive_number_in_it():
    # The finding is about the phone; its context also holds an ID number with a typo in
    # its check character, a card and an address: all are masked, not only the phone.
    text = f"电话13812345678，证号{WRONG_CHECK_ID}，卡{CARD}"
    findings = scan_text(text, "body")
    assert [f.kind for f in findings] == ["mobile", "id_number_unverified", "bank_card"]
    phone, id_number, _card = findings
    assert phone.context == "电话138****5678，证号************…"  # the ID number cut by the window edge
    assert id_number.context == "…话138****5678，证号1101**********0021，卡*************…"
    for finding in findings:
        shown = finding.excerpt + finding.context
        assert "1949" not in shown and "1234" not in shown and "0212" not in shown


def test_excerpts_mask_what_an_overlapping_candidate_would_hide():
    # The ID number wins the overlap with the email address around it; the name in the
    # address is still masked, in the ID number's context as in any other.
    text = f"邮箱 zhangsan.{VALID_ID}@example.com 等"
    (finding,) = scan_text(text, "body")
    assert finding.kind == "id_number"
    assert "zhangsan" not in finding.context and "hangsan" not in finding.context
    assert "1101**********002X@example.com" in finding.context


def test_context_is_a_window_of_about_fifteen_characters():
    text = "甲" * 40 + "13812345678" + "乙\n" * 20
    finding = only(text, "mobile")
    assert finding.context == "…" + "甲" * 15 + "138****5678" + "乙 " * 7 + "乙…"
    assert "\n" not in finding.context


def test_finding_cut_by_the_window_edge_is_masked():
    text = f"{VALID_ID}甲乙{CARD}"
    findings = scan_text(text, "body")
    assert [f.kind for f in findings] == ["id_number", "bank_card"]
    for finding in findings:
        assert "1949" not in finding.context and "0212" not in finding.context


def test_empty_text():
    assert scan_text("", "title") == []


def test_scan_fields_names_fields_and_removes_duplicates():
    fields = [("title", "联系电话13812345678"), ("body", "秘密★"), ("title", "联系电话13812345678"), ("summary", "无")]
    findings = scan_fields(fields)
    assert [(f.field, f.kind) for f in findings] == [("title", "mobile"), ("body", "classification_mark")]
    assert len(scan_fields([("a", "13812345678"), ("b", "13812345678")])) == 2


def test_finding_is_frozen():
    finding = only("绝密", "classification_mark")
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.kind = "email"  # type: ignore[misc]


# --- robustness ----------------------------------------------------------------------

_TRICKY = st.text(alphabet="0123456789１２Xx +-().:：@a.★☆秘密机绝商业内部资料级年转\n", max_size=200)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), _TRICKY))
def test_scan_text_never_raises_and_excerpts_are_not_longer_than_matches(text):
    for finding in scan_text(text, "body"):
        assert 0 <= finding.start < finding.end <= len(text)
        assert len(finding.excerpt) <= finding.end - finding.start
        if finding.kind != "classification_mark":
            assert finding.excerpt != text[finding.start : finding.end]


_NUMBERS = st.sampled_from([VALID_ID, WRONG_CHECK_ID, CARD, CARD_GROUPED, "13812345678", "0556-5347099", "a.b@example.cn"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_NUMBERS, st.text(alphabet="，。甲乙 ", max_size=6)), max_size=8))
def test_no_context_shows_a_number_it_masks_elsewhere(parts):
    text = "，".join(parts)
    for finding in scan_text(text, "body"):
        # Whole numbers, and their middles (birth date, card digits) in a window cut short.
        for number in (VALID_ID, WRONG_CHECK_ID, CARD, "13812345678", "5347099", "a.b@", "1949", "0212 3456"):
            assert number not in finding.context and number not in finding.excerpt


def test_long_text_has_no_catastrophic_backtracking():
    chunk = (
        "各县（市）区人民政府，2024-06-02 索引号003110926/2024-00001 宜政办秘[2008]8号 "
        "12345678.90元 7034条 aaaa.bbbb.cccc@ 0556-534 1381234 秘密 机 6222 0212 "
    )
    text = (chunk * (200_000 // len(chunk) + 1))[:200_000]
    scan_text(text, "body")
    for pathological in ("a" * 200_000, "1" * 200_000, "1 " * 100_000, "a@" * 100_000, "a." * 100_000):
        assert scan_text(pathological, "body") == []


# --- attachments ---------------------------------------------------------------------


@pytest.fixture
def make_document(db, settings, tmp_path):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    settings.MEDIA_ROOT = tmp_path

    def make(name: str, data: bytes, title: str = "附件"):
        return get_document_model().objects.create(title=title, file=ContentFile(data, name=name))

    return make


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_bytes(body_xml: str, header_xml: str | None = None) -> bytes:
    def part(inner: str, root: str) -> str:
        return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{root} xmlns:w="{W_NS}">{inner}</w:{root}>'

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("word/document.xml", part(f"<w:body>{body_xml}</w:body>", "document"))
        if header_xml is not None:
            archive.writestr("word/header1.xml", part(header_xml, "hdr"))
    return buffer.getvalue()


def test_extract_utf8_text(make_document):
    document = make_document("名单.txt", f"张三 {VALID_ID}\n".encode())
    text = extract_text(document)
    assert text == f"张三 {VALID_ID}\n"
    assert [f.kind for f in scan_text(text, f"attachment:{document.filename}")] == ["id_number"]


def test_extract_gb18030_text_and_csv(make_document):
    assert (
        extract_text(make_document("名单.txt", "联系电话：0556-5347099".encode("gb18030"))) == "联系电话：0556-5347099"
    )
    assert extract_text(make_document("名单.csv", "姓名,手机\n张三,13812345678\n".encode("gbk"))) == (
        "姓名,手机\n张三,13812345678\n"
    )
    assert extract_text(make_document("说明.md", "# 标题\n".encode("utf-8-sig"))) == "# 标题\n"


def test_extract_html(make_document):
    html = "<html><head><style>p{}</style><script>var x='13900000000'</script></head><body><p>邮箱&#65306;a@b.cn</p><p>秘密★</p></body></html>"
    text = extract_text(make_document("page.html", html.encode()))
    assert "13900000000" not in text and "p{}" not in text
    assert "邮箱：a@b.cn" in text and "秘密★" in text
    assert [f.kind for f in scan_text(text, "attachment")] == ["email", "classification_mark"]


def test_extract_docx_body_and_header(make_document):
    body = (
        "<w:p><w:r><w:t>申请人：张三</w:t></w:r></w:p>"
        f"<w:p><w:r><w:t>身份证号</w:t><w:tab/><w:t>{VALID_ID[:9]}</w:t></w:r><w:r><w:t>{VALID_ID[9:]}</w:t></w:r></w:p>"
        "<w:p><w:r><w:delText>13812345678</w:delText></w:r></w:p>"
    )
    text = extract_text(make_document("通知.docx", docx_bytes(body, "<w:p><w:r><w:t>机密★5年</w:t></w:r></w:p>")))
    assert text.splitlines() == ["机密★5年", "申请人：张三", f"身份证号\t{VALID_ID}", "13812345678"]
    assert [f.kind for f in scan_text(text, "attachment:通知.docx")] == ["classification_mark", "id_number", "mobile"]


def test_extract_odt(make_document):
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
        "<text:h>通知</text:h><text:p>电话<text:s/><text:span>0556-5347099</text:span>。</text:p>"
        "</office:text></office:body></office:document-content>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    assert extract_text(make_document("通知.odt", buffer.getvalue())) == "通知\n电话 0556-5347099。"


def test_extract_xlsx(make_document):
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "名单"
    sheet.append(["姓名", "身份证号", "手机"])
    sheet.append(["张三", VALID_ID, 13812345678])
    sheet.append(["李四", None, 13912345678.0])
    buffer = io.BytesIO()
    workbook.save(buffer)
    text = extract_text(make_document("名单.xlsx", buffer.getvalue()))
    assert text.splitlines() == ["名单", "姓名\t身份证号\t手机", f"张三\t{VALID_ID}\t13812345678", "李四\t13912345678"]
    assert [f.kind for f in scan_text(text, "attachment")] == ["id_number", "mobile", "mobile"]


def test_pdf_is_not_read(make_document):
    document = make_document("报告.pdf", b"%PDF-1.4\n%%EOF\n", title="年度报告")
    assert extract_text(document) is None
    message = str(describe_unreadable(document))
    assert "年度报告" in message and "人工检查" in message


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("坏.docx", b"PK\x03\x04 this is not a zip"),
        ("坏.xlsx", b"not a workbook"),
        ("空.docx", b""),
        ("无正文.docx", b"PK\x05\x06" + b"\x00" * 18),  # an empty zip: no word/document.xml
    ],
)
def test_corrupt_files_give_none_and_a_warning(make_document, caplog, name, data):
    document = make_document(name, data)
    with caplog.at_level(logging.WARNING, logger="disclosure_pages.moderation.prescreen"):
        assert extract_text(document) is None
    assert str(document.pk) in caplog.text


def test_docx_with_doctype_is_refused(make_document):
    data = docx_bytes("<w:p/>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w") as target:
        for name in source.namelist():
            content = source.read(name)
            if name == "word/document.xml":
                content = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>' + content.split(b"?>", 1)[1]
            target.writestr(name, content)
    assert extract_text(make_document("实体.docx", buffer.getvalue())) is None


def test_zip_bomb_is_refused(make_document):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<" + b" " * (21 * 1024 * 1024))
    assert len(buffer.getvalue()) < 1024 * 1024
    assert extract_text(make_document("炸弹.docx", buffer.getvalue())) is None


def test_unsupported_and_missing_files(make_document):
    assert extract_text(make_document("旧.doc", b"\xd0\xcf\x11\xe0")) is None
    document = make_document("丢失.txt", b"x")
    document.file.storage.delete(document.file.name)
    assert extract_text(document) is None
