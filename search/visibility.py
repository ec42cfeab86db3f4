"""What may be searched: the one rule the index, the signals and the search service share.

A page is searchable when it is live, not behind a view restriction (its own or an
ancestor's) and, if it has a 公开方式, 主动公开. The moderation guard already refuses
to put anything else live; the rule is repeated here because the index must never be
the place where a mistake elsewhere becomes a leak.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet


def proactive() -> str:
    from disclosure_pages.catalog.models import DisclosureMode

    return DisclosureMode.PROACTIVE


def has_disclosure_mode(model: type) -> bool:
    try:
        model._meta.get_field("disclosure_mode")
    except Exception:
        return False
    return True


def searchable(queryset: QuerySet) -> QuerySet:
    """``queryset`` (of one disclosure page type) narrowed to what citizens may find."""
    queryset = queryset.live().public()
    if has_disclosure_mode(queryset.model):
        queryset = queryset.filter(disclosure_mode=proactive())
    return queryset


def may_be_indexed(page: Any) -> bool:
    """The in-memory part of :func:`searchable` (restrictions need a query; see signals)."""
    if not getattr(page, "live", False):
        return False
    if has_disclosure_mode(type(page)) and page.disclosure_mode != proactive():
        return False
    return True
