"""Printing an entry or a report gives the document and its metadata, not the site (issue 13)."""

from __future__ import annotations

import datetime

import pytest

from disclosure_pages.annual_report.format import FORMAT_2021
from disclosure_pages.models import AnnualReportIndexPage, AnnualReportPage, CatalogIndexPage
from tests import factories
from tests.annual_report.figures import valid_statistics

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SITE_PARTS = ("header.site-header", "footer.site-footer", ".site-header__search", "nav.section-nav", ".breadcrumbs")


@pytest.fixture
def paths(live_server) -> dict[str, str]:
    portal = factories.portal_at_site_root()
    catalog = factories.section(portal, CatalogIndexPage)
    entry = factories.entry(catalog, title="关于印发安庆市政务公开工作要点的通知", validity="repealed",
                            body=[("paragraph", "<p>各县（市、区）人民政府：现将工作要点印发给你们。</p>")])  # fmt: skip
    report = AnnualReportPage(organisation=factories.organisation(), title="2023年政府信息公开工作年度报告",
                              slug="report-2023", year=2023, format_version=FORMAT_2021,
                              publish_date=datetime.date(2024, 1, 31), statistics=valid_statistics())  # fmt: skip
    factories.add_child(factories.section(portal, AnnualReportIndexPage), report)
    return {"entry": entry.url, "report": report.url}


def test_printing_keeps_the_document_and_drops_the_site(live_server, paths, desktop, screenshot):
    page = desktop
    for name, path in paths.items():
        page.emulate_media(media="screen")
        page.goto(live_server.url + path)
        assert page.locator("header.site-header").is_visible()
        page.emulate_media(media="print")
        for selector in SITE_PARTS:
            assert not page.locator(selector).first.is_visible(), (name, selector)
        assert page.get_by_role("heading", level=1).is_visible()
        if name == "entry":
            assert page.locator("table.metadata-table").is_visible()
            assert page.locator(".validity-banner").is_visible()
        else:
            tables = page.locator(".table-scroll.statistics")
            assert tables.count() >= 3 and tables.first.is_visible()
        screenshot(page, f"print-{name}")
