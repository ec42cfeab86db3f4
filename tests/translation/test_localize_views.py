"""The invariant on wagtail-localize's own admin views: the translation editor's Publish and
"Sync translated pages" with "publish" never put unreviewed translated text live."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

from disclosure_pages.moderation.guard import UnreviewedPublication
from disclosure_pages.translation.section import translate_section
from tests import factories
from tests.people import client_for, person
from tests.translation.helpers import translate


@pytest.fixture
def zh_hant(db) -> Locale:
    return Locale.objects.get_or_create(language_code="zh-hant")[0]


@pytest.fixture
def entry(portal):
    catalog = factories.section(portal, factories.CatalogIndexPage)
    return factories.entry(catalog, title="关于软件的通知")


def test_the_translation_editor_s_publish_button_is_refused_without_a_review(
    entry, zh_hant, django_user_model, django_capture_on_commit_callbacks
) -> None:
    admin = person(django_user_model, "admin", superuser=True)
    [*_parents, target] = translate_section(entry, zh_hant, admin, submit=False)
    client = client_for(Client, admin)
    # wagtail-localize publishes after the commit (the test runs those callbacks by hand).
    with pytest.raises(UnreviewedPublication), django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"})
    assert not Page.objects.get(pk=target.pk).live


def test_sync_translated_pages_with_publish_leaves_the_live_translation_as_reviewed(
    entry, zh_hant, django_user_model, django_capture_on_commit_callbacks
) -> None:
    admin = person(django_user_model, "admin", superuser=True)
    translate(entry, admin, zh_hant)
    translation = Page.objects.get(locale=zh_hant, translation_key=entry.translation_key)
    assert translation.live and translation.title == "關於軟件的通知"
    entry.title = "关于软件采购的通知"
    factories.publish(entry)
    source = TranslationSource.objects.get(object_id=entry.translation_key, locale=entry.locale)
    client = client_for(Client, admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]),
            {"publish_translations": "on", "use_machine_translation": "on"},
        )
    assert response.status_code in (200, 302, 403)  # refused as the middleware reports it, never a 500
    assert Page.objects.get(pk=translation.pk).title == "關於軟件的通知"  # not the unreviewed update
    assert Page.objects.get(pk=translation.pk).live
