"""Figures for the annual report tests: one consistent set of statistics per format."""

from __future__ import annotations

from disclosure_pages.annual_report.format import FORMAT_2021, TABLE3_COLUMNS, get_format, table3_cell, table4_cell


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
