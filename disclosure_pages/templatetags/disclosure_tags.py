"""Filters and tags the public disclosure templates share.

Dates are written the way Chinese portals write them (2024年6月2日); breadcrumbs, the
left navigation and the language switch are computed here so that templates stay
small; the annual report's statutory tables are laid out in ``annual_report/layout.py``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django import template
from django.conf import settings
from django.core.paginator import Page as PaginatorPage
from django.urls import translate_url
from django.utils import timezone, translation
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from ..annual_report.layout import report_layouts
from ..annual_report.tables import Table
from ..i18n import in_active_language, in_reader_script, reader_locale

register = template.Library()

# How each language names itself in the switch (always in its own script).
LANGUAGE_SWITCH_LABELS: dict[str, str] = {"zh-hans": "简体", "zh-hant": "繁體", "en": "English"}


# --------------------------------------------------------------------------- dates


@register.filter
def reader_script(value: Any) -> str:
    """A Simplified text the webmaster wrote once (site settings) in Traditional characters for
    Traditional readers, converted character by character; unchanged for everyone else."""
    return in_reader_script("" if value is None else str(value))


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


@dataclass
class Untranslated:
    """A page shown to a reader of another language in its own (source) language."""

    language_name: str  # the reader's language, named in the interface language
    source_name: str
    source_lang: str  # for the content's lang attribute


@register.simple_tag(takes_context=True)
def untranslated(context: template.Context, page: Page | None = None) -> Untranslated | None:
    """Set when ``page`` has no live translation in the reader's language (see i18n)."""
    locale = reader_locale(context.get("request"))
    if locale is None or page is None or not getattr(page, "locale_id", None) or page.locale_id == locale.pk:
        return None
    names = dict(settings.LANGUAGES)
    source = page.locale.language_code
    return Untranslated(
        translation.gettext(names.get(locale.language_code, locale.language_code)),
        translation.gettext(names.get(source, source)),
        bcp47(source),
    )


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
