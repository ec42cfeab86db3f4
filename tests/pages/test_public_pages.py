"""The public templates: every page type renders its key content, accessibly, in Chinese first."""

from __future__ import annotations

import datetime
import re
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Site

from disclosure_pages.annual_report.format import FORMAT_2021, FORMAT_LEGACY
from disclosure_pages.annual_report.forms import StatisticsTableWidget
from disclosure_pages.models import (
    AnnualReportIndexPage,
    AnnualReportPage,
    CatalogEntryAttachment,
    CatalogEntryPage,
    CatalogIndexPage,
    DisclosureArticleIndexPage,
    DisclosureArticlePage,
    DisclosurePortalPage,
    DisclosureSettings,
    GuideIndexPage,
    GuidePage,
    InterpretationIndexPage,
    PolicyInterpretationPage,
    PolicyLink,
    ReadingRoom,
    TopicIndexPage,
    TopicPage,
)
from disclosure_pages.taxonomy.models import Dimension
from disclosure_pages.templatetags.disclosure_tags import cn_date
from tests import factories

pytestmark = pytest.mark.django_db

DOC_NUMBER = "宜政办秘[2008]8号"


# ----------------------------------------------------------------------------- helpers


def html_of(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response.content.decode()


def squash(html: str) -> str:
    """The HTML with whitespace runs collapsed, so assertions can ignore template indentation."""
    return re.sub(r"\s+", " ", html)


def site_settings(**fields) -> DisclosureSettings:
    ds = DisclosureSettings.for_site(Site.objects.get(is_default_site=True))
    for name, value in fields.items():
        setattr(ds, name, value)
    ds.save()
    return ds


def topic_term(child: str = "政务公开"):
    return factories.term(Dimension.TOPIC, child)


class TableHeaders(HTMLParser):
    """Collects ids (failing on duplicates) and td headers references, to check that every reference resolves."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.references: list[str] = []
        self.cells: list[tuple[str, str]] = []  # (headers, text)
        self._in_td: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            assert attributes["id"] not in self.ids, f"duplicate id {attributes['id']}"
            self.ids.add(attributes["id"] or "")
        if tag == "td" and attributes.get("headers"):
            self._in_td = attributes["headers"] or ""
            self._text = []
            self.references += (attributes["headers"] or "").split()

    def handle_data(self, data: str) -> None:
        if self._in_td is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "td" and self._in_td is not None:
            self.cells.append((self._in_td, "".join(self._text).strip()))
            self._in_td = None


def report(portal: DisclosurePortalPage, **fields) -> AnnualReportPage:
    index = factories.section(portal, AnnualReportIndexPage)
    fields.setdefault("title", "2023年政府信息公开工作年度报告")
    fields.setdefault("slug", f"report-{fields.get('year', 2023)}")
    fields.setdefault("year", 2023)
    page = AnnualReportPage(organisation=factories.organisation(), **fields)
    return factories.add_child(index, page)


def guide(portal: DisclosurePortalPage, year: int, **fields) -> GuidePage:
    index = factories.section(portal, GuideIndexPage)
    page = GuidePage(
        title=f"{year}年政府信息公开指南",
        slug=f"guide-{year}",
        revision_year=year,
        body_name="市政府办公室政务公开科",
        body_address="安庆市龙门路1号",
        body_office_hours="工作日 8:30-12:00",
        body_phone="0556-5500000",
        body_email="xxgk@example.gov.cn",
        proactive_scope="<p>本机关主动公开的政府信息范围。</p>",
        proactive_channels="<p>政府网站、政务新媒体。</p>",
        supervision="<p>可向上一级行政机关投诉、举报。</p>",
        **fields,
    )
    return factories.add_child(index, page)


# ----------------------------------------------------------------------------- base layout


def test_portal_page_has_landmarks_navigation_and_latest_entries(client, portal, catalog):
    site_settings(organisation_name="安庆市人民政府", host_organisation="安庆市人民政府办公室")
    entry = factories.entry(catalog, title="关于印发安庆市政务公开工作要点的通知")
    html = html_of(client, portal.url)
    assert '<html lang="zh-Hans">' in html
    assert '<a class="skip-link" href="#main">跳到主要内容</a>' in html
    assert '<main id="main"' in html
    assert "<header" in html and "<footer" in html
    assert "安庆市人民政府</a>" in html  # organisation name from site settings in the header
    flat = squash(html)
    # the left navigation lists every section, the portal home is the current page
    assert 'class="section-nav" aria-labelledby="section-nav-title"' in html
    assert f'<a href="{portal.url}" aria-current="page">信息公开首页</a>' in flat
    for title in ("政府信息公开指南", "政府信息公开年报", "政府信息公开目录", "政策解读", "重点领域"):
        assert f">{title}</a>" in html
    assert entry.title in html and "2024年6月2日" in html
    assert "主办单位" in html and "安庆市人民政府办公室" in html


def test_header_falls_back_to_portal_title_without_site_settings(client, portal):
    html = html_of(client, portal.url)
    assert re.search(r'class="site-header__name">\s*<a href="[^"]+">政府信息公开</a>', html)


def test_footer_shows_contact_and_record_numbers_only_when_set(client, portal):
    html = html_of(client, portal.url)
    assert "ICP" not in html and "公网安备" not in html
    site_settings(
        host_organisation="安庆市人民政府办公室",
        maintainer="安庆市数据资源管理局",
        address="安庆市龙门路1号",
        phone="0556-5500000",
        email="xxgk@example.gov.cn",
        icp_number="皖ICP备05003765号",
        police_number="皖公网安备 34081102000277号",
    )
    html = html_of(client, portal.url)
    footer = html[html.index("<footer") :]
    for text in ("运行维护", "安庆市数据资源管理局", "安庆市龙门路1号", "0556-5500000", "mailto:xxgk@example.gov.cn",
                 "皖ICP备05003765号", "皖公网安备 34081102000277号"):
        assert text in footer


def test_language_switch_links_to_each_language(client, portal):
    html = squash(html_of(client, portal.url))
    assert '<nav class="language-switch" aria-label="语言">' in html
    assert f'<a href="{portal.url}" lang="zh-Hans" hreflang="zh-Hans" aria-current="true">简体</a>' in html
    assert f'<a href="/zh-hant{portal.url}" lang="zh-Hant" hreflang="zh-Hant">繁體</a>' in html
    assert f'<a href="/en{portal.url}" lang="en" hreflang="en">English</a>' in html


def test_other_languages_set_html_lang_and_dates(client, catalog):
    entry = factories.entry(catalog)
    assert '<html lang="zh-Hant">' in html_of(client, f"/zh-hant{entry.url}")
    html = html_of(client, f"/en{entry.url}")
    assert '<html lang="en">' in html
    assert "2 June 2024" in html


def test_cn_date_in_every_language():
    day = datetime.date(2024, 6, 2)
    with translation.override("zh-hans"):
        assert cn_date(day) == "2024年6月2日"
    with translation.override("zh-hant"):
        assert cn_date(day) == "2024年6月2日"
    with translation.override("en"):
        assert cn_date(day) == "2 June 2024"
        assert cn_date(datetime.datetime(2024, 12, 31, 23, 0, tzinfo=datetime.UTC)) == "1 January 2025"  # Shanghai time
    assert cn_date(None) == "" and cn_date("") == ""


# ----------------------------------------------------------------------------- catalog


def test_entry_page_shows_the_metadata_table_as_written(client, catalog):
    entry = factories.entry(
        catalog,
        title="宜城市人民政府办公室关于印发政务公开工作要点的通知",
        doc_number=DOC_NUMBER,
        written_date=datetime.date(2024, 5, 28),
        keywords="政务公开 工作要点",
        summary="部署本年度政务公开重点工作。",
        topic_category=topic_term(),
        body=[("paragraph", "<p>各县（市、区）人民政府：</p>")],
    )
    html = html_of(client, entry.url)
    flat = squash(html)
    assert '<caption class="visually-hidden">信息索引</caption>' in html
    for label, value in [
        ("索引号", entry.index_number),
        ("发布机构", "安庆市人民政府办公室"),
        ("文号", DOC_NUMBER),
        ("发布日期", '<time datetime="2024-06-02">2024年6月2日</time>'),
        ("成文日期", '<time datetime="2024-05-28">2024年5月28日</time>'),
        ("有效性", "现行有效"),
        ("公开方式", "主动公开"),
        ("公开范围", "面向社会"),
        ("主题词", "政务公开 工作要点"),
        ("主题分类", "综合政务\\政务公开"),
    ]:
        assert f'<tr><th scope="row">{label}</th><td>{value}</td></tr>' in flat, label
    # the table comes before the title, as on real portals
    assert html.index("信息索引") < html.index('<h1 class="document__title">')
    assert "部署本年度政务公开重点工作。" in html
    assert "各县（市、区）人民政府：" in html
    # breadcrumbs from the site root, live ancestors only, the current page last
    crumbs = squash(html[html.index('aria-label="当前位置"') : html.index("</nav>", html.index('aria-label="当前位置"'))])
    assert re.search(r"首页</a></li> <li><a [^>]+>政府信息公开</a></li> <li><a [^>]+>政府信息公开目录</a>", crumbs)
    assert f'<span aria-current="page">{entry.title}</span>' in crumbs
    # the left navigation marks the catalog as the current section
    assert f'<a href="{catalog.url}" aria-current="true">政府信息公开目录</a>' in flat


def test_doc_number_with_gb_brackets_is_shown_unchanged(client, catalog):
    entry = factories.entry(catalog, doc_number="国办发〔2019〕26号")
    assert "国办发〔2019〕26号" in html_of(client, entry.url)


def test_entry_lists_its_attachments(client, catalog):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    document = Document(title="工作要点全文")
    document.file.save("gongzuo-yaodian.pdf", ContentFile(b"%PDF-1.4 " + b"x" * 2048), save=False)
    document.save()
    entry = factories.entry(catalog, publish=False)
    CatalogEntryAttachment.objects.create(page=entry, document=document)  # a draft's: reviewed with it
    entry = factories.publish(entry)
    html = html_of(client, entry.url)
    assert f'<a href="{document.url}">工作要点全文</a>' in html
    assert "PDF" in html and "2.0\xa0KB" in html


def test_catalog_lists_filters_and_paginates(client, catalog):
    term = topic_term()
    for n in range(12):
        factories.entry(catalog, title=f"政务公开条目{n:02d}", topic_category=term, doc_number=DOC_NUMBER)
    factories.entry(catalog, title="其他条目", publish_date=datetime.date(2023, 1, 5))
    html = html_of(client, catalog.url)
    flat = squash(html)
    assert '<form class="filter-form" method="get"' in html
    assert '<label for="filter-topic">主题分类</label>' in html
    assert '<select id="filter-topic" name="topic">' in html
    assert '<label for="filter-organ">发布机构</label>' in html
    assert '<label for="filter-year">年份</label>' in html
    assert '<button type="submit" class="button">查询</button>' in html
    assert ">重置</a>" in html
    assert "共 13 条信息" in html
    for header in ("序号", "索引号", "名称", "文号", "发布机构", "发布日期"):
        assert re.search(rf'<th scope="col" class="col-[a-z]+">{header}</th>', html), header
    assert DOC_NUMBER in html and "2024年6月2日" in html

    html = html_of(client, f"{catalog.url}?topic={term.pk}&page_size=5")
    flat = squash(html)
    assert "共 12 条信息" in html and "其他条目" not in html
    assert f'<option value="{term.pk}" selected>综合政务\\政务公开</option>' in html
    assert '<nav class="pagination" aria-label="分页">' in html
    assert f'href="?topic={term.pk}&amp;page_size=5&amp;page=2"' in html  # filters kept
    assert re.search(r'aria-current="page"><span aria-hidden="true">1</span><span class="visually-hidden">第 1 页</span>', flat)
    assert ">1</td>" in flat  # 序号 starts at 1

    html = squash(html_of(client, f"{catalog.url}?topic={term.pk}&page_size=5&page=3"))
    assert re.search(r'aria-current="page"><span aria-hidden="true">3</span><span class="visually-hidden">第 3 页</span>', html)
    assert '<td class="col-number">11</td>' in html  # 序号 continues across pages


def test_catalog_listing_does_not_query_per_row(client, catalog):
    term = topic_term()
    for _ in range(2):
        factories.entry(catalog, topic_category=term)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            html_of(client, catalog.url)
        return len(queries)

    few = count()
    for _ in range(8):
        factories.entry(catalog, topic_category=term, publisher=factories.organisation("宜秀区人民政府", "003110934"))
    assert count() == few


def test_catalog_reports_ignored_filters_and_empty_results(client, catalog):
    html = html_of(client, f"{catalog.url}?topic=abc&year=3000")
    assert 'class="notice notice--warning" role="status"' in html
    assert "分类参数无效，已忽略。" in html and "年份超出范围，已忽略。" in html
    assert "没有找到符合条件的信息。" in html
    assert '<table class="data-table listing-table">' not in html


def test_draft_entry_is_not_listed_and_not_served(client, catalog):
    draft = factories.entry(catalog, title="尚未发布的草稿", slug="draft-entry", publish=False)
    factories.entry(catalog, title="已经发布的条目")
    html = html_of(client, catalog.url)
    assert "已经发布的条目" in html and "尚未发布的草稿" not in html
    assert not CatalogEntryPage.objects.get(pk=draft.pk).live
    html_of(client, f"{catalog.url}draft-entry/", status=404)


def test_not_found_page_is_chinese(client, portal):
    html = html_of(client, "/no-such-page/", status=404)
    assert '<html lang="zh-Hans">' in html
    assert "抱歉，您访问的页面不存在" in html
    assert '<a class="button" href="/">返回首页</a>' in html


def test_server_error_template_renders_without_request_context():
    from django.template import loader

    html = loader.get_template("500.html").render({})
    assert "服务器" in html and "返回首页" in html


# ----------------------------------------------------------------------------- topics and articles


def test_topic_index_and_topic_page_list_matching_entries(client, portal, catalog):
    term = topic_term()
    factories.entry(catalog, title="属于专题的条目", topic_category=term)
    factories.entry(catalog, title="不属于专题的条目")
    index = factories.section(portal, TopicIndexPage)
    topic = TopicPage(title="政务公开专题", slug="zwgk", intro="政务公开相关文件。", live=False)
    index.add_child(instance=topic)
    topic.terms.set([term])
    factories.publish(topic)

    html = html_of(client, index.url)
    assert "政务公开专题</a>" in html and "政务公开相关文件。" in html
    html = html_of(client, topic.url)
    assert "属于专题的条目" in html and "不属于专题的条目" not in html
    assert '<label for="filter-topic">主题分类</label>' in html  # same filter form as the catalog
    assert "共 1 条信息" in html


def test_article_index_and_page(client, portal):
    index = factories.section(portal, DisclosureArticleIndexPage)
    article = factories.add_child(
        index,
        DisclosureArticlePage(
            title="政府信息公开保密审查制度",
            slug="baomi",
            doc_number="宜政办〔2020〕3号",
            publish_date=datetime.date(2020, 3, 9),
            source="市政府办公室",
            body=[("heading", {"text": "第一章 总则", "level": "h2"}), ("paragraph", "<p>为规范保密审查……</p>")],
        ),
    )
    html = html_of(client, index.url)
    assert "政府信息公开保密审查制度</a>" in html and "2020年3月9日" in html
    html = squash(html_of(client, article.url))
    assert "<dt>文号</dt><dd>宜政办〔2020〕3号</dd>" in html
    assert "<dt>信息来源</dt><dd>市政府办公室</dd>" in html
    assert "<h2>第一章 总则</h2>" in html and "为规范保密审查" in html


# ----------------------------------------------------------------------------- interpretations


def test_interpretation_and_policy_link_to_each_other(client, portal, catalog):
    policy = factories.entry(catalog, title="安庆市政务公开工作要点", doc_number=DOC_NUMBER)
    index = factories.section(portal, InterpretationIndexPage)
    interpretation = factories.add_child(
        index,
        PolicyInterpretationPage(
            title="《安庆市政务公开工作要点》政策解读",
            slug="jiedu",
            form="qa",
            interpreting_organ=factories.organisation(),
            interpreter="市政府办公室副主任 张三",
            publish_date=datetime.date(2024, 6, 3),
            summary="解读工作要点的主要内容。",
            questions=[("qa", {"question": "制定背景是什么？", "answer": "<p>贯彻落实国家部署。</p>"})],
            policy_links=[PolicyLink(policy=policy)],
        ),
    )
    html = squash(html_of(client, interpretation.url))
    assert "<dt>解读形式</dt><dd>问答</dd>" in html
    assert "<dt>解读机关</dt><dd>安庆市人民政府办公室</dd>" in html
    assert "<dt>解读人</dt><dd>市政府办公室副主任 张三</dd>" in html
    assert "2024年6月3日" in html
    assert '<h2 id="policies-title">解读的政策文件</h2>' in html
    assert f'<a href="{policy.url}">安庆市政务公开工作要点</a>' in html
    assert '<dl class="qa-list">' in html and "制定背景是什么？</dt>" in html and "贯彻落实国家部署。" in html

    html = squash(html_of(client, policy.url))
    assert "相关解读" in html
    assert f'<a href="{interpretation.url}">《安庆市政务公开工作要点》政策解读</a>' in html

    html = html_of(client, index.url)
    assert "《安庆市政务公开工作要点》政策解读</a>" in html and "解读工作要点的主要内容。" in html


# ----------------------------------------------------------------------------- guide


def test_guide_shows_structured_sections_and_steps(client, portal):
    current = guide(
        portal,
        2024,
        application_steps=[
            ("step", {"title": "提出申请", "description": "填写申请表。", "time_limit": ""}),
            ("step", {"title": "答复", "description": "按规定作出答复。", "time_limit": "20个工作日"}),
        ],
        fees="<p>依据国办函〔2020〕109号收取信息处理费。</p>",
        reading_rooms=[ReadingRoom(name="市档案馆查阅点", address="安庆市档案馆一楼", opening_hours="工作日", phone="0556-5511111")],
    )
    old = guide(portal, 2019)
    index = factories.section(portal, GuideIndexPage)

    html = squash(html_of(client, index.url))
    assert "一、政府信息公开工作机构" in html
    assert '<tr><th scope="row">机构名称</th><td>市政府办公室政务公开科</td></tr>' in html
    assert "二、主动公开" in html and "本机关主动公开的政府信息范围。" in html
    assert re.search(r'<ol class="steps">.*提出申请.*答复.*20个工作日.*</ol>', html)
    assert "信息处理费" in html and "可向上一级行政机关投诉" in html
    assert '<caption id="guide-rooms-caption">政府信息查阅点</caption>' in html
    assert "<th scope=\"row\">市档案馆查阅点</th>" in html
    assert "历史版本" in html and f'<a href="{old.url}">2019年政府信息公开指南</a>' in html

    html = squash(html_of(client, old.url))
    assert 'class="notice notice--info"' in html
    assert f'<a href="{current.url}">查看2024年修订的现行版本</a>' in html
    html = html_of(client, current.url)
    assert "notice--info" not in html


# ----------------------------------------------------------------------------- annual reports


def test_annual_report_2021_shows_the_statutory_tables(client, portal):
    statistics = {"t2.item1.normative.issued": 4, "t4.suit_after_review.upheld": 3, "t4.suit_after_review.total": 3}
    for row in ("new", "disclosed", "total"):  # consistent figures: the model checks the totals on save
        statistics |= {f"t3.{row}.natural": 5, f"t3.{row}.business": 7, f"t3.{row}.total": 12}
    page = report(
        portal,
        format_version=FORMAT_2021,
        publish_date=datetime.date(2024, 1, 31),
        section_overview="<p>2023年，本机关认真贯彻《条例》。</p>",
        statistics=statistics,
    )
    html = html_of(client, page.url)
    flat = squash(html)
    for heading in ("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                    "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"):
        assert heading in html
    assert "本机关认真贯彻《条例》" in html
    # 第二十条 tables after section 二, applications after 三, review and litigation after 四
    assert html.index("二、主动公开政府信息情况") < html.index("第二十条第（一）项") < html.index("三、收到和处理")
    assert html.index("三、收到和处理") < html.index("申请人情况") < html.index("四、政府信息公开行政复议")
    assert html.index("四、政府信息公开行政复议") < html.index('colspan="10">行政诉讼') < html.index("五、存在的主要问题")
    assert re.search(r'<th id="[^"]+" scope="colgroup" colspan="5">法人或其他组织</th>', flat)
    assert re.search(r'<th id="[^"]+" scope="colgroup" colspan="7">申请人情况</th>', flat)
    assert re.search(r'<th id="[^"]+" scope="rowgroup" rowspan="\d+">三、本年度办理结果</th>', flat)
    assert re.search(r'<th id="[^"]+" scope="rowgroup" rowspan="8">（三）不予公开</th>', flat)
    assert re.search(r'scope="colgroup" colspan="5" rowspan="2">行政复议</th>', flat)
    assert ">未经复议直接起诉</th>" in flat and ">复议后起诉</th>" in flat

    tables = TableHeaders()
    tables.feed(html)
    assert tables.references and set(tables.references) <= tables.ids  # every headers= id exists
    by_headers = {headers: text for headers, text in tables.cells}
    business_new = next(h for h in by_headers if "t3-r-new" in h and h.endswith("t3-c-business"))
    assert "report-t3-legal" in business_new.split() and by_headers[business_new] == "7"
    suit = next(h for h in by_headers if h.endswith("t4-g-suit_after_review-upheld"))
    assert by_headers[suit] == "3" and "report-t4-g-suit_after_review" in suit.split()
    assert "4" in {text for headers, text in tables.cells if "t2-item1-r-normative" in headers}
    assert len([h for h in by_headers if "t4-" in h]) == 15  # one row of 15 figures


def test_legacy_report_shows_only_the_sections(client, portal):
    page = report(portal, year=2017, format_version=FORMAT_LEGACY, section_overview="<p>2017年工作概述。</p>")
    html = html_of(client, page.url)
    assert "2017年工作概述。" in html
    assert all(heading in html for heading, _html in page.sections)
    assert "statistics-table" not in html and "申请人情况" not in html


def test_report_index_lists_reports_newest_first(client, portal):
    report(portal, year=2022, title="2022年年度报告", slug="r2022")
    report(portal, year=2023, title="2023年年度报告", slug="r2023")
    html = html_of(client, factories.section(portal, AnnualReportIndexPage).url)
    assert html.index("2023年年度报告") < html.index("2022年年度报告")
    assert "2023年度" in html


# ----------------------------------------------------------------------------- admin widget


def test_statistics_widget_renders_inputs_with_errors_beside_them():
    widget = StatisticsTableWidget()
    widget.cell_errors = {"t3.new.total": ["总计应等于各类申请人之和 12，填写为 11。"]}
    html = squash(widget.render("statistics", {"t3.new.natural": 12, "t3.new.total": 11}))
    assert '<input type="text" inputmode="numeric" name="statistics__t3.new.natural" id="statistics__t3-new-natural" value="12"' in html
    match = re.search(
        r'<input type="text" inputmode="numeric" name="statistics__t3.new.total"[^>]*aria-invalid="true" '
        r'aria-describedby="(?P<id>[^"]+)"> <p class="statistics-error" id="(?P=id)">总计应等于各类申请人之和 12，填写为 11。</p>',
        html,
    )
    assert match, "the error must follow its own input"
    assert 'name="statistics__t2.item8.fees.amount"' in html and 'inputmode="decimal"' in html
    parser = TableHeaders()
    parser.feed(html)
    assert set(parser.references) <= parser.ids


def test_statistics_widget_explains_legacy_reports():
    widget = StatisticsTableWidget()
    widget.format_version = FORMAT_LEGACY
    html = widget.render("statistics", {})
    assert "2019年以前的年度报告没有国家统一的统计表" in html and "<input" not in html


def test_every_section_renders_with_unique_ids(client, portal):
    for model in (GuideIndexPage, DisclosureArticleIndexPage, AnnualReportIndexPage, CatalogIndexPage,
                  InterpretationIndexPage, TopicIndexPage):
        html = html_of(client, factories.section(portal, model).url)
        assert '<main id="main"' in html and 'aria-current="page"' in html
        TableHeaders().feed(html)
