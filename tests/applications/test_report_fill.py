"""An annual report's table 三 filled from the register: a new draft, never published by it."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import Permission

from disclosure_applications.choices import Outcome
from disclosure_applications.report_fill import table3_for_report
from disclosure_pages.annual_report.format import FORMAT_2019, FORMAT_2021, table3_cell
from disclosure_pages.models import AnnualReportIndexPage, AnnualReportPage
from tests import factories

from .conftest import answer, letter


@pytest.fixture
def report(portal_with_reports, office) -> AnnualReportPage:
    index = AnnualReportIndexPage.objects.descendant_of(portal_with_reports).first()
    page = AnnualReportPage(title="2025年政府信息公开工作年度报告", slug="report-2025", organisation=office,
                            year=2025, publish_date=datetime.date(2026, 1, 20), format_version=FORMAT_2021)  # fmt: skip
    return factories.add_child(index, page)


@pytest.fixture
def portal_with_reports(db):
    return factories.portal()


def answered_2025(office, outcome) -> None:
    application = letter(office, datetime.date(2025, 3, 3))
    answer(application, outcome, datetime.date(2025, 3, 10))


def test_the_button_shows_the_figures_and_posting_makes_a_draft(admin_client, report, office) -> None:
    answered_2025(office, Outcome.WITHHELD_2)
    answered_2025(office, Outcome.OTHER_2)
    live_revision = report.live_revision_id
    edit = admin_client.get(f"/admin/pages/{report.pk}/edit/").content.decode()
    assert f"/admin/applications/fill-table3/{report.pk}/" in edit
    shown = admin_client.get(f"/admin/applications/fill-table3/{report.pk}/").content.decode()
    assert "2.其他法律行政法规禁止公开" in shown
    response = admin_client.post(f"/admin/applications/fill-table3/{report.pk}/")
    assert response.status_code == 302
    report.refresh_from_db()
    draft = report.get_latest_revision_as_object()
    assert draft.statistics[table3_cell("withheld_2", "natural")] == 1
    assert draft.statistics[table3_cell("new", "total")] == 2
    assert report.live_revision_id == live_revision  # the live report is untouched until reviewed
    assert report.statistics.get(table3_cell("withheld_2", "natural"), 0) == 0


def test_the_2019_format_has_one_row_for_other_handling(report, office) -> None:
    answered_2025(office, Outcome.OTHER_2)
    report.format_version = FORMAT_2019
    figures = table3_for_report(report)
    assert figures[table3_cell("other", "natural")] == 1 and table3_cell("other_2", "natural") not in figures


def test_people_who_cannot_edit_the_report_are_refused(client, report, django_user_model) -> None:
    user = django_user_model.objects.create_user("nobody", "n@example.gov.cn", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.post(f"/admin/applications/fill-table3/{report.pk}/").status_code in (302, 403)
    report.refresh_from_db()
    assert report.get_latest_revision().user is None or report.get_latest_revision().user.username != "nobody"
