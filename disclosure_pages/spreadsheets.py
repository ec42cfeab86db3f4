"""CSV exports that Excel opens with their Chinese intact.

Excel reads a CSV file without a byte order mark in the system's legacy code page (GBK on a
Chinese Windows), so Wagtail's exports (the review report, the applications, Wagtail's own
reports) opened as mojibake. Every CSV that Wagtail's export mixin streams starts with the
UTF-8 BOM instead, which Excel and every CSV reader of note take as UTF-8.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

BOM = "\ufeff"
_MARK = "disclosure_excel_bom"


def start_csv_exports_with_a_bom() -> None:
    """Once, for every view using Wagtail's ``SpreadsheetExportMixin``."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    original = SpreadsheetExportMixin.stream_csv
    if getattr(original, _MARK, False):
        return

    def stream_csv(self: Any, queryset: Any) -> Iterator[str]:
        yield BOM
        yield from original(self, queryset)

    setattr(stream_csv, _MARK, True)
    SpreadsheetExportMixin.stream_csv = stream_csv
