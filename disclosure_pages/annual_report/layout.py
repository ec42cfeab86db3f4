"""The statutory tables of an annual report laid out for HTML, for the public page and the admin grid.

Their spanning headers are too intricate to express readably in template language, so
they are laid out here once: every cell with the ids of all the headers that apply to it
(row headers first), for screen readers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from .format import LEGAL_PERSON_GROUP, RESULT_HEADING, TABLE3_PARTY_COLUMNS
from .tables import Cell, Table


@dataclass
class HeaderCell:
    """A ``<th>`` (or the blank corner ``<td>`` when ``text`` is empty)."""

    text: str
    id: str = ""
    scope: str = ""
    colspan: int = 1
    rowspan: int = 1
    level: int = 0


@dataclass
class DataCell:
    cell: Cell
    headers: str  # ids of every header that applies, row headers first
    input_id: str = ""
    error_id: str = ""

    @property
    def display(self) -> Any:
        """Empty cells count as 0 (validation does the same)."""
        value = self.cell.value
        return 0 if value is None or value == "" else value

    @property
    def inputmode(self) -> str:
        """The amount column holds 万元 with decimals; every other cell is a whole number."""
        return "decimal" if self.cell.key.endswith(".amount") else "numeric"


@dataclass
class LayoutRow:
    headers: list[HeaderCell]
    cells: list[DataCell]
    css_class: str = ""


@dataclass
class TableLayout:
    key: str
    caption: str
    head: list[list[HeaderCell]]
    body: list[list[LayoutRow]] = field(default_factory=list)  # one list per <tbody>
    caption_id: str = ""
    caption_repeats_heading: bool = False  # t3/t4 are named like their report section


def _data_cell(cell: Cell, header_ids: list[str]) -> DataCell:
    input_id = cell.input_name.replace(".", "-") if cell.input_name else ""
    return DataCell(cell, " ".join(header_ids), input_id, f"{input_id}-error" if input_id else "")


def _t2_layout(table: Table, prefix: str) -> TableLayout:
    base = f"{prefix}{table.key}"
    corner = HeaderCell(_("信息内容"), f"{base}-label", "col")
    head = [[corner] + [HeaderCell(label, f"{base}-c-{key}", "col") for key, label in table.columns]]
    rows = []
    for row in table.rows:
        row_id = f"{base}-r-{row.key}"
        cells = [
            _data_cell(cell, [row_id, f"{base}-c-{key}"]) for (key, _label), cell in zip(table.columns, row.cells)
        ]
        rows.append(LayoutRow([HeaderCell(row.label, row_id, "row")], cells))
    return TableLayout(table.key, table.caption, head, [rows], f"{base}-caption")


def _t3_layout(table: Table, prefix: str) -> TableLayout:
    """申请情况 as in the national format: three label columns and a two-level applicant header."""
    base = f"{prefix}t3"
    applicant_id, legal_id, results_id = f"{base}-applicant", f"{base}-legal", f"{base}-results"
    columns = dict(table.columns)
    party = [key for key, _label in table.columns if key in TABLE3_PARTY_COLUMNS and key != "natural"]
    head = [
        [HeaderCell("", colspan=3, rowspan=3), HeaderCell(_("申请人情况"), applicant_id, "colgroup", colspan=len(columns))],
        [
            HeaderCell(columns["natural"], f"{base}-c-natural", "col", rowspan=2),
            HeaderCell(LEGAL_PERSON_GROUP, legal_id, "colgroup", colspan=len(party)),
            HeaderCell(columns["total"], f"{base}-c-total", "col", rowspan=2),
        ],
        [HeaderCell(columns[key], f"{base}-c-{key}", "col") for key in party],
    ]

    def column_ids(key: str) -> list[str]:
        return [applicant_id, *([legal_id] if key in party else []), f"{base}-c-{key}"]

    result_count = sum(1 for row in table.rows if row.level)
    before, results, after = [], [], []
    group_ids: dict[str, str] = {}
    for row in table.rows:
        row_id = f"{base}-r-{row.key}"
        row_headers = [row_id]
        headers: list[HeaderCell] = []
        if row.heading_before:
            headers.append(HeaderCell(RESULT_HEADING, results_id, "rowgroup", rowspan=result_count))
        if row.level:
            row_headers.insert(0, results_id)
        if row.group:
            group_id = group_ids.setdefault(row.group, f"{base}-g-{row.key.rsplit('_', 1)[0]}")
            row_headers.insert(len(row_headers) - 1, group_id)
            if row.group_rowspan:
                headers.append(HeaderCell(row.group, group_id, "rowgroup", rowspan=row.group_rowspan))
            headers.append(HeaderCell(row.label, row_id, "row", level=row.level))
        else:
            headers.append(HeaderCell(row.label, row_id, "row", colspan=2 if row.level else 3, level=row.level))
        cells = [
            _data_cell(cell, row_headers + column_ids(key)) for (key, _label), cell in zip(table.columns, row.cells)
        ]
        layout_row = LayoutRow(headers, cells, "is-total" if row.key == "total" else "")
        if row.level:
            results.append(layout_row)
        elif results:
            after.append(layout_row)
        else:
            before.append(layout_row)
    caption = _("收到和处理政府信息公开申请情况")
    return TableLayout(table.key, caption, head, [part for part in (before, results, after) if part], f"{base}-caption", True)


def _t4_layout(table: Table, prefix: str) -> TableLayout:
    """复议、诉讼 in the official one-row layout: 15 figures under two header levels plus the column names."""
    base = f"{prefix}t4"
    top: list[HeaderCell] = []
    second: list[HeaderCell] = []
    columns: list[HeaderCell] = []
    cells: list[DataCell] = []
    parents: dict[str, HeaderCell] = {}
    width = len(table.columns)
    for row in table.rows:
        group_id = f"{base}-g-{row.key}"
        header_ids = [group_id]
        if row.group:
            parent = parents.get(row.group)
            if parent is None:
                parent = HeaderCell(row.group, f"{base}-p-{len(parents)}", "colgroup", colspan=0)
                parents[row.group] = parent
                top.append(parent)
            parent.colspan += width
            header_ids.insert(0, parent.id)
            second.append(HeaderCell(row.label, group_id, "colgroup", colspan=width))
        else:
            top.append(HeaderCell(row.label, group_id, "colgroup", colspan=width, rowspan=2))
        for (key, label), cell in zip(table.columns, row.cells):
            column_id = f"{group_id}-{key}"
            columns.append(HeaderCell(label, column_id, "col"))
            cells.append(_data_cell(cell, [*header_ids, column_id]))
    caption = _("政府信息公开行政复议、行政诉讼情况")
    return TableLayout(table.key, caption, [top, second, columns], [[LayoutRow([], cells)]], f"{base}-caption", True)


def report_layouts(tables: list[Table], prefix: str = "") -> dict[str, Any]:
    """Layouts of a report's tables by place: ``proactive`` (list), ``applications``, ``review``."""
    result: dict[str, Any] = {"proactive": [], "applications": None, "review": None}
    for table in tables:
        if table.key == "t3":
            result["applications"] = _t3_layout(table, prefix)
        elif table.key == "t4":
            result["review"] = _t4_layout(table, prefix)
        else:
            result["proactive"].append(_t2_layout(table, prefix))
    return result
