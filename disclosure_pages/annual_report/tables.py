"""The statistical tables as rows of cells, for the admin grid and the public page."""

from __future__ import annotations

from dataclasses import dataclass, field

from .format import (
    LEGAL_PERSON_GROUP,
    RESULT_HEADING,
    TABLE3_COLUMNS,
    TABLE4_COLUMNS,
    TABLE4_GROUPS,
    ReportFormat,
    table3_cell,
    table4_cell,
)


@dataclass
class Cell:
    key: str
    value: object
    errors: list[str] = field(default_factory=list)
    input_name: str = ""


@dataclass
class TableRow:
    key: str
    label: str
    cells: list[Cell]
    group: str = ""
    group_rowspan: int = 0  # >0 on the first row of a group: the group cell spans this many rows
    level: int = 0
    heading_before: str = ""


@dataclass
class Table:
    key: str
    caption: str
    columns: list[tuple[str, str]]
    rows: list[TableRow]


def _cell(key: str, values: dict, errors: dict, input_name: str) -> Cell:
    return Cell(key, values.get(key, ""), errors.get(key, []), f"{input_name}__{key}" if input_name else "")


def build_tables(fmt: ReportFormat, values: dict, errors: dict | None = None, *, input_name: str = "") -> list[Table]:
    errors = errors or {}
    values = values or {}
    tables: list[Table] = []
    for sub in fmt.table2:
        rows = []
        for row in sub.rows:
            cells = [
                _cell(sub.cell(row.key, c.key), values, errors, input_name)
                for c in sub.columns
            ]
            rows.append(TableRow(row.key, row.label, cells))
        tables.append(Table(f"t2-{sub.key}", sub.caption, [(c.key, c.label) for c in sub.columns], rows))

    if fmt.table3_rows:
        rows = []
        group_sizes: dict[str, int] = {}
        for row in fmt.table3_rows:
            if row.group:
                group_sizes[row.group] = group_sizes.get(row.group, 0) + 1
        seen_groups: set[str] = set()
        heading_done = False
        for row in fmt.table3_rows:
            cells = [
                _cell(table3_cell(row.key, c.key), values, errors, input_name)
                for c in TABLE3_COLUMNS
            ]
            table_row = TableRow(row.key, row.label, cells, row.group, level=row.level)
            if row.group and row.group not in seen_groups:
                seen_groups.add(row.group)
                table_row.group_rowspan = group_sizes[row.group]
            if row.level and not heading_done:
                table_row.heading_before = RESULT_HEADING
                heading_done = True
            rows.append(table_row)
        tables.append(Table("t3", LEGAL_PERSON_GROUP, [(c.key, c.label) for c in TABLE3_COLUMNS], rows))

        rows = []
        for group in TABLE4_GROUPS:
            cells = [
                _cell(table4_cell(group.key, c.key), values, errors, input_name)
                for c in TABLE4_COLUMNS
            ]
            rows.append(TableRow(group.key, group.label, cells, group.parent))
        tables.append(Table("t4", "", [(c.key, c.label) for c in TABLE4_COLUMNS], rows))
    return tables
