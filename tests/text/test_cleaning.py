"""Cleaning of scraped text: each rule with what it must and must not touch, then the seeds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from disclosure_pages.text.cleaning import (
    cjk_count,
    clean_inline,
    clean_text,
    normalise_whitespace,
    remove_conversion_markers,
    remove_pinyin_annotations,
    text_to_paragraphs,
    tidy_lines,
)
from tests.seeds import require_seeds

DOC_NUMBERS = ["宜政办秘[2008]8号", "国办发〔2019〕26号", "国办发【2019】9号", "宜政发[2008]4号", "国令第672号"]


# --- pinyin annotations -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("公開(kāi)", "公開"),
        ("匯報(bào)", "匯報"),
        ("時(shí)間", "時間"),
        ("導(dǎo)語(yǔ)", "導語"),
        ("創(chuàng)新", "創新"),
        ("公開（kāi）工作", "公開工作"),  # full-width parentheses
        ("呂(lǚ)氏", "呂氏"),
        ("匯報(bào)(市)", "匯報(市)"),
        ("區(qū)(僅紫陽(yáng)縣未發(fā)文明確)", "區(僅紫陽縣未發文明確)"),
        ("我們(men)的(de)公開(kāi)", "我們的公開"),  # toneless, in a text that has toned ones
    ],
)
def test_pinyin_annotations_are_removed(raw: str, clean: str) -> None:
    assert remove_pinyin_annotations(raw) == clean


@pytest.mark.parametrize(
    "text",
    [
        "《条例》（以下简称《条例》）",
        "《条例》(以下简称《条例》)",
        "安庆市(2008)",
        "各县(市)、区",
        "(一)完善公开形式",
        "（一）",
        "信息格式(PDF)",
        "内容管理系统(cms)",
        "公开网(http://aqxxgk.anqing.gov.cn/xxgkweb/sxpublic.aspx)",
        "文号(宜政办秘[2008]8号)",
        "开放(open)数据",
        "A(kāi)",  # not after an ideograph
        "公开 (kāi)",  # separated by a space: not an annotation
    ],
)
def test_real_parentheses_are_kept(text: str) -> None:
    assert remove_pinyin_annotations(text) == text


def test_toneless_syllables_need_evidence_of_the_converter() -> None:
    # "(can)" and "(long)" are pinyin-shaped but as likely English: kept unless the text
    # visibly went through the annotating converter, or the caller says so.
    assert remove_pinyin_annotations("参数(can)和长度(long)") == "参数(can)和长度(long)"
    assert remove_pinyin_annotations("参数(can)和公開(kāi)") == "参数和公開"
    assert remove_pinyin_annotations("們(men)", toneless=True) == "們"
    assert remove_pinyin_annotations("公開(kāi)", toneless=False) == "公開"


# --- conversion markers --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("***国办发〔20XX〕26號***", "国办发〔20XX〕26號"),
        ("根据***国办发〔2019〕26号***文件", "根据国办发〔2019〕26号文件"),
        ("***一、总体要求***", "一、总体要求"),
        ("  ***关于做好政府信息公开工作的通知***  ", "关于做好政府信息公开工作的通知"),
    ],
)
def test_conversion_markers_are_unwrapped(raw: str, clean: str) -> None:
    assert remove_conversion_markers(raw).strip() == clean


@pytest.mark.parametrize(
    "text",
    [
        "**市政府成立了领导小组",  # redaction, two asterisks
        "***市和***县的政府",  # redactions: no digit, not a whole line
        "评级：***",
        "20*年7月",
    ],
)
def test_redaction_asterisks_are_kept(text: str) -> None:
    assert remove_conversion_markers(text) == text


# --- whitespace ------------------------------------------------------------------------------


def test_whitespace_is_normalised() -> None:
    raw = "\ufeff　　第一段\u200b文字\u00a0 \t\r\n\r\n\r\n\r\n第二段\x07\x00\u3000\u3000\n\n\n"
    assert clean_text(raw) == "第一段文字\n\n第二段"


def test_normalise_whitespace_keeps_newlines_and_text() -> None:
    assert normalise_whitespace("a\u3000b\r\nc\rd\u2028e") == "a b\nc\nd\ne"
    assert normalise_whitespace("零\u200d宽\u2060字\u00ad符") == "零宽字符"


def test_tidy_lines_collapses_blank_runs_only() -> None:
    assert tidy_lines("  一  \n\n\n\n  二\n三  ") == "一\n\n二\n三"


# --- document numbers, inline fields and paragraphs ------------------------------------------


@pytest.mark.parametrize("number", DOC_NUMBERS)
def test_document_numbers_survive(number: str) -> None:
    text = f"印发了《方案》({number}),明确了要求。"
    assert clean_text(text) == text
    assert clean_inline(number) == number
    assert clean_inline(f"***{number}***") == number


def test_clean_inline_makes_one_line() -> None:
    assert clean_inline("  政府信息公開(kāi)\n工作匯報(bào)\u3000(市) ") == "政府信息公開 工作匯報 (市)"


def test_text_to_paragraphs() -> None:
    text = "　　第一段。\r\n第二段。\n\n\n第三段。\n被举报文档标题:x\n举报理由:\n(必填)"
    assert text_to_paragraphs(text) == ["第一段。", "第二段。", "第三段。"]
    assert text_to_paragraphs("a\n\n b ", clean=False) == ["a", "b"]


def test_cleaning_is_idempotent() -> None:
    text = "美章网 资料文库 报告\n\n报告\n\n时间:2022-06-19 08:02:13\n\n公開(kāi)***国办发〔2019〕26号***。\n\n设为主页 | 加入收藏 | 网站地图\n皖ICP备05003765号"
    once = clean_text(text)
    assert "ICP" not in once and "kāi" not in once
    assert clean_text(once) == once


# --- seeds ----------------------------------------------------------------------------------------

PINYIN_LEFT = re.compile(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}[)）]")
DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,10}[\[【〔(（]\d{4}[\]】〕)）]\d+[号號]")
# Lines of page chrome the cleaner is expected to drop; every other long line must stay.
EXPECTED_CHROME = ("导语", "導語", "被举报", "非法(文档", "ICP备", "设为主页", "地址:", "美章网")


def seed_files() -> list[Path]:
    return require_seeds()


@pytest.fixture(scope="module")
def seeds() -> list[tuple[str, str, str]]:
    """(name, original, cleaned) for every seed."""
    result = []
    for path in seed_files():
        original = path.read_text("utf-8")
        result.append((path.name, original, clean_text(original)))
    return result


def test_seeds_have_no_noise_left(seeds: list[tuple[str, str, str]]) -> None:
    for name, _original, cleaned in seeds:
        assert not PINYIN_LEFT.search(cleaned), name
        for noise in ("被举报", "举报理由", "设为主页", "ICP备", "***", "导语:", "導語:", "时间:2022", "時間:2022"):
            assert noise not in cleaned, (name, noise)
        assert "\n\n\n" not in cleaned and "\u3000" not in cleaned and "\u00a0" not in cleaned, name


def test_seeds_keep_their_document_numbers(seeds: list[tuple[str, str, str]]) -> None:
    found = 0
    for name, original, cleaned in seeds:
        for number in DOC_NUMBER.findall(original):
            found += 1
            assert number in cleaned, (name, number)
    assert found >= 4  # seed 003 has 宜政办秘[2008]8号 and others: the check is not vacuous


def test_seeds_keep_their_body_lines(seeds: list[tuple[str, str, str]]) -> None:
    """Every line of 20+ ideographs (pinyin removed) is still there, except known chrome."""
    checked = 0
    for name, original, cleaned in seeds:
        kept = set(cleaned.split("\n"))
        for line in remove_pinyin_annotations(normalise_whitespace(original)).split("\n"):
            line = line.strip()
            if cjk_count(line) < 20 or any(marker in line for marker in EXPECTED_CHROME):
                continue
            checked += 1
            assert line in kept, (name, line)
    assert checked > 50


def test_seed_001_loses_its_site_header_and_keeps_its_title(seeds: list[tuple[str, str, str]]) -> None:
    cleaned = {name[:3]: text for name, _, text in seeds}
    if "001" in cleaned:
        assert cleaned["001"].startswith("区府办信息公开报告范文\n\n区府办信息公开报告\n")
    if "003" in cleaned:
        assert "当前位置" not in cleaned["003"]
        assert cleaned["003"].endswith("安庆市政务公开办公室\n\n2009219")
