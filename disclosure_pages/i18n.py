"""Keeping the reader in their language when following links.

Pages exist in Simplified first; a 繁體 or English reader browsing /zh-hant/… must not be
sent back to the Simplified site by every link. Wagtail gives a page's URL in the page's
own locale, so links are rewritten into the active language's prefix (no query: the
prefix alone makes Django's i18n patterns serve the page in that language).
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.utils import translation


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
