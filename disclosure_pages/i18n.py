"""Keeping the reader in their language when following links.

Pages exist in Simplified first; a 繁體 or English reader browsing /zh-hant/… must not be
sent back to the Simplified site by every link. Wagtail gives a page's URL in the page's
own locale, so links are rewritten into the active language's prefix (no query: the
prefix alone makes Django's i18n patterns serve the page in that language).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

from .pagebase import BasePage
from .text import to_traditional
from .visibility import visible

#: Languages read in Traditional characters (the site's zh-hant, and the regional codes a
#: browser or an API client may send).
TRADITIONAL_LANGUAGES = frozenset({"zh-hant", "zh-tw", "zh-hk", "zh-mo"})


def reads_traditional(language: str | None = None) -> bool:
    """Whether ``language`` (the active language when not given) is read in Traditional characters."""
    return (language or translation.get_language() or settings.LANGUAGE_CODE).lower() in TRADITIONAL_LANGUAGES


def in_reader_script(text: str) -> str:
    """A Simplified text written once (a name, a site setting) in Traditional characters for a
    Traditional reader, converted character by character; as it is for everyone else."""
    return to_traditional(text, "hk") if text and reads_traditional() else text


def _prefixes() -> tuple[str, ...]:
    return tuple(f"/{code}/" for code, _name in settings.LANGUAGES)


def in_active_language(url: str | None) -> str:
    if not url:
        return url or ""
    language = translation.get_language() or settings.LANGUAGE_CODE
    if language == settings.LANGUAGE_CODE or language not in dict(settings.LANGUAGES):
        return url
    parts = urlsplit(url)
    path = parts.path or "/"
    if not path.startswith("/") or path.startswith(_prefixes()) or path.startswith(("/admin/", "/documents/", "/api/")):
        return url
    return urlunsplit(parts._replace(path=f"/{language}{path}"))


# --- pages not translated yet ---------------------------------------------------------------
#
# A translated page lives in its own locale's tree (wagtail-localize copies the ancestors it
# needs), so that tree holds only what has been translated. A reader of another language
# must still reach every page: where the reader's tree has no live page for a slug, the
# source tree's page is served under the reader's prefix (with a note, see the
# ``untranslated`` template tag), and listings show each page in the reader's language when
# it has a live translation, in the source language otherwise.

_UNSET = object()


def _content_language(code: str) -> str | None:
    try:
        return get_supported_content_language_variant(code)
    except LookupError:
        return None


def default_language() -> str | None:
    """The content language pages are written in (the tree translations are made from)."""
    return _content_language(settings.LANGUAGE_CODE)


def reader_locale(request: Any = None) -> Locale | None:
    """The reader's content locale when it is not the default one; None on the default site.

    Remembered on ``request`` when one is given: routing and listings ask more than once.
    """
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return None
    remembered = getattr(request, "_disclosure_reader_locale", _UNSET)
    if remembered is not _UNSET:
        return remembered
    language = _content_language(translation.get_language() or settings.LANGUAGE_CODE)
    locale = None
    if language and language != default_language():
        locale = Locale.objects.filter(language_code=language).first()
    if request is not None:
        request._disclosure_reader_locale = locale
    return locale


def in_default_language(queryset: Any) -> Any:
    """``queryset`` narrowed to pages of the default language: one row per piece of information,
    its translations shown in its place (:func:`in_reader_language`)."""
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return queryset
    return queryset.filter(locale=Locale.get_default())


def source_page(page: Any) -> Any:
    """``page`` in the default language (the tree translations are made from), or None if it is that."""
    return (
        BasePage.objects.filter(translation_key=page.translation_key, locale__language_code=default_language())
        .exclude(pk=page.pk)
        .first()
    )


def reader_child(page: Any, slug: str, request: Any = None) -> Any:
    """The child of ``page`` that a reader means by ``slug``, in the reader's language if it is live there."""
    child = page.get_children().filter(slug=slug).first()
    locale = reader_locale(request)
    if locale is None:
        return child
    if child is None or not child.live:
        source = source_page(page)
        found = source.get_children().filter(slug=slug).first() if source is not None else None
        child = found or child
    if child is not None and child.locale_id != locale.pk:
        translated = child.get_translation_or_none(locale)
        if translated is not None and translated.live:
            child = translated
    return child


def listing_parent(page: Any, request: Any = None) -> Any:
    """Where a listing of ``page``'s children or descendants looks: the source tree's page for a
    reader of another language (every page is there, translated or not), else ``page``."""
    if reader_locale(request) is None:
        return page
    return source_page(page) or page


def in_reader_language(pages: list[Any], request: Any = None, *, select_related: tuple[str, ...] = ()) -> list[Any]:
    """``pages`` with each one replaced by its translation in the reader's language where that
    is live and citizens may see it; one query per page type."""
    locale = reader_locale(request)
    if locale is None or not pages:
        return pages
    by_model: dict[type, set[Any]] = {}
    for page in pages:
        if page.locale_id != locale.pk:
            by_model.setdefault(type(page), set()).add(page.translation_key)
    translated: dict[Any, Any] = {}
    for model, keys in by_model.items():
        rows = visible(model.objects.filter(translation_key__in=keys, locale=locale)).select_related(*select_related)
        translated.update((row.translation_key, row) for row in rows)
    return [translated.get(page.translation_key, page) for page in pages]
