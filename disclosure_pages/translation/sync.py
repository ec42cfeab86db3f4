"""Keeping translations in step with their source, as drafts under review.

When a page of the default language is published, each of its Chinese-script translations
is brought up to date: strings that are new or changed are translated by the machine
translator (strings a person translated stay theirs), the result is saved as a new draft
revision of the translation, and the translation is submitted to its workflow. The live
translation is never written: wagtail-localize's own update (``save_target``) saves the
translated text into the page row, which the confidentiality guard refuses for a live
page, so the draft is built here the way Wagtail's editor builds one (``save_revision``).

It runs after the publication commits; a failure is logged and leaves the translation as
it was (wagtail-localize then shows it as out of date). English translations are a
person's work and are only marked out of date by wagtail-localize.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.coreutils import find_available_slug
from wagtail.models import Page, Revision
from wagtail_localize.fields import copy_synchronised_fields
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import Translation
from wagtail_localize.segments.ingest import ingest_segments

from .machine import fill_missing_strings

logger = logging.getLogger("disclosure_pages.translation")


def update_translation_draft(translation: Translation, user: Any = None, *, submit: bool = True) -> Revision:
    """A new draft revision of ``translation``'s page from its source's current strings.

    The source must be current (``translation.source.update_from_db()``). The page row is
    not written beyond Wagtail's revision bookkeeping, so a live translation stays as
    reviewed until this draft is reviewed and published. ``submit`` starts the page's
    workflow with the draft.
    """
    source = translation.source
    original = source.as_instance()
    target = translation.get_target_instance()
    copy_synchronised_fields(original, target)
    segments = source._get_segments_for_translation(translation.target_locale, fallback=True)
    ingest_segments(original, target, source.locale, translation.target_locale, segments)
    # As wagtail-localize does: the translated slug may be taken beside the page (two locales'
    # portals under one root).
    target.slug = find_available_slug(target.get_parent(), target.slug, ignore_page_id=target.pk)
    revision = target.save_revision(user=user)
    workflow = target.get_workflow() if submit else None
    if workflow is not None and not target.workflow_in_progress:
        workflow.start(target, user)
    return revision


def translations_to_keep_in_step(page: Any) -> list[Translation]:
    """The enabled translations of ``page`` that the machine translator can make."""
    translator = get_machine_translator()
    if translator is None:
        return []
    translations = Translation.objects.filter(
        source__object_id=page.translation_key, source__locale_id=page.locale_id, enabled=True
    ).select_related("source", "source__locale", "target_locale")
    return [t for t in translations if translator.can_translate(t.source.locale, t.target_locale)]


def keep_in_step(page: Any, user_id: int | None) -> int:
    """Bring the Chinese-script translations of ``page`` up to date; returns how many."""
    translations = translations_to_keep_in_step(page)
    if not translations:
        return 0
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    user = user or Page.objects.get(pk=page.pk).owner
    translations[0].source.update_from_db()
    updated, translator = 0, get_machine_translator()
    for translation in translations:
        try:
            with transaction.atomic():
                fill_missing_strings(translation, user, translator)
                update_translation_draft(translation, user)
            updated += 1
        except Exception:
            logger.exception("Could not keep translation %s of page %s in step", translation.pk, page.pk)
    return updated


def on_page_published(sender: type, instance: Any, revision: Revision | None = None, **kwargs: Any) -> None:
    """``page_published`` receiver: after the commit, for pages of the default language."""
    if not getattr(instance, "is_disclosure_page", False) or not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return
    user_id = getattr(revision, "user_id", None)

    def run() -> None:
        try:
            keep_in_step(instance, user_id)
        except Exception:
            logger.exception("Could not keep the translations of page %s in step", instance.pk)

    transaction.on_commit(run)
