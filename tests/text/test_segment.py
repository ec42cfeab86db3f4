"""Segmentation (disclosure_pages.text.segment): domain terms, search-mode words, index and query forms."""

from __future__ import annotations

import pytest
from hypothesis import given

from disclosure_pages.text import add_terms, query_token_sets, segment, segment_query
from disclosure_pages.text.segment import DOMAIN_TERMS_FILE, get_tokenizer, remove_terms, segment_for_index
from tests.text.support import NOISY, PROPERTY_SETTINGS, index_tokens, matches


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
    import rjieba

    assert get_tokenizer() is get_tokenizer()
    # The domain terms are in this tokenizer's dictionary, not in the module's default one.
    assert get_tokenizer().cut("依申请公开", False) == ["依申请公开"]
    assert rjieba.cut("依申请公开", False) != ["依申请公开"]


def test_removed_terms_are_no_longer_words() -> None:
    add_terms(["椒江惠企通"])
    assert "椒江惠企通" in segment("椒江惠企通上线")
    assert "椒江惠企通" in segment("关于椒江惠企通平台的说明")
    remove_terms(["椒江惠企通"])
    assert "椒江惠企通" not in segment("椒江惠企通上线")  # neither cut whole
    assert "椒江惠企通" not in segment("关于椒江惠企通平台的说明")  # nor found inside a longer word
    add_terms(["椒江惠企通"])  # and it can come back
    assert "椒江惠企通" in segment("椒江惠企通上线")
    remove_terms(["椒江惠企通"])


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


@PROPERTY_SETTINGS
@given(NOISY)
def test_segmentation_never_raises_and_text_finds_itself(text: str) -> None:
    tokens = index_tokens(text)
    assert all(token and not any(c.isspace() for c in token) for token in tokens)
    assert all(set(words) <= tokens for words in query_token_sets(text))
    assert segment_query(text) == segment_query(text)


def test_words_cut_by_quotation_marks_or_line_breaks_are_indexed_whole() -> None:
    assert "政务公开" in segment_for_index("推进政务\n公开工作").split()
    assert "政务公开" in segment_for_index("推进“政务”公开工作").split()
    assert "信息公开" in segment_for_index("做好「政府資訊」\n公開工作").split()
    # A sentence break is not a cut inside a word.
    assert "段第" not in segment_for_index("第一段。\n第二段").split()


def test_a_documents_region_decides_what_its_ambiguous_words_mean() -> None:
    # Taiwan wording (資訊): 檔案 is a document, 資料 is data; 市檔案館 stays an archive.
    taiwan = index_tokens("政府資訊公開：相關檔案與統計資料下載，詳洽市檔案館")
    assert {"文件", "统计数据", "档案馆"} <= taiwan
    assert not matches("档案", "政府資訊公開：相關檔案下載")
    assert matches("政府文件", "政府資訊公開：政府檔案下載")
    # Hong Kong wording (網絡, 衞): 檔案 is an archive record, never 文件.
    hong_kong = index_tokens("衞生署網絡及檔案管理")
    assert "档案" in hong_kong and "文件" not in hong_kong
    # A text that does not tell keeps both readings.
    assert {"档案", "文件"} <= index_tokens("政府檔案下載專區")
    # A query in Taiwan words also asks for the Taiwan reading.
    assert ["信息", "统计数据"] in query_token_sets("資訊 統計資料")
    assert ["统计数据"] not in query_token_sets("統計資料")  # 資料 alone may be materials
