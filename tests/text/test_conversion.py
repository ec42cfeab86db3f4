"""Script conversion for translated pages (disclosure_pages.text.conversion): both directions,
both conventions, and what they must keep as written."""

from __future__ import annotations

import pytest

from disclosure_pages.text.conversion import convert_for_translation

SOURCE = "市信息中心根据宜政办秘〔2008〕8号发布软件采购项目的信息，索引号003110926/2024-00001。"


def test_hong_kong_converts_characters_only() -> None:
    assert convert_for_translation(SOURCE, direction="to_traditional", variant="hk") == (
        "市信息中心根據宜政办秘〔2008〕8号發佈軟件採購項目的信息，索引號003110926/2024-00001。"
    )


def test_taiwan_converts_wording_but_not_the_protected_names() -> None:
    converted = convert_for_translation(SOURCE, direction="to_traditional", variant="tw", names=["市信息中心"])
    assert converted.startswith("市信息中心根據")  # the organisation is not renamed 市資訊中心
    assert "軟體" in converted and "資訊" in converted  # Taiwan wording elsewhere
    assert "發佈" in converted and "釋出" not in converted  # a body issues its documents, it does not release software
    assert "採購項目" in converted  # a 项目 is not a 專案


def test_without_the_name_taiwan_wording_would_rename_the_organisation() -> None:
    """The control of the test above: protection is what keeps the name."""
    assert convert_for_translation("市信息中心", direction="to_traditional", variant="tw") == "市資訊中心"


@pytest.mark.parametrize("variant", ["hk", "tw"])
@pytest.mark.parametrize(
    "number",
    ["宜政办秘〔2008〕8号", "国办发〔2019〕9号", "国令第672号", "皖政〔20XX〕12号", "财预[2024]3号"],
)
def test_document_numbers_stay_as_written(variant: str, number: str) -> None:
    converted = convert_for_translation(f"关于印发{number}的通知", direction="to_traditional", variant=variant)
    assert converted == f"關於印發{number}的通知"


def test_words_leading_into_a_number_are_converted() -> None:
    assert convert_for_translation("根据国办发〔2019〕9号", direction="to_traditional") == "根據国办发〔2019〕9号"


def test_traditional_numbers_stay_as_written_in_simplified() -> None:
    text = "根據宜政辦秘〔2008〕8號，市檔案館發布檔案查閱辦法。"
    assert convert_for_translation(text, direction="to_simplified", variant="hk") == (
        "根据宜政辦秘〔2008〕8號，市档案馆发布档案查阅办法。"
    )


def test_taiwan_wording_becomes_mainland_wording_except_the_archives() -> None:
    text = "市資訊中心公告軟體採購，市檔案館提供檔案查閱。"
    assert convert_for_translation(text, direction="to_simplified", variant="tw") == (
        "市信息中心公告软件采购，市档案馆提供档案查阅。"
    )


def test_protected_names_in_traditional_keep_their_words_in_simplified() -> None:
    text = "台北市資訊局"
    assert convert_for_translation(text, direction="to_simplified", variant="tw") == "台北市信息局"
    assert convert_for_translation(text, direction="to_simplified", variant="tw", names=["台北市资讯局"]) == "台北市资讯局"


def test_index_numbers_and_markup_are_untouched() -> None:
    text = '<a id="a1">索引号</a> 01527918X-2020-153077 <b>发布</b>'
    assert convert_for_translation(text, direction="to_traditional") == (
        '<a id="a1">索引號</a> 01527918X-2020-153077 <b>發佈</b>'
    )


def test_placeholders_in_the_input_cannot_reach_the_output() -> None:
    converted = convert_for_translation("软件\U000f0000\ud800", direction="to_traditional", variant="tw", names=["软件"])
    assert converted == "軟件"  # a name: its characters converted, not its words (軟體)


def test_unknown_direction_is_refused() -> None:
    with pytest.raises(ValueError):
        convert_for_translation("文件", direction="sideways")  # type: ignore[arg-type]
