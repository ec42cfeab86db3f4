"""The demo portal in 繁體 (the whole tree, by the OpenCC translator) and English (the portal,
its sections and the current guide, written for the demo); each published with a demo review
of exactly its content, as the Simplified pages are."""

from __future__ import annotations

from collections import Counter
from typing import Any

from wagtail.models import Locale, Page
from wagtail_localize.operations import TranslationCreator

from disclosure_pages.models import DisclosurePortalPage, GuideIndexPage, GuidePage
from disclosure_pages.translation.section import translate_section

from . import english
from .makers import publish_revision


def _publish_latest(page: Any) -> None:
    publish_revision(Page.objects.get(pk=page.pk).get_latest_revision(), comment="演示数据（译文）")


def _own_pages(portal: DisclosurePortalPage, locale: Locale) -> int:
    """Live pages of the portal's tree that have a translation of their own (not an alias) in ``locale``."""
    keys = portal.get_descendants(inclusive=True).live().values("translation_key")
    return Page.objects.filter(translation_key__in=keys, locale=locale, live=True, alias_of__isnull=True).count()


def ensure_traditional(portal: DisclosurePortalPage) -> int:
    """Every live page of the portal in Traditional Chinese; returns how many were published."""
    locale = Locale.objects.get(language_code="zh-hant")
    if _own_pages(portal, locale) == portal.get_descendants(inclusive=True).live().count():
        return 0
    translated = translate_section(portal, locale, None, submit=False)
    for target in translated:
        _publish_latest(target)
    return len(translated)


def _english(page: Any, locale: Locale, fields: dict[str, Any]) -> int:
    """``page`` in English with ``fields``, published; 0 if it already is."""
    existing = Page.objects.filter(translation_key=page.translation_key, locale=locale, alias_of__isnull=True).first()
    if existing is not None and existing.live:
        return 0
    if existing is None:
        TranslationCreator(None, [locale]).create_translations(page)
    target = Page.objects.get(translation_key=page.translation_key, locale=locale).specific
    for name, value in fields.items():
        setattr(target, name, value)
    target.save_revision()
    _publish_latest(target)
    return 1


def ensure_english(portal: DisclosurePortalPage) -> int:
    """The portal, its section pages and the current guide in English; returns how many were published."""
    locale = Locale.objects.get(language_code="en")
    published = _english(portal, locale, english.PORTAL)
    for section in portal.get_children().live().specific():
        if section.slug in english.SECTIONS:
            title, intro = english.SECTIONS[section.slug]
            published += _english(section, locale, {"title": title, **({"intro": intro} if intro else {})})
    guide = GuidePage.objects.child_of(GuideIndexPage.objects.child_of(portal).get()).filter(slug=english.GUIDE_SLUG)
    for page in guide.live():
        published += _english(page, locale, english.GUIDE)
    return published


def ensure_translations(portal: DisclosurePortalPage) -> Counter[str]:
    return Counter({"繁体页面": ensure_traditional(portal), "英文页面": ensure_english(portal)})
