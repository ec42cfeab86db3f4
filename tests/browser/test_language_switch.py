"""A reader switches a catalog entry to 繁體 and searches there (issue 12's reader journey).

On a Simplified entry the reader chooses 繁體 in the language switch and must land on the
same entry, translated (Traditional title and metadata, no "not translated" note); then a
search for 資訊公開 from the header box must list Traditional titles and snippets whose
links stay on /zh-hant/. Data is created before ``desktop`` (see conftest.browser).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from wagtail.models import Locale, Page

from disclosure_pages.models import CatalogIndexPage, ClassificationTerm
from tests import factories
from tests.translation.helpers import translate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TITLE = "关于进一步做好政府信息公开工作的通知"
TRADITIONAL_TITLE = "關於進一步做好政府信息公開工作的通知"
UNTRANSLATED = "关于政府信息公开年度报告工作的通知"


@dataclass
class Site_:
    entry_url: str
    translation_url: str


@pytest.fixture
def translated_site(live_server, django_user_model) -> Site_:
    portal = factories.portal_at_site_root()
    catalog = factories.section(portal, CatalogIndexPage)
    topic = ClassificationTerm.objects.get(dimension="topic", name="政务公开")
    entry = factories.entry(
        catalog,
        title=TITLE,
        topic_category=topic,
        publish_date=datetime.date(2024, 3, 18),
        body=[("paragraph", "<p>各单位要认真落实《政府信息公开条例》，及时发布应当主动公开的信息。</p>")],
    )
    factories.entry(catalog, title=UNTRANSLATED, body=[("paragraph", "<p>做好政府信息公开年度报告的编制工作。</p>")])
    editor = django_user_model.objects.create_superuser("translator", "t@example.gov.cn", "pw-for-tests-only")
    zh_hant = Locale.objects.get_or_create(language_code="zh-hant")[0]
    translate(entry, editor, zh_hant)
    translation = Page.objects.get(locale=zh_hant, translation_key=entry.translation_key)
    return Site_(entry.url, translation.url)


def test_a_reader_switches_to_traditional_and_searches_there(live_server, translated_site, desktop, screenshot):
    page = desktop
    page.goto(live_server.url + translated_site.entry_url)
    assert page.get_by_role("heading", level=1).inner_text() == TITLE

    page.get_by_role("navigation", name="语言").get_by_role("link", name="繁體").click()
    page.wait_for_url(f"**{translated_site.translation_url}")
    assert translated_site.translation_url.startswith("/zh-hant/")
    assert page.locator("html").get_attribute("lang") == "zh-Hant"
    assert page.get_by_role("heading", level=1).inner_text() == TRADITIONAL_TITLE
    metadata = page.locator("table.metadata-table").inner_text()
    assert "安慶市人民政府辦公室" in metadata and "綜合政務\\政務公開" in metadata, metadata
    assert page.get_by_role("note").filter(has_text="本頁尚無").count() == 0
    screenshot(page, "entry-zh-hant")

    box = page.get_by_role("search").get_by_label("檢索本站信息")
    box.click()
    box.press_sequentially("資訊公開")
    box.press("Enter")
    page.wait_for_url("**/zh-hant/search/?q=*")
    results = page.locator("ol.search-results")
    translated = results.get_by_role("link", name=TRADITIONAL_TITLE)
    assert translated.count() == 1 and translated.get_attribute("href") == translated_site.translation_url
    assert results.get_by_role("link", name=TITLE).count() == 0  # one result per document
    other = results.get_by_role("link", name=UNTRANSLATED)  # not translated yet: the source, on /zh-hant/
    assert other.count() == 1 and other.get_attribute("href").startswith("/zh-hant/")
    snippets = results.locator(".search-result__snippet").all_inner_texts()
    assert any("條例" in text for text in snippets) and not any("条例" in text for text in snippets), snippets
    screenshot(page, "search-zh-hant-translated")
