"""Tests for the search text analysis layer (disclosure_pages.text): pure Python, no database."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from disclosure_pages.text import (
    add_terms,
    clean,
    docnum_forms,
    find_document_numbers,
    find_index_numbers,
    fold_width,
    forms,
    index_text,
    query_forms,
    query_token_sets,
    segment,
    segment_for_index,
    segment_query,
    to_traditional,
)
from disclosure_pages.text.segment import DOMAIN_TERMS_FILE, get_tokenizer


def index_tokens(text: str) -> set[str]:
    return set(segment_for_index(text).split())


def matches(query: str, document: str) -> bool:
    """A query matches when all words of one of its forms are among the document's words."""
    tokens = index_tokens(document)
    return any(set(words) <= tokens for words in query_token_sets(query))


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


# --- segmentation -----------------------------------------------------------------------------


def test_domain_terms_file_format() -> None:
    lines = [line.split() for line in DOMAIN_TERMS_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(lines) >= 110
    assert all(len(parts) == 2 and parts[1].isdigit() for parts in lines)
    words = {parts[0] for parts in lines}
    assert {"政府信息公开", "依申请公开", "信息处理费", "档案馆", "政务服务中心", "行政事业性收费"} <= words


def test_domain_terms_stay_whole() -> None:
    tokens = segment("依申请公开政府信息须经保密审查，三公经费按规定主动公开。")
    for term in ("依申请公开", "保密审查", "三公经费", "主动公开"):
        assert term in tokens
    assert "政府信息公开" in segment("政府信息公开工作年度报告")
    assert "行政事业性收费" in segment("行政事业性收费项目")


def test_search_mode_adds_inner_words() -> None:
    tokens = segment("政府信息公开")
    assert {"政府", "信息", "公开", "信息公开", "政府信息公开"} <= set(tokens)


def test_punctuation_and_whitespace_are_dropped() -> None:
    tokens = segment("公开， 目录。\n（一）“通知”")
    assert tokens and all(any(c.isalnum() for c in t) for t in tokens)


def test_short_domain_term_does_not_swallow_neighbours() -> None:
    assert "低保" not in segment("降低保险费率")
    assert "低保" in segment("城乡低保标准")


def test_add_terms_applies_immediately() -> None:
    assert "椒江蓝卡通" not in segment("申领椒江蓝卡通的条件")
    add_terms(["椒江蓝卡通"])
    assert "椒江蓝卡通" in segment("申领椒江蓝卡通的条件")
    add_terms([("雲端證照", 500)])  # Traditional: added in normalised form
    assert "云端证照" in segment("申请云端证照")


def test_tokenizer_is_dedicated_and_cached() -> None:
    import jieba

    assert get_tokenizer() is get_tokenizer()
    assert get_tokenizer() is not jieba.dt


def test_segment_for_index_has_all_forms() -> None:
    tokens = index_tokens("政府資訊公開申請")
    assert {"资讯", "信息", "信息公开", "政府信息公开"} <= tokens
    tokens = index_tokens("宜政辦秘[2008]8號")
    assert {"宜政办秘〔2008〕8号", "〔2008〕8号", "2008"} <= tokens


def test_segment_query() -> None:
    assert segment_query("資訊公開") == ["资讯", "公开", "信息公开"]
    assert query_token_sets("依申请公开的程序") == [["依申请公开", "程序"]]


# --- a small relevance check ---------------------------------------------------------------------

DOCUMENTS: dict[str, str] = {
    "archives_s": "市档案馆关于开放馆藏档案查阅服务的公告",
    "archives_tw": "市檔案館公布館藏目錄與查閱時間",
    "guide_s": "关于印发政府信息公开指南的通知",
    "apply_tw": "政府資訊公開申請須知",
    "process_hk": "衞生署依申請公開政府信息的處理程序",
    "rules_s": "规范性文件清理结果",
    "files_tw": "政府檔案下載專區",
    "project_tw": "重大建設專案執行情形",
    "project_s": "软件采购项目招标公告",
    "portal_tw": "政府入口網站改版公告",
    "portal_s": "门户网站网络安全检查情况",
    "data_s": "全市统计数据发布",
    "materials_tw": "宣傳資料索取方式",
    "docnum_s": "转发宜政办秘[2008]8号关于三公经费管理的通知",
    "software_tw": "公文系統程式更新說明",
}

QUERIES: list[tuple[str, set[str]]] = [
    ("信息公开", {"guide_s", "apply_tw"}),
    ("資訊公開", {"guide_s", "apply_tw"}),
    ("依申請公開", {"process_hk"}),
    ("文件", {"rules_s", "files_tw"}),
    ("檔案館", {"archives_s", "archives_tw"}),
    ("档案馆", {"archives_s", "archives_tw"}),
    ("项目", {"project_tw", "project_s"}),
    ("專案", {"project_tw", "project_s"}),
    ("门户网站", {"portal_tw", "portal_s"}),
    ("網路安全", {"portal_s"}),
    ("程序", {"process_hk", "software_tw"}),
    ("程式", {"process_hk", "software_tw"}),
    ("資料", {"materials_tw"}),
    ("数据", {"data_s"}),
    ("宜政辦秘【2008】8號", {"docnum_s"}),
    ("三公經費", {"docnum_s"}),
]


@pytest.mark.parametrize(("query", "expected"), QUERIES, ids=[q for q, _ in QUERIES])
def test_relevance_smoke(query: str, expected: set[str]) -> None:
    found = {key for key, text in DOCUMENTS.items() if matches(query, text)}
    assert found == expected


# --- properties -------------------------------------------------------------------------------

_NOISY = st.text(
    alphabet=st.one_of(
        st.sampled_from(
            list("檔案館档案馆資訊信息公開开文件程式程序專案網路資料庫宜政辦秘號号〔〕【】[]()（）*＊/-kāi 　")
        ),
        st.sampled_from(list("０１２３４５６７８９ＡＢＣａｂｃ0123456789xX\n\t\u200b")),
        st.characters(),
    ),
    max_size=60,
)
_PROPERTY_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_PROPERTY_SETTINGS
@given(_NOISY)
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


@_PROPERTY_SETTINGS
@given(_NOISY)
def test_segmentation_never_raises_and_text_finds_itself(text: str) -> None:
    tokens = index_tokens(text)
    assert all(token and not any(c.isspace() for c in token) for token in tokens)
    assert all(set(words) <= tokens for words in query_token_sets(text))
    assert segment_query(text) == segment_query(text)
