"""The portal root (政府信息公开) and its sections."""

from __future__ import annotations

from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField

from ..catalog.models import CatalogEntryPage
from ..i18n import in_reader_language, listing_parent
from ..mixins import DisclosurePageMixin
from ..pagebase import BasePage, page_parent_link
from ..visibility import visible

HAS_SHOW_IN_MENUS = hasattr(BasePage, "show_in_menus")


class DisclosurePortalPage(DisclosurePageMixin, BasePage):
    """政府信息公开: the portal root; its children are the sections of the left navigation.

    The sections, as on the Anqing platform: 政府信息公开指南, 政府信息公开制度,
    政府信息公开年报, 政府信息公开目录, 依申请公开.
    """

    page_ptr = page_parent_link()
    intro = RichTextField(_("简介"), blank=True, features=["bold", "link"])
    application_url = models.URLField(
        _("依申请公开入口"), blank=True, help_text=_("其他在线申请系统的地址；留空则使用本网站的在线申请。")
    )

    subpage_types = [
        "disclosure_pages.GuideIndexPage",
        "disclosure_pages.GuidePage",
        "disclosure_pages.DisclosureArticleIndexPage",
        "disclosure_pages.AnnualReportIndexPage",
        "disclosure_pages.CatalogIndexPage",
        "disclosure_pages.InterpretationIndexPage",
        "disclosure_pages.TopicIndexPage",
        "disclosure_pages.DisclosureArticlePage",
    ]
    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("application_url")]
    template = "disclosure_pages/portal/disclosure_portal_page.html"

    class Meta:
        verbose_name = _("政府信息公开")
        verbose_name_plural = _("政府信息公开")

    def online_application_url(self) -> str:
        """Where citizens apply: the address set here, else the service's form when a site
        installs the application app (found by URL name, not imported), else nothing."""
        if self.application_url:
            return self.application_url
        try:
            return reverse("disclosure_applications:apply")
        except NoReverseMatch:
            return ""

    def navigation_sections(self):
        """The portal's sections for the left navigation, in tree order.

        ``show_in_menus`` is honoured when the host's base page model has it (a swapped
        base page may not).
        """
        sections = visible(listing_parent(self).get_children())
        if HAS_SHOW_IN_MENUS:
            sections = sections.in_menu()
        return in_reader_language(list(sections.specific(defer=True)))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        latest = (
            visible(CatalogEntryPage.objects.descendant_of(listing_parent(self, request)))
            .select_related("publisher")
            .order_by("-publish_date", "-pk")[:10]
        )
        context["latest_entries"] = in_reader_language(list(latest), request, select_related=("publisher",))
        return context
