"""Translations kept in step: a published source updates its Traditional translation as a draft
under review, never the live translation (disclosure_pages.translation.sync)."""

from __future__ import annotations

import pytest
from wagtail.models import Locale, Page

from tests import factories
from tests.translation.helpers import translate


@pytest.fixture
def translated_entry(portal, superuser):
    zh_hant = Locale.objects.get_or_create(language_code="zh-hant")[0]
    catalog = factories.section(portal, factories.CatalogIndexPage)
    entry = factories.entry(catalog, title="关于软件的通知", doc_number="宜政办秘〔2008〕8号")
    translate(entry, superuser, zh_hant)
    return entry, Page.objects.get(locale=zh_hant, translation_key=entry.translation_key).specific


def test_publishing_the_source_drafts_the_translation_and_submits_it(
    translated_entry, superuser, django_capture_on_commit_callbacks
) -> None:
    entry, translation = translated_entry
    assert translation.live and translation.title == "關於軟件的通知"
    entry.title = "关于软件采购的通知"
    with django_capture_on_commit_callbacks(execute=True):
        factories.publish(entry, user=superuser)
    translation.refresh_from_db()
    assert translation.title == "關於軟件的通知"  # the live translation is as it was reviewed
    draft = translation.get_latest_revision().as_object()
    assert draft.title == "關於軟件採購的通知" and draft.doc_number == "宜政办秘〔2008〕8号"
    assert translation.has_unpublished_changes and translation.workflow_in_progress

    revision = translation.get_latest_revision()
    factories.approve(revision)
    revision.publish()
    assert Page.objects.get(pk=translation.pk).title == "關於軟件採購的通知"


def test_a_person_s_translation_of_an_unchanged_string_is_kept(
    translated_entry, superuser, django_capture_on_commit_callbacks
) -> None:
    from wagtail_localize.models import StringTranslation

    entry, translation = translated_entry
    changed = StringTranslation.objects.filter(locale=translation.locale, data="宜政办秘〔2008〕8号")
    assert changed.update(data="宜政辦秘〔2008〕8號", translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL) == 1
    entry.title = "关于软件采购的通知"
    with django_capture_on_commit_callbacks(execute=True):
        factories.publish(entry, user=superuser)
    translation.refresh_from_db()
    draft = translation.get_latest_revision().as_object()
    assert draft.title == "關於軟件採購的通知" and draft.doc_number == "宜政辦秘〔2008〕8號"
