"""The public pages of the other sections: topics, articles, policy interpretations and the guide."""

from __future__ import annotations

import datetime
import re

import pytest

from disclosure_pages.models import (
    DisclosureArticleIndexPage,
    DisclosureArticlePage,
    GuideIndexPage,
    InterpretationIndexPage,
    PolicyInterpretationPage,
    PolicyLink,
    ReadingRoom,
    TopicIndexPage,
    TopicPage,
)
from disclosure_pages.taxonomy.models import Dimension
from tests import factories
from tests.pages.html import html_of, squash

pytestmark = pytest.mark.django_db

DOC_NUMBER = "宜政办秘[2008]8号"


def topic_term(child: str = "政务公开"):
    return factories.term(Dimension.TOPIC, child)


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


def test_guide_shows_structured_sections_and_steps(client, portal):
    current = factories.guide(
        portal,
        2024,
        application_steps=[
            ("step", {"title": "提出申请", "description": "填写申请表。", "time_limit": ""}),
            ("step", {"title": "答复", "description": "按规定作出答复。", "time_limit": "20个工作日"}),
        ],
        fees="<p>依据国办函〔2020〕109号收取信息处理费。</p>",
        reading_rooms=[ReadingRoom(name="市档案馆查阅点", address="安庆市档案馆一楼", opening_hours="工作日", phone="0556-5511111")],
    )
    old = factories.guide(portal, 2019)
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
