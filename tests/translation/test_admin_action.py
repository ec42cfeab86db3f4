"""The admin action "机器翻译（含下级页面）": an editor translates a section in one action and the
drafts go to review (disclosure_pages.translation.views)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, Page

from disclosure_pages.moderation.roles import EDITORS, REVIEWERS
from tests import factories
from tests.people import client_for, person


@pytest.fixture
def section(portal):
    catalog = factories.section(portal, factories.CatalogIndexPage)
    for n in range(2):
        factories.entry(catalog, title=f"关于软件采购的通知（{n}）")
    Locale.objects.get_or_create(language_code="zh-hant")
    return catalog


def test_an_editor_translates_a_section_in_one_action(section, django_user_model) -> None:
    editor = client_for(Client, person(django_user_model, "editor", EDITORS))
    url = reverse("disclosure_translate_section", args=[section.pk])
    explorer = editor.get(reverse("wagtailadmin_explore", args=[section.pk]))
    assert url in explorer.content.decode()  # the button in the section's own header

    confirm = editor.get(url)
    assert confirm.status_code == 200 and "及其下 2 个页面" in confirm.content.decode()
    zh_hant = Locale.objects.get(language_code="zh-hant")
    response = editor.post(url, {"locale": zh_hant.pk}, follow=True)
    assert response.status_code == 200
    assert "已生成 3 个" in response.content.decode()
    drafts = Page.objects.filter(locale=zh_hant, translation_key__in=section.get_descendants(inclusive=True).values("translation_key"))
    assert drafts.count() == 3
    assert all(not page.live and page.workflow_in_progress for page in drafts)
    assert {page.get_latest_revision().as_object().title for page in drafts} >= {"關於軟件採購的通知（0）"}


def test_no_locale_chosen_is_an_error_not_a_500(section, django_user_model) -> None:
    editor = client_for(Client, person(django_user_model, "editor", EDITORS))
    url = reverse("disclosure_translate_section", args=[section.pk])
    for data in ({}, {"locale": "x"}, {"locale": "99999"}):
        response = editor.post(url, data)
        assert response.status_code == 200 and "请选择" in response.content.decode()
    assert not Page.objects.filter(locale__language_code="zh-hant").exclude(alias_of__isnull=False).exists()


def test_a_reviewer_may_not_translate(section, django_user_model) -> None:
    reviewer = client_for(Client, person(django_user_model, "reviewer", REVIEWERS))
    url = reverse("disclosure_translate_section", args=[section.pk])
    for response in (reviewer.get(url), reviewer.post(url, {"locale": Locale.objects.get(language_code="zh-hant").pk})):
        assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")  # Wagtail's "no permission"
    assert not Page.objects.filter(locale__language_code="zh-hant").exists()
