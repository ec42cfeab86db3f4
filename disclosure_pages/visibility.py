"""What a citizen may see: the one rule the guard, files, listings and search share.

A page is visible when it is live, not behind a view restriction (its own or an
ancestor's) and, if it has a 公开方式, 主动公开. The moderation guard refuses to put
anything else live; the rule is applied again wherever content is shown or indexed, so
that no one place can turn a mistake elsewhere into a leak.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _


class DisclosureMode(models.TextChoices):
    """公开方式 of a piece of information: only 主动公开 is shown on the site."""

    PROACTIVE = "proactive", _("主动公开")
    ON_APPLICATION = "on_application", _("依申请公开")
    WITHHELD = "withheld", _("不予公开")


def has_disclosure_mode(model: type) -> bool:
    try:
        model._meta.get_field("disclosure_mode")
    except FieldDoesNotExist:
        return False
    return True


def shown_by_mode(page: Any) -> bool:
    """The 公开方式 part of the rule, for one page in memory."""
    return not has_disclosure_mode(type(page)) or page.disclosure_mode == DisclosureMode.PROACTIVE


def visible(queryset: QuerySet) -> QuerySet:
    """``queryset`` (of one page type) narrowed to what citizens may see."""
    queryset = queryset.live().public()
    if has_disclosure_mode(queryset.model):
        queryset = queryset.filter(disclosure_mode=DisclosureMode.PROACTIVE)
    return queryset


def may_be_shown(page: Any) -> bool:
    """The in-memory part of :func:`visible` (restrictions need a query)."""
    return bool(getattr(page, "live", False)) and shown_by_mode(page)


def visible_pages(queryset: QuerySet, models: list[type]) -> QuerySet:
    """Base pages in ``queryset`` citizens may see; ``models`` are the page types it may hold.

    One exclusion per model that owns a 公开方式, however many page types inherit it.
    """
    owners = {model._meta.get_field("disclosure_mode").model for model in models if has_disclosure_mode(model)}
    queryset = queryset.live().public()
    for owner in owners:
        hidden = owner.objects.exclude(disclosure_mode=DisclosureMode.PROACTIVE)
        queryset = queryset.exclude(pk__in=hidden.values("pk"))
    return queryset
