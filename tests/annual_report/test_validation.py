"""The totals the format implies, checked and reported on the cell that breaks them (no database)."""

from __future__ import annotations

import pytest

from disclosure_pages.annual_report.format import FORMAT_2019, FORMAT_2021, table3_cell, table4_cell
from disclosure_pages.annual_report.validation import validate_statistics
from tests.annual_report.figures import valid_statistics


def test_domain_sample_figures_pass():
    # Table 4 of a published report (domain notes §1.5): 376+97+196+121 = 790 etc.
    stats = valid_statistics()
    assert stats[table4_cell("review", "total")] == 790
    assert validate_statistics(FORMAT_2021, stats)[1] == {}
    assert validate_statistics(FORMAT_2019, valid_statistics(FORMAT_2019))[1] == {}


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
