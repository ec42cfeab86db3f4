"""Wagtail's admin scripts speak the editor's Chinese (issue 12: strings Wagtail's catalogs lack).

The strings of Wagtail's scripts reach a page through ``django.catalog``; the add-on's entries
are merged in by ``disclosure_pages.admin_strings``. Checked where an editor sees them: the
sidebar's toggle (Wagtail's zh-Hant lacks it and Django fills it from zh-Hans) and the
rich-text editor's placeholder (Wagtail's zh-Hans lacks it). Data is created before ``desktop`` (see conftest.browser).
"""

from __future__ import annotations

import pytest
from wagtail.users.models import UserProfile

from disclosure_pages.models import CatalogIndexPage
from tests import factories
from tests.browser.admin_login import PASSWORD, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]



@pytest.fixture
def catalog_id(live_server, django_user_model) -> int:
    catalog = factories.section(factories.portal(), CatalogIndexPage)
    for username, language in (("jianti", "zh-hans"), ("fanti", "zh-hant")):
        user = django_user_model.objects.create_superuser(username, f"{username}@example.gov.cn", PASSWORD)
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
    return catalog.pk


def test_wagtail_s_scripts_speak_the_editor_s_chinese(live_server, catalog_id, desktop, screenshot):
    page, base = desktop, live_server.url

    log_in(page, base, "fanti")
    assert page.locator("html").get_attribute("lang") == "zh-hant"
    page.get_by_role("button", name="切換側邊欄").wait_for()  # Django had filled it in Simplified: 切换侧边栏
    assert page.evaluate("django.gettext('Autosave in progress…')") == "正在自動保存…"
    assert page.evaluate("django.gettext('Toggle sidebar')") == "切換側邊欄"

    log_in(page, base, "jianti")
    page.goto(f"{base}/admin/pages/add/disclosure_pages/catalogentrypage/{catalog_id}/")
    page.locator("#body-root .c-sf-add-button").first.click()
    page.get_by_role("option", name="段落").click()
    page.locator("#body-root [contenteditable=true]").first.click()
    empty_block = page.locator("#body-root .Draftail-block--empty").first
    # Draftail writes the placeholder into a style rule for the focused empty block.
    shown = empty_block.evaluate("block => getComputedStyle(block, '::before').content")
    assert shown == '"输入内容，或键入“/”插入块"'
    screenshot(page, "admin-strings-editor")
