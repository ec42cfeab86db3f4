"""Small builders for tests: real pages in a real tree, published the way Wagtail does."""

from __future__ import annotations

import datetime
import itertools

from wagtail.models import Page, Site

from disclosure_pages.models import (
    AnnualReportIndexPage,
    CatalogEntryPage,
    CatalogIndexPage,
    ClassificationTerm,
    DisclosureArticleIndexPage,
    DisclosurePortalPage,
    GuideIndexPage,
    GuidePage,
    InterpretationIndexPage,
    Organisation,
    TopicIndexPage,
)

_counter = itertools.count(1)


def site_root() -> Page:
    return Site.objects.get(is_default_site=True).root_page


def organisation(name: str = "安庆市人民政府办公室", code: str = "003110926", **kwargs) -> Organisation:
    org, _ = Organisation.objects.get_or_create(code=code, defaults={"name": name, **kwargs})
    return org


def approve(revision, reviewer=None):
    """Record an approved 主动公开 review of ``revision`` (as a reviewer would), for tests
    that need live content without walking through the workflow."""
    from disclosure_pages.moderation.models import Source
    from disclosure_pages.moderation.review import record_legacy_approval

    return record_legacy_approval(revision, reviewer, source=Source.DEMO, comment="test fixture")


def add_child(parent: Page, page: Page, *, publish: bool = True, user=None) -> Page:
    """Create ``page`` as a draft (as the admin does); to publish, approve then publish."""
    page.live = False
    parent.add_child(instance=page)
    revision = page.save_revision(user=user)
    if publish:
        approve(revision)
        revision.publish(user=user)
        page.refresh_from_db()
    return page


def publish(page: Page, user=None) -> Page:
    """Save the page's current state as a revision, approve it and publish it."""
    revision = page.save_revision(user=user)
    approve(revision)
    revision.publish(user=user)
    page.refresh_from_db()
    return page


def portal(parent: Page | None = None) -> DisclosurePortalPage:
    """A portal with every section, all live, under the default site's root."""
    parent = parent or site_root()
    n = next(_counter)
    p = add_child(parent, DisclosurePortalPage(title="政府信息公开", slug=f"xxgk-{n}"))
    add_child(p, GuideIndexPage(title="政府信息公开指南", slug="guide", show_in_menus=True))
    add_child(p, DisclosureArticleIndexPage(title="政府信息公开制度", slug="rules", show_in_menus=True))
    add_child(p, AnnualReportIndexPage(title="政府信息公开年报", slug="reports", show_in_menus=True))
    add_child(p, CatalogIndexPage(title="政府信息公开目录", slug="catalog", show_in_menus=True))
    add_child(p, InterpretationIndexPage(title="政策解读", slug="interpretation", show_in_menus=True))
    add_child(p, TopicIndexPage(title="重点领域", slug="topics", show_in_menus=True))
    return p


def portal_at_site_root() -> DisclosurePortalPage:
    """A portal that is the default site's root, as on a real deployment (``/zh-hant/`` is its home)."""
    portal_page = portal()
    site = Site.objects.get(is_default_site=True)
    site.root_page = portal_page
    site.save()
    return portal_page


def section(portal_page: DisclosurePortalPage, model):
    return model.objects.child_of(portal_page).get()


def term(dimension: str, name: str) -> ClassificationTerm:
    return ClassificationTerm.objects.get(dimension=dimension, name=name)


def entry(
    catalog: CatalogIndexPage,
    *,
    publish: bool = True,
    user=None,
    publisher: Organisation | None = None,
    **fields,
) -> CatalogEntryPage:
    n = next(_counter)
    fields.setdefault("title", f"关于做好政府信息公开工作的通知（{n}）")
    fields.setdefault("slug", f"entry-{n}")
    fields.setdefault("publish_date", datetime.date(2024, 6, 2))
    page = CatalogEntryPage(publisher=publisher or organisation(), **fields)
    return add_child(catalog, page, publish=publish, user=user)


def guide(portal: DisclosurePortalPage, year: int, **fields) -> GuidePage:
    index = section(portal, GuideIndexPage)
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
    return add_child(index, page)
