"""The disclosure guide (政府信息公开指南), structured as Article 12 of the Regulation asks."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from ..blocks import ProcedureStepBlock
from ..i18n import in_reader_language, listing_parent
from ..mixins import DisclosurePageMixin
from ..pagebase import BasePage, page_parent_link
from ..sections import SectionIndexPage
from ..visibility import visible

RICH = ["bold", "italic", "ol", "ul", "link", "document-link"]


class GuideIndexPage(SectionIndexPage):
    """政府信息公开指南 section: the current guide first, older revisions below."""

    subpage_types = ["disclosure_pages.GuidePage"]
    template = "disclosure_pages/guide/guide_index_page.html"

    class Meta:
        verbose_name = _("公开指南栏目")
        verbose_name_plural = _("公开指南栏目")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        guides = visible(GuidePage.objects.child_of(listing_parent(self, request))).order_by("-revision_year", "-pk")
        guides = in_reader_language(list(guides), request)
        context["current_guide"] = guides[0] if guides else None
        context["older_guides"] = guides[1:]
        return context


class GuidePage(DisclosurePageMixin, BasePage):
    """One revision of the guide; older revisions stay published and readable."""

    page_ptr = page_parent_link()
    # The public search puts the newest guide that matches a query first (disclosure_search.engine).
    search_leads = True

    revision_year = models.PositiveIntegerField(_("修订年份"))
    introduction = RichTextField(_("前言"), blank=True, features=RICH)

    body_name = models.CharField(_("政府信息公开工作机构"), max_length=100)
    body_address = models.CharField(_("办公地址"), max_length=200)
    body_office_hours = models.CharField(_("办公时间"), max_length=200)
    body_phone = models.CharField(_("联系电话"), max_length=100)
    body_fax = models.CharField(_("传真号码"), max_length=50, blank=True)
    body_email = models.EmailField(_("电子邮箱"), blank=True)
    body_postcode = models.CharField(_("邮政编码"), max_length=10, blank=True)
    body_website = models.URLField(_("互联网联系方式"), blank=True)

    proactive_scope = RichTextField(_("主动公开的范围"), features=RICH)
    proactive_channels = RichTextField(_("主动公开的方式"), features=RICH)
    proactive_time_limit = models.CharField(
        _("主动公开的时限"),
        max_length=200,
        default="自该政府信息形成或者变更之日起20个工作日内予以公开",
    )
    application_steps = StreamField(
        [("step", ProcedureStepBlock())], verbose_name=_("依申请公开办理程序"), blank=True
    )
    application_channels = RichTextField(_("申请方式"), blank=True, features=RICH)
    fees = RichTextField(
        _("收费"),
        blank=True,
        features=RICH,
        help_text=_("依据国办函〔2020〕109号《政府信息公开信息处理费管理办法》。"),
    )
    supervision = RichTextField(_("监督和救济"), features=RICH)

    parent_page_types = ["disclosure_pages.GuideIndexPage", "disclosure_pages.DisclosurePortalPage"]
    subpage_types: list[str] = []

    content_panels = BasePage.content_panels + [FieldPanel("revision_year"), FieldPanel("introduction")]
    body_panels = [
        MultiFieldPanel(
            [
                FieldPanel("body_name"),
                FieldPanel("body_address"),
                FieldRowPanel([FieldPanel("body_office_hours"), FieldPanel("body_postcode")]),
                FieldRowPanel([FieldPanel("body_phone"), FieldPanel("body_fax")]),
                FieldRowPanel([FieldPanel("body_email"), FieldPanel("body_website")]),
            ],
            heading=_("政府信息公开工作机构"),
        )
    ]
    disclosure_panels = [
        MultiFieldPanel(
            [FieldPanel("proactive_scope"), FieldPanel("proactive_channels"), FieldPanel("proactive_time_limit")],
            heading=_("主动公开"),
        ),
        MultiFieldPanel(
            [FieldPanel("application_channels"), FieldPanel("application_steps"), FieldPanel("fees")],
            heading=_("依申请公开"),
        ),
        FieldPanel("supervision"),
        InlinePanel("reading_rooms", label=_("查阅点")),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("内容")),
            ObjectList(body_panels, heading=_("工作机构")),
            ObjectList(disclosure_panels, heading=_("公开与申请")),
            ObjectList(BasePage.promote_panels, heading=_("推广")),
            ObjectList(BasePage.settings_panels, heading=_("设置")),
        ]
    )
    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("proactive_scope"),
        index.SearchField("supervision"),
        index.SearchField("application_steps"),
        *DisclosurePageMixin.disclosure_search_fields,
    ]
    template = "disclosure_pages/guide/guide_page.html"

    class Meta:
        verbose_name = _("政府信息公开指南")
        verbose_name_plural = _("政府信息公开指南")

    def clean(self) -> None:
        super().clean()
        if self.revision_year and not 2007 <= self.revision_year <= 2100:
            raise ValidationError({"revision_year": _("修订年份应在2007年（《条例》公布）之后。")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        parent = listing_parent(self.get_parent(), request)
        newer = (
            visible(GuidePage.objects.child_of(parent)).filter(revision_year__gt=self.revision_year)
            .order_by("-revision_year").first()
        )
        context["newer_guide"] = in_reader_language([newer], request)[0] if newer else None
        return context


class ReadingRoom(Orderable):
    """查阅点: a place where the public can read disclosed information."""

    page = ParentalKey(GuidePage, on_delete=models.CASCADE, related_name="reading_rooms")
    name = models.CharField(_("名称"), max_length=100)
    address = models.CharField(_("地址"), max_length=200)
    opening_hours = models.CharField(_("开放时间"), max_length=200, blank=True)
    phone = models.CharField(_("电话"), max_length=50, blank=True)

    panels = [FieldPanel("name"), FieldPanel("address"), FieldPanel("opening_hours"), FieldPanel("phone")]

    class Meta(Orderable.Meta):
        verbose_name = _("查阅点")
        verbose_name_plural = _("查阅点")
