"""The public report pages: the statutory tables with resolvable headers, legacy reports, the index."""

from __future__ import annotations

import datetime
import re

from disclosure_pages.annual_report.format import FORMAT_2021, FORMAT_LEGACY
from disclosure_pages.models import AnnualReportIndexPage, AnnualReportPage, DisclosurePortalPage
from tests import factories
from tests.pages.html import TableHeaders, html_of, squash


def report(portal: DisclosurePortalPage, **fields) -> AnnualReportPage:
    index = factories.section(portal, AnnualReportIndexPage)
    fields.setdefault("title", "2023年政府信息公开工作年度报告")
    fields.setdefault("slug", f"report-{fields.get('year', 2023)}")
    fields.setdefault("year", 2023)
    page = AnnualReportPage(organisation=factories.organisation(), **fields)
    return factories.add_child(index, page)


def test_annual_report_2021_shows_the_statutory_tables(client, portal):
    statistics = {"t2.item1.normative.issued": 4, "t4.suit_after_review.upheld": 3, "t4.suit_after_review.total": 3}
    for row in ("new", "disclosed", "total"):  # consistent figures: the model checks the totals on save
        statistics |= {f"t3.{row}.natural": 5, f"t3.{row}.business": 7, f"t3.{row}.total": 12}
    page = report(
        portal,
        format_version=FORMAT_2021,
        publish_date=datetime.date(2024, 1, 31),
        section_overview="<p>2023年，本机关认真贯彻《条例》。</p>",
        statistics=statistics,
    )
    html = html_of(client, page.url)
    flat = squash(html)
    for heading in ("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                    "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"):
        assert heading in html
    assert "本机关认真贯彻《条例》" in html
    # 第二十条 tables after section 二, applications after 三, review and litigation after 四
    assert html.index("二、主动公开政府信息情况") < html.index("第二十条第（一）项") < html.index("三、收到和处理")
    assert html.index("三、收到和处理") < html.index("申请人情况") < html.index("四、政府信息公开行政复议")
    assert html.index("四、政府信息公开行政复议") < html.index('colspan="10">行政诉讼') < html.index("五、存在的主要问题")
    assert re.search(r'<th id="[^"]+" scope="colgroup" colspan="5">法人或其他组织</th>', flat)
    assert re.search(r'<th id="[^"]+" scope="colgroup" colspan="7">申请人情况</th>', flat)
    assert re.search(r'<th id="[^"]+" scope="rowgroup" rowspan="\d+">三、本年度办理结果</th>', flat)
    assert re.search(r'<th id="[^"]+" scope="rowgroup" rowspan="8">（三）不予公开</th>', flat)
    assert re.search(r'scope="colgroup" colspan="5" rowspan="2">行政复议</th>', flat)
    assert ">未经复议直接起诉</th>" in flat and ">复议后起诉</th>" in flat

    tables = TableHeaders()
    tables.feed(html)
    assert tables.references and set(tables.references) <= tables.ids  # every headers= id exists
    by_headers = {headers: text for headers, text in tables.cells}
    business_new = next(h for h in by_headers if "t3-r-new" in h and h.endswith("t3-c-business"))
    assert "report-t3-legal" in business_new.split() and by_headers[business_new] == "7"
    suit = next(h for h in by_headers if h.endswith("t4-g-suit_after_review-upheld"))
    assert by_headers[suit] == "3" and "report-t4-g-suit_after_review" in suit.split()
    assert "4" in {text for headers, text in tables.cells if "t2-item1-r-normative" in headers}
    assert len([h for h in by_headers if "t4-" in h]) == 15  # one row of 15 figures


def test_legacy_report_shows_only_the_sections(client, portal):
    page = report(portal, year=2017, format_version=FORMAT_LEGACY, section_overview="<p>2017年工作概述。</p>")
    html = html_of(client, page.url)
    assert "2017年工作概述。" in html
    assert all(heading in html for heading, _html in page.sections)
    assert "statistics-table" not in html and "申请人情况" not in html


def test_report_index_lists_reports_newest_first(client, portal):
    report(portal, year=2022, title="2022年年度报告", slug="r2022")
    report(portal, year=2023, title="2023年年度报告", slug="r2023")
    html = html_of(client, factories.section(portal, AnnualReportIndexPage).url)
    assert html.index("2023年年度报告") < html.index("2022年年度报告")
    assert "2023年度" in html
