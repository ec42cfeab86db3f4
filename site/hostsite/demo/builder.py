"""Build the demo portal idempotently: look every object up before creating it.

Pages are found by slug under their parent, organisations by code, terms by (dimension, name)
and documents by title, so a second run finds everything and changes nothing. Existing pages
are never edited: to reload changed demo data, start from an empty database.
"""

from __future__ import annotations

import datetime
import hashlib
from collections import Counter
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.management.base import CommandError
from django.db import transaction
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import Locale, Page, Site

from disclosure_pages.catalog.bulk import BulkPublisher
from disclosure_pages.models import (
    AnnualReportIndexPage,
    AnnualReportPage,
    CatalogEntryPage,
    CatalogIndexPage,
    ClassificationTerm,
    DisclosureArticleIndexPage,
    DisclosureArticlePage,
    DisclosurePortalPage,
    DisclosureSettings,
    GuideIndexPage,
    GuidePage,
    InterpretationIndexPage,
    Organisation,
    PolicyInterpretationPage,
    TopicIndexPage,
    TopicPage,
)
from disclosure_pages.moderation.models import Source
from disclosure_pages.taxonomy.standard_terms import load_standard_terms

from . import applications, catalog_2008_2011, catalog_2012_2019, catalog_2020_2025, makers, translations
from . import organisations as data
from .guide import GUIDES
from .interpretations import INTERPRETATIONS
from .reports_2021 import MODERN_REPORTS, register_report
from .reports_legacy import LEGACY_REPORTS
from .rules import APPLICATION_PAGE, RULES
from .spec import AttachmentSpec

P = TypeVar("P", bound=Page)

ENTRIES = catalog_2008_2011.ENTRIES + catalog_2012_2019.ENTRIES + catalog_2020_2025.ENTRIES
REPORTS = LEGACY_REPORTS + MODERN_REPORTS
WELCOME_TITLE = "Welcome to your new Wagtail site!"  # the page Wagtail's first migration creates

# Every page type of the portal, for the summary (and the tests).
PAGE_MODELS: tuple[type[Page], ...] = (
    DisclosurePortalPage,
    GuideIndexPage,
    GuidePage,
    DisclosureArticleIndexPage,
    DisclosureArticlePage,
    AnnualReportIndexPage,
    AnnualReportPage,
    CatalogIndexPage,
    CatalogEntryPage,
    InterpretationIndexPage,
    PolicyInterpretationPage,
    TopicIndexPage,
    TopicPage,
)


def publish(page: P) -> P:
    """Make a demo page live, its current content as a new revision (see makers.publish_revision)."""
    makers.publish_revision(page.save_revision())
    return type(page).objects.get(pk=page.pk)


class DemoBuilder:
    """Creates whatever part of the demo portal is missing; ``created`` counts what it made."""

    def __init__(self, log: Callable[[str], object] = print, verbosity: int = 1) -> None:
        self.log = log
        self.verbosity = verbosity
        self.created: Counter[str] = Counter()
        self.portal: DisclosurePortalPage | None = None

    # -- generic helpers ---------------------------------------------------------------------

    def note(self, label: str, created: bool) -> None:
        if created:
            self.created[label] += 1

    def ensure_child(self, parent: Page, model: type[P], slug: str, make: Callable[[], P]) -> P:
        """The child of ``parent`` with ``slug``, created as a draft and published if missing."""
        existing = Page.objects.child_of(parent).filter(slug=slug).first()
        if existing is not None:
            specific = existing.specific
            if not isinstance(specific, model):
                raise CommandError(
                    f"{existing.url_path} exists but is a {type(specific).__name__}, not a {model.__name__}"
                )
            return specific
        page = make()
        page.slug = slug
        page.live = False
        parent.add_child(instance=page)
        page = publish(page)
        self.note(str(model._meta.verbose_name), True)
        if self.verbosity > 1:
            self.log(f"  + {page.title}")
        return page

    def ensure_entries(
        self, catalog: CatalogIndexPage, orgs: dict[str, Organisation], terms: makers.TermIndex
    ) -> dict[str, CatalogEntryPage]:
        """The demo's catalog entries; the missing ones are published together, as an import is
        (``BulkPublisher``: a revision and an approval of exactly that content each, 索引号, index)."""
        slugs = [spec.slug for spec in ENTRIES]
        existing = set(CatalogEntryPage.objects.child_of(catalog).filter(slug__in=slugs).values_list("slug", flat=True))
        missing = []
        for spec in ENTRIES:
            if spec.slug not in existing:
                page = makers.entry_page(spec, orgs, terms, self.ensure_document)
                page.slug = spec.slug
                missing.append(page)
        if missing:
            publisher = BulkPublisher(catalog, source=Source.DEMO, comment="演示数据")
            publisher.publish(missing)
            publisher.finish()
            self.created[str(CatalogEntryPage._meta.verbose_name)] += len(missing)
        pages = CatalogEntryPage.objects.child_of(catalog).filter(slug__in=slugs)
        return {page.slug: page for page in pages}

    # -- non-page data -----------------------------------------------------------------------

    def ensure_locales(self) -> None:
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
            _locale, created = Locale.objects.get_or_create(language_code=code)
            self.note("语言", created)

    def ensure_organisations(self) -> dict[str, Organisation]:
        orgs: dict[str, Organisation] = {}
        for order, spec in enumerate(data.ORGANISATIONS, start=1):
            org, created = Organisation.objects.get_or_create(
                code=spec.code,
                defaults={
                    "name": spec.name,
                    "short_name": spec.short_name,
                    "address": spec.address,
                    "phone": spec.phone,
                    "website": spec.website,
                    "sort_order": order,
                },
            )
            self.note("发布机构", created)
            orgs[spec.key] = org
        return orgs

    def ensure_terms(self) -> makers.TermIndex:
        standard_created = load_standard_terms(ClassificationTerm)
        if standard_created:
            self.created["分类"] += standard_created
        for order, name in enumerate(data.LIFECYCLE_TERMS, start=1):
            _term, created = ClassificationTerm.objects.get_or_create(
                dimension="lifecycle",
                name=name,
                parent=None,
                defaults={"sort_order": order, "code": f"{order:02d}", "is_standard": False},
            )
            self.note("分类", created)
        return makers.TermIndex()

    def ensure_document(self, spec: AttachmentSpec) -> Document:
        document = Document.objects.filter(title=spec.title).first()
        if document is not None:
            return document
        content = spec.content.encode("utf-8")
        document = Document(title=spec.title, file_size=len(content), file_hash=hashlib.sha1(content).hexdigest())
        document.file.save(spec.filename, ContentFile(content), save=False)
        document.save()
        self.note("文档", True)
        return document

    def ensure_site(self, portal: DisclosurePortalPage) -> Site:
        """Point the default site at the portal, and remove Wagtail's welcome page while untouched."""
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site.objects.create(
                hostname="localhost", port=80, site_name=data.SITE_NAME, root_page=portal, is_default_site=True
            )
            self.note("站点", True)
            return site
        changed = False
        if site.root_page_id != portal.pk:
            site.root_page = portal
            changed = True
        if not site.site_name:
            site.site_name = data.SITE_NAME
            changed = True
        if changed:
            site.save()
            self.log(f"默认站点的根页面已设为 {portal.title}")
        self.remove_welcome_page()
        return site

    def remove_welcome_page(self) -> None:
        """Wagtail's "Welcome to your new Wagtail site!", while it is a plain page, no site's root, with no children."""
        welcome = Page.objects.filter(
            depth=2, title=WELCOME_TITLE, numchild=0, content_type=ContentType.objects.get_for_model(Page)
        ).exclude(sites_rooted_here__isnull=False)
        for page in welcome:
            page.delete()
            self.log("已删除 Wagtail 的欢迎页")

    def ensure_settings(self, site: Site) -> None:
        disclosure_settings = DisclosureSettings.for_site(site)
        changed = [k for k, v in data.SITE_SETTINGS.items() if getattr(disclosure_settings, k) != v]
        if changed:
            for key in changed:
                setattr(disclosure_settings, key, data.SITE_SETTINGS[key])
            disclosure_settings.full_clean()
            disclosure_settings.save()
            self.note("信息公开设置", True)

    # -- the portal --------------------------------------------------------------------------

    def section(self, portal: DisclosurePortalPage, model: type[P], spec: tuple[str, str, str]) -> P:
        slug, title, intro = spec

        def make() -> P:
            page = model(title=title, show_in_menus=True)
            if intro and hasattr(page, "intro"):
                page.intro = intro
            return page

        return self.ensure_child(portal, model, slug, make)

    def build(self) -> Counter[str]:
        """Build everything in one transaction, so a failure leaves nothing half-built."""
        with transaction.atomic():
            self.ensure_locales()
            orgs = self.ensure_organisations()
            terms = self.ensure_terms()
            self.log(f"机构 {len(orgs)} 个，分类与语言已就绪")

            root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
            portal = self.ensure_child(
                root,
                DisclosurePortalPage,
                data.PORTAL_SLUG,
                lambda: DisclosurePortalPage(title=data.PORTAL_TITLE, intro=data.PORTAL_INTRO),
            )
            site = self.ensure_site(portal)
            self.ensure_settings(site)

            guide_index = self.section(portal, GuideIndexPage, data.SECTION_GUIDE)
            for guide in GUIDES:
                self.ensure_child(guide_index, GuidePage, guide["slug"], lambda g=guide: makers.guide_page(g))
            rules_index = self.section(portal, DisclosureArticleIndexPage, data.SECTION_RULES)
            for rule in RULES:
                self.ensure_child(rules_index, DisclosureArticlePage, rule.slug, lambda r=rule: makers.article_page(r))
            self.log("指南和制度已就绪")

            reports_index = self.section(portal, AnnualReportIndexPage, data.SECTION_REPORTS)
            catalog = self.section(portal, CatalogIndexPage, data.SECTION_CATALOG)
            entries = self.ensure_entries(catalog, orgs, terms)
            self.log(f"目录条目 {len(entries)} 条已就绪")
            for report in REPORTS:
                self.ensure_child(
                    reports_index, AnnualReportPage, report.slug, lambda r=report: makers.report_page(r, orgs)
                )
            self.log(f"年度报告 {len(REPORTS)} 篇已就绪")

            interpretation_index = self.section(portal, InterpretationIndexPage, data.SECTION_INTERPRETATION)
            for item in INTERPRETATIONS:
                self.ensure_child(
                    interpretation_index,
                    PolicyInterpretationPage,
                    item.slug,
                    lambda i=item: makers.interpretation_page(i, orgs, entries),
                )
            topic_index = self.section(portal, TopicIndexPage, data.SECTION_TOPICS)
            for topic in data.TOPICS:
                self.ensure_child(
                    topic_index, TopicPage, topic.slug, lambda t=topic: makers.topic_page(t, terms, catalog)
                )
            self.ensure_child(
                portal,
                DisclosureArticlePage,
                APPLICATION_PAGE.slug,
                lambda: _in_menus(makers.article_page(APPLICATION_PAGE)),
            )
            self.log("政策解读、重点领域和依申请公开已就绪")
            self.created["依申请公开申请"] += applications.build(orgs)
            # The last full year's report of 市民政局, with table 三 counted from the register.
            today = timezone.localdate()
            year, published = today.year - 1, min(today, datetime.date(today.year, 1, 20)).isoformat()
            self.ensure_child(
                reports_index,
                AnnualReportPage,
                f"aq-mzj-{year}",
                lambda: makers.report_page(register_report(orgs["civil"], year, published), orgs),
            )
            self.created.update(translations.ensure_translations(portal))
            self.log("繁体版和英文版已就绪")
            self.portal = portal
        return self.created

    def summary(self) -> list[tuple[str, int]]:
        """Live pages of each type in the portal, for the command's closing report."""
        if self.portal is None:
            return []
        return [
            (str(model._meta.verbose_name), model.objects.descendant_of(self.portal, inclusive=True).live().count())
            for model in PAGE_MODELS
        ]


def _in_menus(page: P) -> P:
    page.show_in_menus = True
    return page
