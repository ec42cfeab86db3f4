"""Filters and tags the public disclosure templates share.

Dates are written the way Chinese portals write them (2024年6月2日); breadcrumbs, the
left navigation and the language switch are computed here so that templates stay
small; the annual report's statutory tables are laid out here once, for both the
public page and the admin grid, because their spanning headers are too intricate
to express readably in template language.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django import template
from django.conf import settings
from django.core.paginator import Page as PaginatorPage
from django.urls import translate_url
from django.utils import timezone, translation
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from ..annual_report.format import LEGAL_PERSON_GROUP, RESULT_HEADING, TABLE3_PARTY_COLUMNS
from ..annual_report.tables import Cell, Table
from ..i18n import in_active_language

register = template.Library()

# How each language names itself in the switch (always in its own script).
LANGUAGE_SWITCH_LABELS: dict[str, str] = {"zh-hans": "简体", "zh-hant": "繁體", "en": "English"}


# --------------------------------------------------------------------------- dates


@register.filter
def cn_date(value: Any) -> str:
    """A date as ``2024年6月2日`` in Chinese, ``2 June 2024`` otherwise.

    Government portals never write ISO dates for readers; English follows GOV.UK style.
    """
    if value is None or value == "":
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    if not isinstance(value, datetime.date):
        return str(value)
    language = translation.get_language() or settings.LANGUAGE_CODE
    if language.lower().startswith("zh"):
        return f"{value.year}年{value.month}月{value.day}日"
    return f"{value.day} {MONTHS[value.month]} {value.year}"


def bcp47(language_code: str) -> str:
    """Django's ``zh-hans`` as the ``zh-Hans`` that ``lang`` attributes expect."""
    return translation.to_locale(language_code).replace("_", "-")


@register.simple_tag
def html_lang() -> str:
    """The active language for ``<html lang>``."""
    return bcp47(translation.get_language() or settings.LANGUAGE_CODE)


# --------------------------------------------------------------------------- navigation


@dataclass
class Crumb:
    title: str
    url: str | None
    current: bool = False


@register.inclusion_tag("disclosure_pages/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context: template.Context, page: Page | None = None) -> dict[str, Any]:
    """当前位置: live ancestors from the site root (shown as 首页) down to the page."""
    request = context.get("request")
    if page is None or not getattr(page, "pk", None):
        return {"crumbs": []}
    site = Site.find_for_request(request) if request is not None else None
    root_depth = site.root_page.depth if site is not None else 2
    ancestors = page.get_ancestors().live().filter(depth__gte=root_depth).only("title", "url_path", "depth", "path")
    crumbs = []
    for ancestor in ancestors:
        title = _("首页") if ancestor.depth == root_depth else ancestor.title
        crumbs.append(Crumb(title, in_active_language(ancestor.get_url(request))))
    if page.depth == root_depth:
        crumbs.append(Crumb(_("首页"), None, True))
    else:
        crumbs.append(Crumb(page.title, None, True))
    return {"crumbs": crumbs}


@dataclass
class NavItem:
    title: str
    url: str | None
    current: str = ""  # value for aria-current: "page", "true" (inside the section) or ""


@register.inclusion_tag("disclosure_pages/includes/section_nav.html", takes_context=True)
def section_nav(context: template.Context, portal: Page | None, page: Page | None = None) -> dict[str, Any]:
    """The portal's live sections, the one containing ``page`` marked for aria-current."""
    if portal is None:
        return {"items": [], "portal": None}
    request = context.get("request")
    page_path = getattr(page, "path", "") or ""
    page_pk = getattr(page, "pk", None)

    def state(target: Page) -> str:
        if page_pk == target.pk:
            return "page"
        if page_path.startswith(target.path) and target.pk != portal.pk:
            return "true"
        return ""

    items = [NavItem(_("信息公开首页"), in_active_language(portal.get_url(request)), state(portal))]
    items += [NavItem(s.title, in_active_language(s.get_url(request)), state(s)) for s in portal.navigation_sections()]
    return {"items": items, "portal": portal}


@dataclass
class LanguageLink:
    code: str
    lang: str
    label: str
    url: str
    current: bool


@register.simple_tag(takes_context=True)
def language_links(context: template.Context, page: Page | None = None) -> list[LanguageLink]:
    """One link per site language: the page's live translation, else this URL in that language.

    Links rather than a POST to set_language so that pages stay cacheable (no CSRF cookie).
    """
    request = context.get("request")
    path = request.get_full_path() if request is not None else "/"
    current = translation.get_language() or settings.LANGUAGE_CODE
    translations: dict[str, Page] = {}
    if page is not None and getattr(page, "pk", None) and getattr(page, "locale_id", None):
        for other in page.get_translations().live().select_related("locale"):
            translations[other.locale.language_code] = other
    links = []
    for code, name in settings.LANGUAGES:
        other = translations.get(code)
        url = other.get_url(request) if other is not None else None
        links.append(
            LanguageLink(code, bcp47(code), LANGUAGE_SWITCH_LABELS.get(code, name), url or translate_url(path, code), code == current)
        )
    return links


# --------------------------------------------------------------------------- listings


@register.simple_tag
def elided_pages(page_obj: PaginatorPage) -> list[int | str]:
    """Page numbers with ``…`` gaps, so a catalog of 10,000 entries keeps a short pager."""
    return list(page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1))


@register.simple_tag
def page_query(filter_query: str, number: int | str) -> str:
    """``?<filters>&page=N``: moving between pages keeps the visitor's filters."""
    prefix = f"{filter_query}&" if filter_query else ""
    return f"?{prefix}page={number}"


@register.simple_tag
def entry_attachments(entry: Page) -> list[Any]:
    """An entry's attachments with their documents in one query."""
    return list(entry.attachments.select_related("document").order_by("sort_order"))


# --------------------------------------------------------------------------- annual report tables


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


@register.simple_tag
def report_tables(tables: list[Table], prefix: str = "report-") -> dict[str, Any]:
    """``{% report_tables page.statistics_tables as tables %}``; ids prefixed so they never clash with the page's."""
    return report_layouts(tables, prefix)


@register.simple_tag(takes_context=True)
def langurl(context: template.Context, page: Page) -> str:
    """``pageurl`` that keeps the reader's language (see disclosure_pages/i18n.py)."""
    if page is None:
        return ""
    return in_active_language(page.get_url(request=context.get("request")))
