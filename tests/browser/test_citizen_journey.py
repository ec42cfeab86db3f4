"""A citizen finds a policy in the catalog with a real browser, by mouse and by keyboard."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from wagtail.models import Site

from disclosure_pages.annual_report.format import FORMAT_2021
from disclosure_pages.models import (
    AnnualReportIndexPage,
    AnnualReportPage,
    CatalogEntryPage,
    CatalogIndexPage,
    DisclosureSettings,
    GuideIndexPage,
    GuidePage,
    InterpretationIndexPage,
    PolicyInterpretationPage,
    PolicyLink,
    ReadingRoom,
)
from disclosure_pages.taxonomy.models import Dimension
from tests import factories

# live_server needs committed data; serialized_rollback restores the migrations' data
# (site root, standard terms) that the flush after a transactional test removes.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

POLICY = "安庆市人民政府办公室关于印发2024年政务公开工作要点的通知"
OTHER = "关于开展安全生产大检查的通知"


@dataclass
class Urls:
    portal: str
    catalog: str
    report: str
    guide: str
    interpretation: str


def build_portal() -> Urls:
    """A portal with settings, entries in two topics, a report, a guide and an interpretation."""
    settings = DisclosureSettings.for_site(Site.objects.get(is_default_site=True))
    settings.organisation_name = "安庆市人民政府"
    settings.host_organisation = "安庆市人民政府办公室"
    settings.maintainer = "安庆市数据资源管理局"
    settings.address = "安徽省安庆市龙门路1号"
    settings.phone = "0556-5500000"
    settings.email = "xxgk@example.gov.cn"
    settings.icp_number = "皖ICP备05003765号"
    settings.police_number = "皖公网安备 34081102000277号"
    settings.save()

    portal = factories.portal()
    portal.intro = "<p>本栏目依据《中华人民共和国政府信息公开条例》设立，集中发布本机关主动公开的政府信息。</p>"
    factories.publish(portal)
    catalog = factories.section(portal, CatalogIndexPage)
    transparency = factories.term(Dimension.TOPIC, "政务公开")
    safety = factories.term(Dimension.TOPIC, "安全生产监管")
    factories.entry(
        catalog,
        title=POLICY,
        doc_number="宜政办秘〔2024〕8号",
        written_date=datetime.date(2024, 5, 28),
        keywords="政务公开 工作要点",
        summary="部署2024年全市政务公开重点工作。",
        topic_category=transparency,
        body=[("paragraph", "<p>各县（市、区）人民政府，市政府各部门：</p>"), ("paragraph", "<p>现将工作要点印发给你们，请认真贯彻落实。</p>")],
    )
    for n in range(6):
        factories.entry(catalog, title=f"{OTHER}（{n + 1}）", topic_category=safety, publish_date=datetime.date(2024, 5, n + 1))
    reports = factories.section(portal, AnnualReportIndexPage)
    statistics = {"t2.item1.normative.issued": 4, "t4.review.upheld": 1, "t4.review.total": 1}
    for row in ("new", "disclosed", "total"):
        statistics |= {f"t3.{row}.natural": 5, f"t3.{row}.business": 7, f"t3.{row}.total": 12}
    report = factories.add_child(
        reports,
        AnnualReportPage(
            title="安庆市人民政府办公室2023年政府信息公开工作年度报告",
            slug="2023",
            year=2023,
            organisation=factories.organisation(),
            format_version=FORMAT_2021,
            publish_date=datetime.date(2024, 1, 30),
            section_overview="<p>2023年，市政府办公室深入贯彻落实《条例》。</p>",
            statistics=statistics,
        ),
    )
    guide = build_guide(portal)
    interpretation = build_interpretation(portal, CatalogEntryPage.objects.get(title=POLICY))
    return Urls(portal.url, catalog.url, report.url, guide.url, interpretation.url)


def build_guide(portal) -> GuidePage:
    return factories.add_child(
        factories.section(portal, GuideIndexPage),
        GuidePage(
            title="安庆市人民政府办公室政府信息公开指南",
            slug="2024",
            revision_year=2024,
            introduction="<p>为了更好地提供政府信息公开服务，编制本指南。</p>",
            body_name="安庆市人民政府办公室政务公开科",
            body_address="安徽省安庆市龙门路1号",
            body_office_hours="工作日上午8:30-12:00，下午14:30-17:30",
            body_phone="0556-5500000",
            body_fax="0556-5500001",
            body_email="xxgk@example.gov.cn",
            body_postcode="246000",
            proactive_scope="<p>本机关依照《条例》第十九条、第二十条的规定主动公开政府信息。</p>",
            proactive_channels="<p>政府网站、政府公报、新闻发布会。</p>",
            application_channels="<p>在线申请、信函申请、当面申请。</p>",
            application_steps=[
                ("step", {"title": "提出申请", "description": "填写《政府信息公开申请表》。", "time_limit": ""}),
                ("step", {"title": "登记受理", "description": "收到申请后登记，申请内容不明确的一次性告知补正。", "time_limit": "7个工作日内告知补正"}),
                ("step", {"title": "作出答复", "description": "能够当场答复的当场答复。", "time_limit": "20个工作日，可延长20个工作日"}),
            ],
            fees="<p>依据国办函〔2020〕109号，一般不收费。</p>",
            supervision="<p>可向上一级行政机关或政府信息公开工作主管部门投诉、举报，也可依法申请行政复议或提起行政诉讼。</p>",
            reading_rooms=[ReadingRoom(name="市档案馆查阅点", address="安庆市档案馆一楼", opening_hours="工作日", phone="0556-5511111")],
        ),
    )


def build_interpretation(portal, policy: CatalogEntryPage) -> PolicyInterpretationPage:
    return factories.add_child(
        factories.section(portal, InterpretationIndexPage),
        PolicyInterpretationPage(
            title="一图读懂2024年政务公开工作要点",
            slug="yitu",
            form="qa",
            interpreting_organ=factories.organisation(),
            interpreter="市政府办公室副主任",
            publish_date=datetime.date(2024, 6, 3),
            summary="围绕工作要点的主要内容答记者问。",
            questions=[
                ("qa", {"question": "工作要点的制定背景是什么？", "answer": "<p>为贯彻落实国家和省有关部署，结合本市实际制定。</p>"}),
                ("qa", {"question": "今年有哪些新要求？", "answer": "<p>重点推进政策解读和回应关切。</p>"}),
            ],
            policy_links=[PolicyLink(policy=policy)],
        ),
    )


@pytest.fixture
def urls(live_server) -> Urls:
    """The site's content, created before the browser starts (see conftest.browser)."""
    return build_portal()


def active(page) -> dict:
    """What has keyboard focus: tag, text and whether it sits in the filter form."""
    return page.evaluate(
        """() => { const el = document.activeElement;
                   return {tag: el.tagName, text: (el.textContent || '').trim(), id: el.id,
                           inFilter: !!el.closest('form.filter-form')}; }"""
    )


def test_citizen_finds_a_policy_through_the_catalog(live_server, urls, desktop, mobile, screenshot):
    page = desktop
    page.goto(live_server.url + urls.portal)
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    screenshot(page, "portal-desktop")

    # The first Tab reaches the skip link, which is then visible and moves focus to <main>.
    page.keyboard.press("Tab")
    assert active(page)["text"] == "跳到主要内容"
    assert page.locator(".skip-link").bounding_box()["y"] >= 0
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")
    assert active(page)["id"] == "main"

    # The left navigation leads to the catalog, marked as current there.
    page.get_by_role("navigation", name="政府信息公开").get_by_role("link", name="政府信息公开目录").click()
    page.wait_for_url(f"**{urls.catalog}")
    assert page.locator(".section-nav a[aria-current]").inner_text() == "政府信息公开目录"
    assert "共 7 条信息" in page.locator(".result-count").inner_text()

    # Keyboard: skip link, then Tab lands in the filter form.
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert active(page)["inFilter"], active(page)
    page.keyboard.press("Tab")
    screenshot(page, "catalog-keyboard-focus-desktop")

    # Filter by 主题分类 and submit.
    page.get_by_label("主题分类").select_option(label="政务公开（1）")  # under 综合政务, with its count
    page.get_by_role("button", name="查询").click()
    page.wait_for_url("**topic=*")
    results = page.get_by_role("table", name="目录信息")
    assert results.get_by_role("link", name=POLICY).is_visible()
    assert results.get_by_role("link", name=f"{OTHER}（1）").count() == 0
    assert "共 1 条信息" in page.locator(".result-count").inner_text()
    screenshot(page, "catalog-filtered-desktop")

    # The entry shows its metadata table first, 文号 exactly as written.
    results.get_by_role("link", name=POLICY).click()
    metadata = page.get_by_role("table", name="信息索引")
    assert metadata.is_visible()
    assert metadata.get_by_role("row", name="文号").inner_text().endswith("宜政办秘〔2024〕8号")
    assert "2024年6月2日" in metadata.get_by_role("row", name="发布日期").inner_text()
    assert "综合政务\\政务公开" in metadata.get_by_role("row", name="主题分类").inner_text()
    screenshot(page, "entry-desktop")

    page.goto(live_server.url + urls.report)
    assert page.get_by_role("table", name="收到和处理政府信息公开申请情况").is_visible()
    screenshot(page, "annual-report-desktop")

    # Phone: the left navigation stacks above the content and nothing overflows sideways.
    for name, url in (("portal", urls.portal), ("catalog", urls.catalog), ("entry", None), ("annual-report", urls.report)):
        if url is None:
            mobile.goto(live_server.url + urls.catalog)
            mobile.get_by_role("link", name=POLICY).click()
        else:
            mobile.goto(live_server.url + url)
        nav = mobile.locator(".section-nav").bounding_box()
        main = mobile.locator("main").bounding_box()
        assert nav["y"] + nav["height"] <= main["y"], name
        assert mobile.evaluate("document.documentElement.scrollWidth") <= 390, name
        screenshot(mobile, f"{name}-mobile")

    # The wide statistics table scrolls inside its own region on a phone.
    region = mobile.get_by_role("region", name="收到和处理政府信息公开申请情况", exact=True)
    assert region.evaluate("el => el.scrollWidth > el.clientWidth")


def test_guide_interpretation_and_not_found_pages_fit_a_phone(live_server, urls, desktop, mobile, screenshot):
    for name, url in (("guide", urls.guide), ("interpretation", urls.interpretation), ("not-found", "/no-such-page/")):
        desktop.goto(live_server.url + url)
        screenshot(desktop, f"{name}-desktop")
        mobile.goto(live_server.url + url)
        assert mobile.evaluate("document.documentElement.scrollWidth") <= 390, name
        screenshot(mobile, f"{name}-mobile")
    assert desktop.get_by_role("heading", level=1).inner_text() == "抱歉，您访问的页面不存在"

    # An interpretation and its policy link to each other.
    desktop.goto(live_server.url + urls.interpretation)
    desktop.get_by_role("region", name="解读的政策文件").get_by_role("link", name=POLICY).click()
    desktop.get_by_role("region", name="相关解读").get_by_role("link", name="一图读懂2024年政务公开工作要点").click()
    assert desktop.url.endswith(urls.interpretation)
