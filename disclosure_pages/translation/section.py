"""Translating a page and everything below it in one action.

wagtail-localize translates a page (and, if asked, its subpages) with the source's text,
and the machine translator is then a button per page in its editor. Here one action does
it all for a section: each page gets its translation (a draft; a live alias wagtail-localize
made earlier goes offline, see moderation.guard.detaches_alias), filled by the machine
translator where it can, saved as a draft revision and, unless the caller publishes
otherwise, submitted to the page's workflow. Pages that already have a translation are
brought up to date the same way, never by writing the live page.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from .machine import fill_missing_strings
from .sync import update_translation_draft


def _translated_keys(pages: list[Any], locale: Locale) -> set[Any]:
    """Translation keys of ``pages`` that have a page of their own (not an alias) in ``locale``."""
    keys = [page.translation_key for page in pages]
    return set(
        Page.objects.filter(translation_key__in=keys, locale=locale, alias_of__isnull=True).values_list(
            "translation_key", flat=True
        )
    )


@transaction.atomic
def translate_section(page: Any, locale: Locale, user: Any = None, *, submit: bool = True) -> list[Any]:
    """``page`` and its descendants in ``locale``, as drafts; returns the translated pages."""
    pages = list(page.get_descendants(inclusive=True).order_by("path").specific())
    done = _translated_keys(pages, locale)
    creator = TranslationCreator(user, [locale])
    for each in pages:
        if each.translation_key in done:
            source, _created = TranslationSource.get_or_create_from_instance(each)
            source.update_from_db()
        else:
            creator.create_translations(each)
    translations = Translation.objects.filter(
        source__object_id__in=[each.translation_key for each in pages],
        source__locale_id=page.locale_id,
        target_locale=locale,
    ).select_related("source", "source__locale", "target_locale")
    translated, translator = [], get_machine_translator()
    for translation in translations:
        fill_missing_strings(translation, user, translator)
        update_translation_draft(translation, user, submit=submit)
        translated.append(translation.get_target_instance())
    return sorted(translated, key=lambda target: target.path)
