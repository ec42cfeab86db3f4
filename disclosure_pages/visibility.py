"""What a citizen may see: the one rule the guard, files, listings and search share.

A page is visible when it is live, not behind a view restriction (its own or an
ancestor's) and, if it has a 公开方式, 主动公开. The moderation guard refuses to put
anything else live; the rule is applied again wherever content is shown or indexed, so
that no one place can turn a mistake elsewhere into a leak. :func:`visible` is the rule
for a queryset, :func:`may_be_shown` for a page already in memory.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.models import get_page_models

MODE_FIELD = "disclosure_mode"


class DisclosureMode(models.TextChoices):
    """公开方式 of a piece of information, and the 公开属性 a reviewer decides: only 主动公开 is shown."""

    PROACTIVE = "proactive", _("主动公开")
    ON_APPLICATION = "on_application", _("依申请公开")
    WITHHELD = "withheld", _("不予公开")


def has_disclosure_mode(model: type) -> bool:
    try:
        model._meta.get_field(MODE_FIELD)
    except FieldDoesNotExist:
        return False
    return True


def shown_by_mode(page: Any) -> bool:
    """The 公开方式 part of the rule, for one page in memory."""
    return not has_disclosure_mode(type(page)) or getattr(page, MODE_FIELD) == DisclosureMode.PROACTIVE


@cache
def _mode_owners(model: type) -> tuple[type, ...]:
    """The page models below ``model`` that own a 公开方式 (one exclusion each, however many inherit it)."""
    owners = {
        page_model._meta.get_field(MODE_FIELD).model
        for page_model in get_page_models()
        if issubclass(page_model, model) and has_disclosure_mode(page_model)
    }
    return tuple(sorted(owners, key=lambda owner: owner._meta.label))


def visible(queryset: QuerySet) -> QuerySet:
    """``queryset`` (of any page model, the base page model included) narrowed to what citizens may see."""
    queryset = queryset.live().public()
    if has_disclosure_mode(queryset.model):
        return queryset.filter(**{MODE_FIELD: DisclosureMode.PROACTIVE})
    for owner in _mode_owners(queryset.model):
        hidden = owner._default_manager.exclude(**{MODE_FIELD: DisclosureMode.PROACTIVE})
        queryset = queryset.exclude(pk__in=hidden.values("pk"))
    return queryset


def may_be_shown(page: Any) -> bool:
    """The in-memory part of :func:`visible` (restrictions need a query)."""
    return bool(getattr(page, "live", False)) and shown_by_mode(page)


def visible_among(queryset: QuerySet) -> list[Any]:
    """The pages of a small ``queryset`` (a page of search results) that citizens may see.

    Live and public in SQL, 公开方式 on the loaded instances: :func:`visible` on the base
    page model adds a ``NOT IN`` over every non-主动公开 entry, a scan of the catalog that a
    handful of known ids does not need.
    """
    return [page for page in queryset.live().public() if may_be_shown(page)]
