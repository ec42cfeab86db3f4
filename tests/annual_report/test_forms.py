"""The statistics widget and the admin form: an error beside the wrong cell, nothing typed lost."""

from __future__ import annotations

import json
import re

from wagtail.test.utils.form_data import nested_form_data, rich_text

from disclosure_pages.annual_report.format import FORMAT_2021, FORMAT_LEGACY, table3_cell, table4_cell
from disclosure_pages.annual_report.forms import StatisticsTableWidget
from disclosure_pages.models import AnnualReportIndexPage, AnnualReportPage
from tests import factories
from tests.annual_report.figures import valid_statistics
from tests.pages.html import TableHeaders, squash


def test_statistics_widget_renders_inputs_with_errors_beside_them():
    widget = StatisticsTableWidget()
    widget.cell_errors = {"t3.new.total": ["总计应等于各类申请人之和 12，填写为 11。"]}
    html = squash(widget.render("statistics", {"t3.new.natural": 12, "t3.new.total": 11}))
    assert '<input type="text" inputmode="numeric" name="statistics__t3.new.natural" id="statistics__t3-new-natural" value="12"' in html
    match = re.search(
        r'<input type="text" inputmode="numeric" name="statistics__t3.new.total"[^>]*aria-invalid="true" '
        r'aria-describedby="(?P<id>[^"]+)"> <p class="statistics-error" id="(?P=id)">总计应等于各类申请人之和 12，填写为 11。</p>',
        html,
    )
    assert match, "the error must follow its own input"
    assert 'name="statistics__t2.item8.fees.amount"' in html and 'inputmode="decimal"' in html
    parser = TableHeaders()
    parser.feed(html)
    assert set(parser.references) <= parser.ids


def test_statistics_widget_explains_legacy_reports():
    widget = StatisticsTableWidget()
    widget.format_version = FORMAT_LEGACY
    html = widget.render("statistics", {})
    assert "2019年以前的年度报告没有国家统一的统计表" in html and "<input" not in html


def _admin_form_data(org, stats: dict) -> dict:
    data = nested_form_data(
        {
            "title": "2024年政府信息公开工作年度报告",
            "slug": "report-2024",
            "organisation": org.pk,
            "year": 2024,
            "publish_date": "2025-01-20",
            "format_version": FORMAT_2021,
            "section_overview": rich_text("<p>总体情况。</p>"),
            "section_proactive": rich_text(""),
            "section_applications": rich_text(""),
            "section_review_litigation": rich_text(""),
            "section_problems": rich_text(""),
            "section_other": rich_text(""),
        }
    )
    data.update({f"statistics__{k}": str(v) for k, v in stats.items()})
    return data


def test_admin_shows_the_error_next_to_the_wrong_cell(admin_client, portal, org):
    index = factories.section(portal, AnnualReportIndexPage)
    stats = valid_statistics()
    wrong = table3_cell("withheld_3", "total")
    stats[wrong] = int(stats[wrong]) + 5
    url = f"/admin/pages/add/disclosure_pages/annualreportpage/{index.pk}/"
    response = admin_client.post(url, _admin_form_data(org, stats))
    assert response.status_code == 200, "the form is shown again, not saved"
    assert not AnnualReportPage.objects.exists()
    widget = response.context["form"].fields["statistics"].widget
    # The wrong cell, and the grand total of its column that no longer adds up.
    assert set(widget.cell_errors) == {wrong, table3_cell("total", "total")}
    html = response.content.decode()
    assert "各类申请人之和" in html
    # The submitted (wrong) figure is shown again in its input, so nothing typed is lost.
    assert f'name="statistics__{wrong}"' in html


def test_admin_saves_a_consistent_report(admin_client, portal, org):
    index = factories.section(portal, AnnualReportIndexPage)
    url = f"/admin/pages/add/disclosure_pages/annualreportpage/{index.pk}/"
    response = admin_client.post(url, _admin_form_data(org, valid_statistics()))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = AnnualReportPage.objects.get()
    assert page.statistics[table4_cell("review", "total")] == 790
    assert json.loads(json.dumps(page.statistics)) == page.statistics
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
