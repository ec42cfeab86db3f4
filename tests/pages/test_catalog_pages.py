"""The catalog's public pages: an entry's metadata table and attachments, the listing's filters and paging."""

from __future__ import annotations

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from disclosure_pages.models import CatalogEntryAttachment, CatalogEntryPage
from disclosure_pages.taxonomy.models import Dimension
from tests import factories
from tests.pages.html import html_of, squash

pytestmark = pytest.mark.django_db

DOC_NUMBER = "宜政办秘[2008]8号"


def topic_term(child: str = "政务公开"):
    return factories.term(Dimension.TOPIC, child)


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
    assert f'<option value="{term.pk}" selected>政务公开（12）</option>' in html  # in its group 综合政务
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
