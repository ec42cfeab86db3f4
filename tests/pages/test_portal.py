"""The portal's layout on every page: landmarks, navigation, header, footer, languages, errors."""

from __future__ import annotations

import re

from wagtail.models import Site

from disclosure_pages.models import (
    AnnualReportIndexPage,
    CatalogIndexPage,
    DisclosureArticleIndexPage,
    DisclosureSettings,
    GuideIndexPage,
    InterpretationIndexPage,
    TopicIndexPage,
)
from tests import factories
from tests.pages.html import TableHeaders, html_of, squash


def site_settings(**fields) -> DisclosureSettings:
    ds = DisclosureSettings.for_site(Site.objects.get(is_default_site=True))
    for name, value in fields.items():
        setattr(ds, name, value)
    ds.save()
    return ds


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


def test_every_section_renders_with_unique_ids(client, portal):
    for model in (GuideIndexPage, DisclosureArticleIndexPage, AnnualReportIndexPage, CatalogIndexPage,
                  InterpretationIndexPage, TopicIndexPage):
        html = html_of(client, factories.section(portal, model).url)
        assert '<main id="main"' in html and 'aria-current="page"' in html
        TableHeaders().feed(html)


def test_not_found_page_is_chinese(client, portal):
    html = html_of(client, "/no-such-page/", status=404)
    assert '<html lang="zh-Hans">' in html
    assert "抱歉，您访问的页面不存在" in html
    assert '<a class="button" href="/">返回首页</a>' in html


def test_server_error_template_renders_without_request_context():
    from django.template import loader

    html = loader.get_template("500.html").render({})
    assert "服务器" in html and "返回首页" in html
