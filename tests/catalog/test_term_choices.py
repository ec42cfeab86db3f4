"""主题分类 lists show the two-level tree in order, everywhere terms are listed (issue 13)."""

from __future__ import annotations

import re

import pytest

from disclosure_pages.models import CatalogIndexPage, ClassificationTerm
from disclosure_pages.taxonomy.choices import term_choices
from tests import factories


def term(pk: int, name: str, order: int, parent: ClassificationTerm | None = None) -> ClassificationTerm:
    return ClassificationTerm(pk=pk, dimension="topic", name=name, sort_order=order, parent=parent)


def test_first_levels_in_order_each_with_its_own_children_in_order():
    """Without the database: the parents' order, then each one's children, never interleaved."""
    zonghe, guotu = term(1, "综合政务", 2), term(2, "国务院组织机构", 1)
    terms = [term(10, "信访", 8, zonghe), term(11, "政务公开", 1, zonghe), zonghe, term(12, "国务院", 1, guotu), guotu,
             term(3, "其他", 99)]  # fmt: skip
    assert term_choices(terms) == [
        ("国务院组织机构", [("2", "国务院组织机构（全部）"), ("12", "国务院")]),
        ("综合政务", [("1", "综合政务（全部）"), ("11", "政务公开"), ("10", "信访")]),
        ("3", "其他"),
    ]


def test_a_one_level_dimension_stays_flat():
    terms = [ClassificationTerm(pk=pk, dimension="genre", name=name, sort_order=pk) for pk, name in ((2, "通知"), (1, "决定"))]
    assert term_choices(terms) == [("1", "决定"), ("2", "通知")]


@pytest.mark.django_db
def test_the_catalog_filter_groups_the_standard_topics_with_their_counts(client, portal):
    catalog = factories.section(portal, CatalogIndexPage)
    topic = ClassificationTerm.objects.filter(dimension="topic")
    for name, parent, n in (("政务督查", "综合政务", 2), ("政务公开", "综合政务", 1), ("统计", "国民经济管理、国有资产监管", 1),
                            ("国务院", "国务院组织机构", 1)):  # fmt: skip
        for _ in range(n):
            factories.entry(catalog, topic_category=topic.get(name=name, parent__name=parent))
    html = client.get(catalog.url).content.decode()
    select = html[html.index('<select id="filter-topic"') : html.index("</select>", html.index('id="filter-topic"'))]
    groups = re.findall(r'<optgroup label="([^"]+)">', select)
    assert groups == ["国务院组织机构", "综合政务", "国民经济管理、国有资产监管"]  # in order; empty ones hidden
    zonghe = select[select.index('<optgroup label="综合政务">') :]
    options = re.findall(r"<option [^>]*>([^<]+)</option>", zonghe[: zonghe.index("</optgroup>")])
    assert options == ["综合政务（全部）（3）", "政务公开（1）", "政务督查（2）"]
    assert "\\" not in select


@pytest.mark.django_db
def test_the_admin_form_groups_them_too(admin_client, portal):
    catalog = factories.section(portal, CatalogIndexPage)
    html = admin_client.get(f"/admin/pages/add/disclosure_pages/catalogentrypage/{catalog.pk}/").content.decode()
    start = html.index('name="topic_category"')
    select = html[start : html.index("</select>", start)]
    assert re.findall(r'<optgroup label="([^"]+)">', select)[1] == "综合政务"
    assert "综合政务\\政务公开" not in select and ">政务公开</option>" in select
