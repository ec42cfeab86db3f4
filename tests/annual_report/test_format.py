"""The statutory formats as data: rows, columns and captions of each year's tables."""

from __future__ import annotations

from disclosure_pages.annual_report.format import FORMAT_2019, FORMAT_2021, FORMAT_LEGACY, TABLE3_COLUMNS, get_format


def test_2021_format_has_the_statutory_rows_and_columns():
    fmt = get_format(FORMAT_2021)
    assert len(fmt.table3_rows) == 25 and len(TABLE3_COLUMNS) == 7
    assert len(get_format(FORMAT_2019).table3_rows) == 23
    assert [t.caption for t in fmt.table2] == ["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"]
    assert fmt.table3_rows[-2].label == "（七）总计"
    assert not get_format(FORMAT_LEGACY).has_tables
