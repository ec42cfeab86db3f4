"""A horizontal bar chart as data for a template: the figures stay text in a real table.

Each bar is a row of the table (caption, header cells), so screen readers read the
numbers; the bar is an SVG rectangle (no inline style, which the public CSP forbids)
marked ``aria-hidden``, sized in percent of the largest figure.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

LABELS = {
    "received": _("本年新收申请"),
    "carried_in": _("上年结转"),
    "answered": _("本年办结"),
    "on_time": _("按期答复"),
    "extended": _("延期答复"),
    "overdue": _("超期未答复"),
    "carried_out": _("结转下年度"),
    "disclosed": _("予以公开"),
    "partly": _("部分公开"),
    "withheld": _("不予公开"),
    "unable": _("无法提供"),
    "declined": _("不予处理"),
    "other": _("其他处理"),
}


@dataclass(frozen=True)
class Bar:
    key: str
    label: str
    value: int
    percent: float


def bars(figures: dict[str, int]) -> list[Bar]:
    largest = max(figures.values(), default=0) or 1
    return [Bar(key, str(label), figures[key], round(100 * figures[key] / largest, 1)) for key, label in LABELS.items()]
