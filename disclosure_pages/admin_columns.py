"""Listing columns for the admin's snippet lists, in words an editor reads."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column

YES, NO = _("是"), _("否")


class YesNoColumn(Column):
    """A yes/no field as words (启用 / 停用): Wagtail printed a raw ``True`` in such columns."""

    def __init__(self, name: str, *, yes: Any = YES, no: Any = NO, **kwargs: Any) -> None:
        super().__init__(name, **kwargs)
        self.yes, self.no = yes, no

    def get_value(self, instance: Any) -> Any:
        value = super().get_value(instance)
        if value is None:
            return ""
        return self.yes if value else self.no


def yes_no(model: type[models.Model], name: str, **kwargs: Any) -> YesNoColumn:
    """The column of ``model``'s field ``name``, labelled and sorted as the field."""
    return YesNoColumn(name, label=model._meta.get_field(name).verbose_name, sort_key=name, **kwargs)
