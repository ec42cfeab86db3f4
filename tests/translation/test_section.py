"""A section translated in one action: drafts filled by OpenCC and submitted for review,
nothing new live until reviewed (disclosure_pages.translation.section)."""

from __future__ import annotations

import pytest
from wagtail.models import Locale, Page

from disclosure_pages.translation.section import translate_section
from tests import factories
from tests.translation.helpers import translate


@pytest.fixture
def catalog_with_entries(portal):
    catalog = factories.section(portal, factories.CatalogIndexPage)
    entries = [factories.entry(catalog, title=f"关于软件采购的通知（{n}）") for n in range(3)]
    return catalog, entries


def test_every_page_of_the_section_becomes_a_submitted_draft(client, catalog_with_entries, superuser) -> None:
    catalog, entries = catalog_with_entries
    zh_hant = Locale.objects.get_or_create(language_code="zh-hant")[0]
    translated = translate_section(catalog, zh_hant, superuser)
    assert len(translated) == 4
    for target in translated:
        page = Page.objects.get(pk=target.pk)
        assert not page.live and page.workflow_in_progress
        assert page.get_latest_revision().as_object().title.startswith(("關於軟件採購的通知", "政府資訊公開目錄", "政府信息公開目錄"))
    response = client.get("/zh-hant" + catalog.url)  # readers still get the reviewed source, with the note
    assert response.status_code == 200 and "关于软件采购的通知（1）" in response.content.decode()


def test_translating_again_updates_live_translations_as_drafts_only(catalog_with_entries, superuser) -> None:
    catalog, entries = catalog_with_entries
    zh_hant = Locale.objects.get_or_create(language_code="zh-hant")[0]
    translate(entries[0], superuser, zh_hant)
    entries[0].title = "关于软件正版化的通知"
    factories.publish(entries[0])
    [target] = translate_section(entries[0], zh_hant, superuser)
    page = Page.objects.get(pk=target.pk)
    assert page.live and page.title == "關於軟件採購的通知（0）"  # as reviewed
    assert page.get_latest_revision().as_object().title == "關於軟件正版化的通知"
