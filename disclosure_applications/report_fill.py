"""Filling an annual report's table 三 from the register: a new draft, which then goes
through 保密审查 and sign-off like any other edit (nothing here publishes)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Revision

from disclosure_pages.annual_report.format import FORMAT_LEGACY, TABLE3_COLUMNS, get_format, table3_cell
from disclosure_pages.annual_report.models import AnnualReportPage

from .statistics import table3

_SPLIT_OTHER = ("other_1", "other_2", "other_3")


def table3_for_report(page: AnnualReportPage) -> dict[str, int]:
    """The register's table 三 in the report's own format (2019 has one （六） row)."""
    cells = table3(page.organisation_id, page.year)
    rows = {row.key for row in get_format(page.format_version).table3_rows}
    if "other" in rows:
        for column in {key.rsplit(".", 1)[1] for key in cells}:
            cells[table3_cell("other", column)] = sum(cells.pop(table3_cell(r, column)) for r in _SPLIT_OTHER)
    return {key: value for key, value in cells.items() if key.split(".")[1] in rows}


def fill(page: AnnualReportPage, user) -> Revision:
    draft = page.get_latest_revision_as_object()
    draft.statistics = {**(draft.statistics or {}), **table3_for_report(draft)}
    return draft.save_revision(user=user, log_action=True)


def fill_view(request, page_id: int):
    """GET: the figures the register gives; POST: write them into a new draft."""
    page = get_object_or_404(AnnualReportPage, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    if page.format_version == FORMAT_LEGACY:
        messages.error(request, _("2019年以前的年度报告没有国家统一的统计表。"))
        return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    if request.method == "POST":
        fill(page, request.user)
        messages.success(request, _("已按申请登记填写表三，保存为草稿；请核对后提交审查。"))
        return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    figures = table3_for_report(page)
    rows = [
        (row, [figures.get(table3_cell(row.key, column.key), 0) for column in TABLE3_COLUMNS])
        for row in get_format(page.format_version).table3_rows
    ]
    context = {"page": page, "rows": rows, "columns": TABLE3_COLUMNS}
    return TemplateResponse(request, "disclosure_applications/admin/fill_table3.html", context)
