"""Wagtail admin text that Wagtail 8 leaves in English (or "None") for an editor working in Chinese.

The translations themselves live in ``locale/<lang>/LC_MESSAGES/wagtail_admin*.po``
(``scripts/wagtail_admin_catalog.py``). Strings of Wagtail's templates and Python code reach
the admin through the add-on's ``django.mo``, which Django merges with every app's. Strings of
Wagtail's scripts do not: the admin's ``jsi18n`` view reads ``wagtail.admin``'s catalog only.
So each admin page also gets the add-on's ``djangojs.mo`` entries, merged into the same
``django.catalog`` that Wagtail's scripts read when they call ``gettext``.
"""

from __future__ import annotations

import functools
import gettext
import json
from pathlib import Path

from django.utils.translation import get_language, to_locale
from django.utils.translation.trans_real import DjangoTranslation
from django.views.i18n import JavaScriptCatalog

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
# As django.utils.html.json_script: nothing in the data can close the script element.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@functools.cache
def script_catalog(language: str) -> dict[str, str | list[str]]:
    """The add-on's entries for Wagtail's scripts in a language, in Django's JavaScript catalog form.

    Empty for a language the add-on has no such catalog for: Django would fill it from the
    default language's, and an English or French editor would get Chinese.
    """
    if not gettext.find("djangojs", str(LOCALE_DIR), [to_locale(language)]):
        return {}
    view = JavaScriptCatalog()
    view.translation = DjangoTranslation(language, domain="djangojs", localedirs=[str(LOCALE_DIR)])
    return view.get_catalog()


def script_catalog_tag() -> str:
    """The add-on's entries for the active language as an inline script; empty where there are none.

    Inline rather than a URL of its own: every admin URL requires a signed-in user, and the
    login page, which has none, renders the same hook.
    """
    catalog = script_catalog(get_language() or "")
    return merge_script(catalog) if catalog else ""


def merge_script(catalog: dict[str, str | list[str]]) -> str:
    """A script setting entries of ``django.catalog``.

    They replace what is there: the add-on only has strings Wagtail's catalog for the language
    lacks, which Django fills in from the default language's (Simplified, for a Traditional editor).
    """
    data = json.dumps(catalog, ensure_ascii=False, sort_keys=True).translate(_SCRIPT_ESCAPES)
    return (
        "<script>(function (entries) {"
        " var django = window.django = window.django || {};"
        " django.catalog = django.catalog || {};"
        " for (var key in entries) { django.catalog[key] = entries[key]; }"
        f" }})({data});</script>"
    )


def name_page_search_results() -> None:
    """Give Wagtail's page search view the model name its results header prints.

    The view has no verbose name, so the header read "1-4 of 4 None" ("4 个None中的第 1–4 个").
    Left alone once Wagtail gives it one.
    """
    from wagtail.admin.views.pages.search import SearchView
    from wagtail.models import Page

    if getattr(SearchView, "verbose_name_plural", None) is None:
        SearchView.verbose_name = Page._meta.verbose_name
        SearchView.verbose_name_plural = Page._meta.verbose_name_plural
