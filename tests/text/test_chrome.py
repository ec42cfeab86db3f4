"""Removal of page chrome (site header, breadcrumbs, navigation, footer, report-abuse blocks):
what each rule removes and the look-alikes in body text it keeps."""

from __future__ import annotations

import pytest

from disclosure_pages.text.chrome import remove_page_chrome
from disclosure_pages.text.cleaning import clean_text


def test_scrape_timestamp_at_the_top_is_removed() -> None:
    text = "区府办信息公开报告\n\n时间:2022-06-19 08:02:13\n\n正文第一段。"
    assert clean_text(text) == "区府办信息公开报告\n\n正文第一段。"
    # Traditional, with a pinyin annotation inside the label.
    assert clean_text("標題\n時(shí)間:2022-09-28 10:55:00\n正文。") == "標題\n正文。"


def test_publication_metadata_and_later_times_are_kept() -> None:
    text = "标题\n发布时间:2020-06-22\n发布单位:安庆市政府办公室 发布时间:2009-2-20"
    assert clean_text(text) == text
    body = "标题\n一。\n二。\n三。\n四。\n五。\n六。\n时间:2022-06-19 08:02:13"
    assert clean_text(body) == body  # not among the first lines: not the scraper's header


def test_disclaimer_line_is_removed_only_with_disclaimer_words() -> None:
    text = "标题\n导语:本文来源于网友上传,不代表本站观点,若需要原创文章可咨询客服老师,欢迎参考。\n正文。"
    assert clean_text(text) == "标题\n正文。"
    assert clean_text("导语:为进一步做好政府信息公开工作，现通知如下。") == "导语:为进一步做好政府信息公开工作，现通知如下。"


@pytest.mark.parametrize(
    "line",
    ["美章网 资料文库 区府办信息公开报告范文", "某某范文网 工作报告 区府办信息公开报告"],
)
def test_site_header_is_removed(line: str) -> None:
    text = f"{line}\n\n区府办信息公开报告\n\n正文。"
    assert clean_text(text) == "区府办信息公开报告\n\n正文。"


def test_site_like_first_line_without_evidence_is_kept() -> None:
    text = "中国政府网 2024年工作要点\n\n正文。"
    assert clean_text(text) == text


@pytest.mark.parametrize(
    "line",
    [
        "当前位置:首页 > 市政府办公室 > 信息公开年报",
        "当前位置：首页 > 政府信息公开",
        "您的位置：首页>>政务公开>>通知公告",
        "首页 > 市政府办公室 > 信息公开年报",
    ],
)
def test_breadcrumbs_are_removed(line: str) -> None:
    assert clean_text(f"{line}\n正文。") == "正文。"


@pytest.mark.parametrize(
    "line",
    [
        "首页 > 设计得不好，说明如下。",  # sentence: not a breadcrumb
        "当前位置的确定方法见附件。",  # the words, not the label
        "收入 > 支出 > 结余",  # no home segment
    ],
)
def test_breadcrumb_lookalikes_are_kept(line: str) -> None:
    assert clean_text(line) == line


REPORT_ABUSE = """被举报文档标题:区府办信息公开报告

被举报文档地址:

https://www.meizhang.comhttps://www.meizhang.com/baogao/gongzuobaogao/603555.html
我确定以上信息无误

举报类型:

非法(文档涉及政治、宗教、色情或其他违反国家法律法规的内容)

侵权

其他

验证码:

点击换图

举报理由:
   (必填)"""


def test_report_abuse_block_is_removed() -> None:
    assert clean_text("正文最后一段。\n\n" + REPORT_ABUSE) == "正文最后一段。"


def test_text_after_a_report_abuse_block_is_kept() -> None:
    assert clean_text("一。\n" + REPORT_ABUSE + "\n\n附件：统计表") == "一。\n\n附件：统计表"


def test_report_abuse_block_without_its_last_field_is_removed() -> None:
    assert clean_text("一。\n被举报文档标题:某报告\n举报类型:\n侵权\n\n其他") == "一。"


def test_the_word_report_in_body_is_kept() -> None:
    text = "被举报人对处理结果不服的，可以申请行政复议。"
    assert clean_text(text) == text


FOOTER = (
    "设为主页 | 加入收藏 | 网站地图 | 关于我们 | 使用帮助\n"
    "地址:安庆市振风大道100号东部新城综合写字楼 政府信息公开咨询投诉电话:0556-5347099 E-mail:anqinggkb@163.com\n"
    "安庆市政务公开办公室主办 运行维护:安庆市经济信息中心 皖ICP备05003765号   皖公网安备 34081102000277号     "
    "技术支持:众和网络"
)


def test_portal_footer_is_removed() -> None:
    assert clean_text("正文。\n\n安庆市政务公开办公室\n\n2009219\n\n \n\n" + FOOTER) == (
        "正文。\n\n安庆市政务公开办公室\n\n2009219"
    )


def test_icp_line_alone_is_removed() -> None:
    assert clean_text("正文。\n版权所有：某某市人民政府 京ICP备12345678号") == "正文。"


def test_icp_number_quoted_in_the_body_is_kept() -> None:
    body = "\n".join(["本网站备案号", "皖ICP备05003765号", *[f"第{n}段。" for n in range(10)]])
    assert clean_text(body) == body


@pytest.mark.parametrize(
    "text",
    [
        "联系地址：安庆市振风大道100号；联系电话：0556-5347099。",
        "地址:安庆市振风大道100号",  # contact line of a guide, no portal links before it
        "网站地图和使用帮助已经更新。",
        "各单位应在网站显著位置设置“关于我们”栏目。",
    ],
)
def test_footer_lookalikes_in_body_are_kept(text: str) -> None:
    assert clean_text(text) == text


def test_remove_page_chrome_leaves_body_lines_in_order() -> None:
    body = "一、概述\n\n(一)完善公开形式和流程。\n\n(二)加强宣传。"
    assert remove_page_chrome(body) == body
