"""A Traditional-script reader searches the zh-hant site and finds a Simplified document.

Why a browser test when test_search_page checks the HTML: the promise to a Hong Kong or
Taiwan reader is visual — they type 資訊公開 (Taiwan wording) into the header box of
the page they are on, land on the zh-hant results, and *see* their words highlighted
in a snippet written in their script, although the document was published in
Simplified with 信息公开. Only a browser shows that the header form submits to the
zh-hant search, that the <mark> is rendered and visible, and what it looks like.

Data is created in a fixture listed before ``desktop`` (see conftest.browser): the
portal becomes the site root, so /zh-hant/ is the portal's home page, as on a real
deployment.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest

from disclosure_pages.models import CatalogIndexPage
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

DOCUMENT = "关于进一步做好政府信息公开工作的通知"
OTHER = "关于开展安全生产大检查的通知"
QUERY = "資訊公開"  # Taiwan wording for 信息公开


@dataclass
class Published:
    document_url: str


@pytest.fixture
def zh_site(live_server) -> Published:
    """A portal at the site root with one Simplified entry about 信息公开 and one unrelated entry."""
    portal = factories.portal_at_site_root()
    catalog = factories.section(portal, CatalogIndexPage)
    document = factories.entry(
        catalog,
        title=DOCUMENT,
        publish_date=datetime.date(2024, 3, 18),
        body=[
            ("paragraph", "<p>各县（市、区）人民政府，市政府各部门：</p>"),
            (
                "paragraph",
                "<p>为了做好政府信息公开工作，各单位要认真落实《政府信息公开条例》，及时发布应当主动公开的信息。</p>",
            ),
        ],
    )
    factories.entry(
        catalog,
        title=OTHER,
        body=[("paragraph", "<p>各单位要认真开展安全生产大检查，消除隐患。</p>")],
    )
    return Published(document.url)


def test_traditional_query_finds_simplified_document_with_traditional_snippet(
    live_server, zh_site, desktop, screenshot
):
    page = desktop
    page.goto(live_server.url + "/zh-hant/")
    assert page.locator("html").get_attribute("lang") == "zh-Hant"

    box = page.get_by_role("search").get_by_label("檢索本站信息")
    box.click()
    box.press_sequentially(QUERY)
    box.press("Enter")
    page.wait_for_url("**/zh-hant/search/?q=*")

    results = page.locator("ol.search-results")
    result = results.locator(".search-result").filter(has=page.get_by_role("link", name=DOCUMENT))
    assert result.count() == 1
    assert results.get_by_role("link", name=OTHER).count() == 0

    snippet = result.locator(".search-result__snippet")
    mark = snippet.locator("mark").first
    assert mark.is_visible()
    box_ = mark.bounding_box()
    assert box_ is not None and box_["width"] > 0 and box_["height"] > 0
    assert mark.inner_text() in {"資訊公開", "信息公開"}
    # The highlight must stand out from the text around it.
    assert mark.evaluate("el => getComputedStyle(el).backgroundColor") != snippet.evaluate(
        "el => getComputedStyle(el).backgroundColor"
    )
    text = snippet.inner_text()
    assert "條例" in text and "条例" not in text, text  # the snippet is in Traditional characters

    screenshot(page, "search-zh-hant")

    result.get_by_role("link", name=DOCUMENT).click()
    page.wait_for_url(f"**{zh_site.document_url}")
    assert page.get_by_role("heading", level=1).inner_text() == DOCUMENT


def test_result_link_keeps_the_reader_on_zh_hant(live_server, zh_site, desktop):
    """A reader who searched in Traditional should not be dropped on the Simplified site by a click."""
    page = desktop
    page.goto(live_server.url + "/zh-hant/search/?q=" + QUERY)
    page.locator("ol.search-results").get_by_role("link", name=DOCUMENT).click()
    page.wait_for_url(f"**{zh_site.document_url}")
    assert page.locator("html").get_attribute("lang") == "zh-Hant"
