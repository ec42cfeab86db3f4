"""The report page model: statistics checked and stored as numbers, one report per organisation and year."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from disclosure_pages.annual_report.format import table3_cell
from disclosure_pages.models import AnnualReportIndexPage, AnnualReportPage
from tests import factories
from tests.annual_report.figures import valid_statistics


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
