"""Admin editing of the statistical tables: one number input per statutory cell."""

from __future__ import annotations

import json

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from .format import FORMAT_2021, get_format
from .tables import build_tables
from .validation import validate_statistics


class StatisticsTableWidget(forms.Widget):
    """Renders the report's tables with an input in every cell and its error beside it."""

    template_name = "disclosure_pages/annual_report/widgets/statistics_tables.html"
    format_version = FORMAT_2021

    class Media:
        css = {"all": ["disclosure_pages/css/statistics-admin.css"]}

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.cell_errors: dict[str, list[str]] = {}

    def value_from_datadict(self, data, files, name):
        prefix = f"{name}__"
        values = {k[len(prefix):]: v for k, v in data.items() if k.startswith(prefix)}
        if not values and name in data:  # a plain JSON post (API, tests)
            return data[name]
        return json.dumps(values, ensure_ascii=False)

    def format_value(self, value):
        if isinstance(value, str):
            try:
                value = json.loads(value or "{}")
            except ValueError:
                value = {}
        return value if isinstance(value, dict) else {}

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        values = context["widget"]["value"]
        context["tables"] = build_tables(get_format(self.format_version), values, self.cell_errors, input_name=name)
        context["has_tables"] = get_format(self.format_version).has_tables
        return context


class AnnualReportForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "statistics" in self.fields:
            widget = self.fields["statistics"].widget
            if isinstance(widget, StatisticsTableWidget):
                widget.format_version = self.instance.format_version or FORMAT_2021

    def clean(self):
        cleaned = super().clean()
        if "statistics" not in self.fields:
            return cleaned
        # The grid on screen is the one of the version the page was saved with.
        widget = self.fields["statistics"].widget
        version = getattr(widget, "format_version", None) or cleaned.get("format_version") or FORMAT_2021
        if cleaned.get("format_version") and cleaned["format_version"] != version:
            # The version changed: keep the figures that still fit, re-check on the next edit.
            return cleaned
        _values, errors = validate_statistics(version, cleaned.get("statistics") or {})
        if errors:
            if isinstance(widget, StatisticsTableWidget):
                widget.cell_errors = errors
            self.add_error(
                "statistics",
                ValidationError(
                    _("统计表有 %(count)d 处错误，请查看标红的单元格。"), params={"count": len(errors)}
                ),
            )
        return cleaned
