"""Checks of the totals the national format implies, reported per cell.

Errors name the cell that should change (usually a 总计) so that the admin can show
each message next to that cell.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from .format import (
    NON_RESULT_ROWS,
    SIGNED_COLUMNS,
    TABLE3_COLUMNS,
    TABLE3_PARTY_COLUMNS,
    TABLE4_COLUMNS,
    TABLE4_GROUPS,
    get_format,
    table3_cell,
    table4_cell,
)

CellErrors = dict[str, list[str]]


def parse_statistics(version: str, raw: dict) -> tuple[dict[str, int | Decimal], CellErrors]:
    """Turn submitted cell values into numbers; empty cells count as 0."""
    fmt = get_format(version)
    decimal_keys = fmt.decimal_keys()
    values: dict[str, int | Decimal] = {}
    errors: CellErrors = {}
    raw = raw if isinstance(raw, dict) else {}
    for key in fmt.cell_keys():
        value = raw.get(key, "")
        text = str(value).strip() if value is not None else ""
        if text == "":
            # Empty cells count as zero, of the cell's own type, so that parsing the
            # stored figures again gives the same JSON (approvals fingerprint it).
            values[key] = Decimal(0) if key in decimal_keys else 0
            continue
        signed = key.rsplit(".", 1)[-1] in SIGNED_COLUMNS
        if key in decimal_keys:
            try:
                number = Decimal(text)
            except InvalidOperation:
                errors[key] = [_("请输入数字。")]
                continue
            if not number.is_finite() or number < 0:
                errors[key] = [_("请输入不小于0的数字。")]
                continue
            values[key] = number
        else:
            body = text[1:] if signed and text[:1] in "+-" else text
            if not (body.isascii() and body.isdigit()) or len(body) > 9:
                errors[key] = [_("请输入整数。") if signed else _("请输入非负整数。")]
                continue
            values[key] = int(text)
    return values, errors


def validate_statistics(version: str, raw: dict) -> tuple[dict[str, int | Decimal], CellErrors]:
    """Parse and check a report's figures; returns the numbers and the errors by cell."""
    fmt = get_format(version)
    if not fmt.has_tables:
        return {}, {}
    values, errors = parse_statistics(version, raw)
    if errors:
        return values, errors

    def add(key: str, message: str) -> None:
        errors.setdefault(key, []).append(message)

    rows = [r.key for r in fmt.table3_rows]
    result_rows = [r for r in rows if r not in NON_RESULT_ROWS]
    for row in rows:
        parts = sum(values[table3_cell(row, c)] for c in TABLE3_PARTY_COLUMNS)
        total = values[table3_cell(row, "total")]
        if parts != total:
            add(table3_cell(row, "total"), _("总计应等于各类申请人之和 %(expected)s，填写为 %(actual)s。") % {"expected": parts, "actual": total})
    for column in TABLE3_COLUMNS:
        c = column.key
        results = sum(values[table3_cell(r, c)] for r in result_rows)
        total = values[table3_cell("total", c)]
        if results != total:
            add(
                table3_cell("total", c),
                _("（七）总计应等于各项办理结果之和 %(expected)s，填写为 %(actual)s。") % {"expected": results, "actual": total},
            )
        received = values[table3_cell("new", c)] + values[table3_cell("carried_in", c)]
        handled = total + values[table3_cell("carried_out", c)]
        if received != handled:
            add(
                table3_cell("carried_out", c),
                _("一加二（%(received)s）应等于（七）总计加四（%(handled)s）。") % {"received": received, "handled": handled},
            )
    for group in TABLE4_GROUPS:
        parts = sum(values[table4_cell(group.key, c.key)] for c in TABLE4_COLUMNS if c.key != "total")
        total = values[table4_cell(group.key, "total")]
        if parts != total:
            add(
                table4_cell(group.key, "total"),
                _("总计应等于结果维持、结果纠正、其他结果、尚未审结之和 %(expected)s，填写为 %(actual)s。")
                % {"expected": parts, "actual": total},
            )
    return values, errors


def to_json(values: dict[str, int | Decimal]) -> dict[str, int | str]:
    """Decimals as strings so that the JSON keeps 万元 amounts exact."""
    return {k: (str(v) if isinstance(v, Decimal) else v) for k, v in values.items()}
