"""Annual reports: the statutory tables as data, the totals the format implies, shown per cell."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils.form_data import nested_form_data, rich_text

from disclosure_pages.annual_report.format import (
    FORMAT_2019,
    FORMAT_2021,
    FORMAT_LEGACY,
    TABLE3_COLUMNS,
    get_format,
    table3_cell,
    table4_cell,
)
from disclosure_pages.annual_report.validation import validate_statistics
from disclosure_pages.models import AnnualReportIndexPage, AnnualReportPage
from tests import factories

pytestmark = pytest.mark.django_db


def valid_statistics(version: str = FORMAT_2021) -> dict[str, object]:
    """A consistent set of figures: every rule of the format holds."""
    fmt = get_format(version)
    stats: dict[str, object] = {}
    result_rows = [r.key for r in fmt.table3_rows if r.key not in {"new", "carried_in", "total", "carried_out"}]
    for i, column in enumerate(c.key for c in TABLE3_COLUMNS[:-1]):
        new, carried_in = 20 + i, 2
        per_result = {row: (i + n) % 3 for n, row in enumerate(result_rows)}
        total = sum(per_result.values())
        values = {"new": new, "carried_in": carried_in, "total": total, "carried_out": new + carried_in - total}
        values.update(per_result)
        for row, value in values.items():
            stats[table3_cell(row, column)] = value
    for row in fmt.table3_rows:
        stats[table3_cell(row.key, "total")] = sum(stats[table3_cell(row.key, c.key)] for c in TABLE3_COLUMNS[:-1])
    for group, figures in {"review": (376, 97, 196, 121), "direct_suit": (16, 1, 12, 27), "suit_after_review": (74, 1, 30, 51)}.items():
        for key, value in zip(("upheld", "corrected", "other", "pending"), figures):
            stats[table4_cell(group, key)] = value
        stats[table4_cell(group, "total")] = sum(figures)
    stats["t2.item1.rules.issued"] = 2
    if version == FORMAT_2021:
        stats["t2.item8.fees.amount"] = "12.5"
    return stats


def test_domain_sample_figures_pass():
    # Table 4 of a published report (domain notes §1.5): 376+97+196+121 = 790 etc.
    stats = valid_statistics()
    assert stats[table4_cell("review", "total")] == 790
    assert validate_statistics(FORMAT_2021, stats)[1] == {}
    assert validate_statistics(FORMAT_2019, valid_statistics(FORMAT_2019))[1] == {}


def test_2021_format_has_the_statutory_rows_and_columns():
    fmt = get_format(FORMAT_2021)
    assert len(fmt.table3_rows) == 25 and len(TABLE3_COLUMNS) == 7
    assert len(get_format(FORMAT_2019).table3_rows) == 23
    assert [t.caption for t in fmt.table2] == ["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"]
    assert fmt.table3_rows[-2].label == "（七）总计"
    assert not get_format(FORMAT_LEGACY).has_tables


def test_wrong_row_total_is_reported_on_that_cell():
    stats = valid_statistics()
    stats[table3_cell("new", "total")] += 1
    _values, errors = validate_statistics(FORMAT_2021, stats)
    assert table3_cell("new", "total") in errors
    assert "各类申请人之和" in errors[table3_cell("new", "total")][0]


def test_wrong_grand_total_and_balance_are_reported():
    stats = valid_statistics()
    stats[table3_cell("disclosed", "natural")] += 1
    stats[table3_cell("disclosed", "total")] += 1
    _values, errors = validate_statistics(FORMAT_2021, stats)
    # （七）总计 no longer equals the sum of the results in the 自然人 column and in 总计.
    assert table3_cell("total", "natural") in errors
    assert table3_cell("total", "total") in errors


def test_received_must_equal_handled_plus_carried_over():
    stats = valid_statistics()
    stats[table3_cell("carried_out", "legal")] += 1
    stats[table3_cell("carried_out", "total")] += 1
    _values, errors = validate_statistics(FORMAT_2021, stats)
    assert table3_cell("carried_out", "legal") in errors
    assert "一加二" in errors[table3_cell("carried_out", "legal")][0]


def test_review_litigation_totals():
    stats = valid_statistics()
    stats[table4_cell("direct_suit", "total")] = 55
    _values, errors = validate_statistics(FORMAT_2021, stats)
    assert list(errors) == [table4_cell("direct_suit", "total")]


@pytest.mark.parametrize("value", ["-1", "1.5", "abc", "１２", "9999999999", "1e3"])
def test_cells_must_be_non_negative_integers(value):
    stats = valid_statistics()
    stats[table3_cell("new", "natural")] = value
    _values, errors = validate_statistics(FORMAT_2021, stats)
    assert table3_cell("new", "natural") in errors


def test_fee_amount_may_be_a_decimal_but_not_negative():
    stats = valid_statistics()
    assert validate_statistics(FORMAT_2021, stats)[1] == {}
    stats["t2.item8.fees.amount"] = "-0.5"
    assert "t2.item8.fees.amount" in validate_statistics(FORMAT_2021, stats)[1]


def _report(index, org, **kwargs) -> AnnualReportPage:
    kwargs.setdefault("title", "2024年政府信息公开工作年度报告")
    kwargs.setdefault("year", 2024)
    return AnnualReportPage(organisation=org, **kwargs)


def test_model_validation_refuses_a_wrong_total_and_stores_numbers(portal, org):
    index = factories.section(portal, AnnualReportIndexPage)
    stats = valid_statistics()
    page = _report(index, org, statistics={k: str(v) for k, v in stats.items()}, slug="r2024", live=False)
    index.add_child(instance=page)
    page.full_clean()
    assert page.statistics[table3_cell("new", "natural")] == 20  # stored as numbers
    page.statistics[table3_cell("new", "total")] = 0
    with pytest.raises(ValidationError) as exc:
        page.full_clean()
    assert "statistics" in exc.value.message_dict


def test_one_report_per_organisation_and_year(portal, org):
    index = factories.section(portal, AnnualReportIndexPage)
    factories.add_child(index, _report(index, org, slug="a", statistics=valid_statistics()))
    duplicate = _report(index, org, slug="b", statistics=valid_statistics(), live=False)
    index.add_child(instance=duplicate)  # a draft may be saved (Wagtail validates drafts lightly) …
    with pytest.raises(ValidationError) as exc:  # … but it cannot be published
        duplicate.full_clean()
    assert "year" in exc.value.message_dict
    other_year = _report(index, org, slug="c", year=2023, statistics=valid_statistics(), live=False)
    index.add_child(instance=other_year)


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
