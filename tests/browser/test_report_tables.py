"""The annual report's wide statistical tables, in every language: they fit their box on a
1280-pixel screen, and on a phone they scroll sideways with their row labels kept in view.

Only a browser lays a table out: a header's English words make table 三 wider than its
box, and whether a label stays put while the figures scroll is a matter of CSS.
"""

from __future__ import annotations

import datetime

import pytest
from wagtail.models import Locale

from disclosure_pages.annual_report.format import FORMAT_2021
from disclosure_pages.models import AnnualReportIndexPage, AnnualReportPage
from tests import factories
from tests.annual_report.figures import valid_statistics

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LANGUAGES = ("", "/zh-hant", "/en")
TABLES = ".table-scroll.statistics"


@pytest.fixture
def report_path(live_server) -> str:
    portal = factories.portal_at_site_root()
    for code in ("zh-hant", "en"):
        Locale.objects.get_or_create(language_code=code)
    index = factories.section(portal, AnnualReportIndexPage)
    page = AnnualReportPage(
        organisation=factories.organisation(),
        title="2023年政府信息公开工作年度报告",
        slug="report-2023",
        year=2023,
        format_version=FORMAT_2021,
        publish_date=datetime.date(2024, 1, 31),
        statistics=valid_statistics(),
    )
    return factories.add_child(index, page).url


@pytest.mark.parametrize("prefix", LANGUAGES)
def test_every_table_fits_its_box_at_1280_pixels(live_server, report_path, desktop, prefix, screenshot):
    page = desktop
    page.goto(live_server.url + prefix + report_path)
    boxes = page.locator(TABLES)
    assert boxes.count() >= 3
    overflow = boxes.evaluate_all("els => els.map(el => [el.getAttribute('aria-labelledby'), el.scrollWidth - el.clientWidth])")
    assert [item for item in overflow if item[1] > 1] == [], overflow
    screenshot(page, f"report-tables{prefix.replace('/', '-') or '-zh-hans'}")


def test_on_a_phone_the_row_labels_stay_while_the_figures_scroll(live_server, report_path, mobile):
    page = mobile
    page.goto(live_server.url + "/en" + report_path)
    box = page.locator(TABLES).filter(has=page.locator("table.statistics-table--t3")).first
    label = box.locator("tbody th:not([rowspan])").first
    assert box.evaluate("el => el.scrollWidth > el.clientWidth")  # it does scroll on a phone
    box.evaluate("el => { el.scrollLeft = el.scrollWidth; }")
    edge, after = box.bounding_box(), label.bounding_box()
    assert edge is not None and after is not None
    assert edge["x"] - 1 <= after["x"] <= edge["x"] + 1, (edge, after)  # still at the box's left edge
    assert after["width"] < edge["width"] / 2  # and the figures have the rest of the screen
