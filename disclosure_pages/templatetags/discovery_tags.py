"""``<link rel="alternate">`` to the catalog's feeds, in the page's head."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext as _

register = template.Library()

TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml"}


def _feeds(name: str, label: str, **kwargs: Any) -> list[tuple[str, str, str]]:
    try:
        return [(TYPES[kind], f"{label} ({kind.upper()})", reverse(name, kwargs={"kind": kind, **kwargs})) for kind in TYPES]
    except NoReverseMatch:  # a host that did not mount the feeds
        return []


@register.simple_tag(takes_context=True)
def feed_links(context: Any) -> str:
    """The whole catalog's feeds on every page; on a catalog filtered by one organ or one topic, theirs too."""
    catalog = _("政府信息公开目录")
    links = _feeds("disclosure_feed", catalog)
    filters = context.get("filters")
    for param, name in (("organ", "disclosure_organ_feed"), ("topic", "disclosure_topic_feed")):
        chosen = filters.value(param) if filters is not None else None
        if chosen is not None and getattr(chosen, "pk", None) is not None:
            label = getattr(chosen, "full_label", None) or chosen.label
            links += _feeds(name, f"{catalog} - {label}", **{param: chosen.pk})
    return format_html_join("\n  ", '<link rel="alternate" type="{}" title="{}" href="{}">', links)
