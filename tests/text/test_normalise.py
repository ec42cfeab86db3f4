"""Normalisation (disclosure_pages.text.normalise): width, noise, script folding, 文号 and 索引号."""

from __future__ import annotations

import pytest
from hypothesis import given

from disclosure_pages.text import (
    clean,
    docnum_forms,
    find_document_numbers,
    find_index_numbers,
    fold_width,
    forms,
    index_text,
    query_forms,
    to_traditional,
)
from tests.text.support import NOISY, PROPERTY_SETTINGS, matches

# --- width and noise -----------------------------------------------------------------------


def test_fold_width_ascii_and_case() -> None:
    assert fold_width("ＡＢＣ１２３") == "abc123"
    assert fold_width("ＰＤＦ（附件）") == "pdf(附件)"
    assert fold_width("第一条\u3000总则") == "第一条 总则"


def test_fold_width_keeps_cjk_punctuation_and_display_brackets() -> None:
    text = "国办发〔2019〕9号、国办发【2019】9号。“通知”「公告」《条例》"
    assert fold_width(text) == text
    assert fold_width("公开，目录：") == "公开,目录:"  # full-width ASCII punctuation is folded


def test_fold_width_small_form_brackets_and_compatibility_ideographs() -> None:
    assert fold_width("\ufe5d2008\ufe5e") == "〔2008〕"
    assert fold_width("\uf9f1") == "\u96a3"  # CJK compatibility ideograph → unified


def test_clean_removes_pinyin_markers_and_invisible_characters() -> None:
    assert clean("公開(kāi)") == "公開"
    assert forms("公開(kāi)").chars == "公开"
    assert clean("***国办发〔20XX〕26號***") == "国办发〔20xx〕26號"
    assert clean("信息\u200b公开") == "信息公开"
    assert clean("公開（ｋāｉ）資訊") == "公開資訊"


def test_clean_keeps_redaction_asterisks_and_parenthesised_words() -> None:
    assert clean("***市人民政府") == "***市人民政府"
    assert clean("条例(2019)(PDF)") == "条例(2019)(pdf)"


# --- script folding: the traps ------------------------------------------------------------------


def test_taiwan_query_for_information_disclosure() -> None:
    variants = query_forms("資訊公開")
    assert "信息公开" in variants
    assert "资讯公开" in variants


def test_archives_are_not_turned_into_files() -> None:
    document = "市檔案館"
    assert forms(document).phrases == "市档案馆"
    indexed = index_text(document)
    assert "档案馆" in indexed
    assert "文件" not in indexed
    assert query_forms("市檔案館") == ["市档案馆"]
    assert matches("档案馆", document)
    assert not matches("文件", document)
    assert not matches("文件", "市档案馆")


@pytest.mark.parametrize("term", ["人事檔案", "國家檔案局", "檔案管理", "檔案室", "檔案局"])
def test_archive_compounds_are_protected(term: str) -> None:
    normalised = forms(term)
    assert normalised.phrases == normalised.chars
    assert "文件" not in normalised.phrases


def test_taiwan_files_still_find_mainland_documents() -> None:
    assert "政府文件" in query_forms("政府檔案")
    assert "政府档案" in query_forms("政府檔案")
    assert matches("政府檔案", "本站公布的政府文件")


def test_mainland_words_rewritten_by_tw2sp_are_protected() -> None:
    for text in ("规范性文件", "行政程序", "执行情况", "建立健全", "新增就业", "政府信息查询", "核心业务"):
        assert forms(text).phrases == text
    for text, simplified in (("規範性文件", "规范性文件"), ("執行情況", "执行情况"), ("行政程序", "行政程序")):
        assert query_forms(text) == [simplified]


def test_ziliao_stays_materials() -> None:
    """資料 means materials (宣传资料) here, so it is never folded to 数据 (data)."""
    assert query_forms("宣傳資料") == ["宣传资料"]
    assert query_forms("資料") == ["资料"]
    assert not matches("資料", "统计数据发布")
    assert not matches("数据", "宣傳資料索取")
    assert matches("资料", "宣傳資料索取")


def test_unambiguous_ziliao_compounds_still_convert() -> None:
    assert "数据库" in query_forms("資料庫")
    assert "资料库" in query_forms("資料庫")
    assert matches("資料庫", "人口数据库建设")


@pytest.mark.parametrize(
    ("taiwan", "mainland"),
    [("專案", "项目"), ("程式", "程序"), ("網路", "网络"), ("入口網站", "门户网站"), ("資訊", "信息")],
)
def test_taiwan_vocabulary(taiwan: str, mainland: str) -> None:
    assert mainland in query_forms(taiwan)
    assert matches(taiwan, f"关于{mainland}的说明")
    assert matches(mainland, f"關於{taiwan}的說明")


def test_simplified_query_is_not_phrase_converted() -> None:
    """A mainland reader typing 档案 means archives, not every 文件."""
    assert query_forms("档案") == ["档案"]
    assert not matches("档案", "规范性文件")


def test_hong_kong_variant_characters() -> None:
    assert forms("衞生署").chars == "卫生署"
    assert forms("衞生署").phrases == "卫生署"


def test_to_traditional() -> None:
    assert to_traditional("政府信息公开", "hk") == "政府信息公開"
    assert to_traditional("政府信息公开", "tw") == "政府資訊公開"
    assert to_traditional("门户网站", "tw") == "入口網站"
    # Protected terms are converted character by character only.
    assert to_traditional("规范性文件", "tw") == "規範性文件"
    assert to_traditional("行政事业性收费项目", "tw") == "行政事業性收費項目"
    assert to_traditional("市档案馆", "tw") == "市檔案館"
    with pytest.raises(ValueError):
        to_traditional("x", "mo")  # type: ignore[arg-type]


# --- document numbers and index numbers ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "宜政办秘〔2008〕8号",
        "宜政办秘[2008]8号",
        "宜政办秘［2008］8号",
        "宜政办秘【2008】8号",
        "宜政办秘(2008)8号",
        "宜政办秘（2008）8号",
        "宜政辦秘[2008]8號",
        "宜政办秘〔2008〕第8号",
        "根据宜政办秘[2008]8号文件",
        "关于印发宜政办秘〔2008〕8号的通知",
    ],
)
def test_document_number_bracket_styles(text: str) -> None:
    assert docnum_forms(text) == ["宜政办秘〔2008〕8号", "宜政办秘", "2008", "〔2008〕8号", "8号"]


def test_document_number_examples() -> None:
    assert docnum_forms("国办发【2019】9号")[0] == "国办发〔2019〕9号"
    assert docnum_forms("***国办发〔20XX〕26號***")[:2] == ["国办发〔20XX〕26号", "国办发"]
    assert docnum_forms("国令第672号") == ["国令第672号", "国令", "第672号"]
    numbers = find_document_numbers("根据国办函〔2020〕109号和川府发(2015)30号")
    assert [n.whole for n in numbers] == ["国办函〔2020〕109号", "川府发〔2015〕30号"]
    assert (numbers[0].agency, numbers[0].year, numbers[0].sequence) == ("国办函", "2020", "109")


def test_document_number_does_not_change_display_text() -> None:
    assert "[2008]" in clean("宜政办秘[2008]8号")
    assert "【2019】" in forms("国办发【2019】9号").exact


@pytest.mark.parametrize(
    "query", ["宜政办秘〔2008〕8号", "宜政办秘[2008]8号", "宜政辦秘【2008】8號", "〔2008〕8号", "宜政办秘"]
)
def test_document_number_search_whole_and_in_part(query: str) -> None:
    assert matches(query, "转发宜政办秘[2008]8号关于三公经费的通知")
    assert matches(query, "区政府宜政办秘〔2008〕8号")


def test_document_number_does_not_match_other_numbers() -> None:
    assert not matches("宜政办秘〔2008〕8号", "宜政办秘〔2008〕9号")
    assert not matches("〔2008〕8号", "宜政办秘〔2009〕8号")


def test_index_numbers() -> None:
    assert docnum_forms("索引号：003110926/2024-00001") == ["003110926/2024-00001", "003110926", "2024-00001"]
    assert docnum_forms("索引号: 0142768-8/2022-00185")[1:] == ["0142768-8", "2022-00185"]
    assert find_index_numbers("11341702486344515H/202110-00013")[0].issuer == "11341702486344515H"
    assert find_index_numbers("01527918X-2020-153077")[0].whole == "01527918X-2020-153077"
    assert find_index_numbers("２０２４年第１期 1/2 页") == []
    document = "索引号：003110926/2024-00001 发布日期：2024-01-05"
    for query in ("003110926/2024-00001", "003110926", "2024-00001"):
        assert matches(query, document)
    assert not matches("003110926/2024-00002", document)


# --- properties -------------------------------------------------------------------------------


@PROPERTY_SETTINGS
@given(NOISY)
def test_normalisation_never_raises_and_is_idempotent(text: str) -> None:
    assert fold_width(fold_width(text)) == fold_width(text)
    assert clean(clean(text)) == clean(text)
    normalised = forms(text)
    assert forms(normalised.exact).exact == normalised.exact
    assert all(isinstance(form, str) for form in query_forms(text))
    assert isinstance(index_text(text), str)
    assert isinstance(to_traditional(text, "tw"), str)
    for number in docnum_forms(text)[:1]:
        assert docnum_forms(number)[0] == number
