"""Policy interpretations (政策解读), each linked to the catalog entries it explains."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from ..blocks import BodyBlock, QuestionAnswerBlock
from ..catalog.models import CatalogEntryPage
from ..i18n import in_reader_language, listing_parent
from ..mixins import DisclosurePageMixin
from ..pagebase import BasePage, page_parent_link
from ..sections import SectionIndexPage
from ..visibility import visible


class InterpretationForm(models.TextChoices):
    TEXT = "text", _("文字解读")
    GRAPHIC = "graphic", _("图解")
    MEDIA = "media", _("音视频解读")
    EXPERT = "expert", _("专家解读")
    PRESS = "press", _("媒体解读")
    QA = "qa", _("问答")


class InterpretationIndexPage(SectionIndexPage):
    """政策解读 section."""

    subpage_types = ["disclosure_pages.PolicyInterpretationPage"]
    template = "disclosure_pages/interpretation/interpretation_index_page.html"

    class Meta:
        verbose_name = _("政策解读栏目")
        verbose_name_plural = _("政策解读栏目")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = (
            visible(PolicyInterpretationPage.objects.child_of(listing_parent(self, request)))
            .select_related("interpreting_organ").order_by("-publish_date", "-pk")
        )
        page = Paginator(items, 20).get_page(request.GET.get("page"))
        page.object_list = in_reader_language(list(page.object_list), request, select_related=("interpreting_organ",))
        context["interpretations_page"] = page
        return context


class PolicyInterpretationPage(DisclosurePageMixin, BasePage):
    """Explains one or more policies; each policy's page links back here."""

    page_ptr = page_parent_link()
    form = models.CharField(_("解读形式"), max_length=16, choices=InterpretationForm.choices, default=InterpretationForm.TEXT)
    interpreting_organ = models.ForeignKey(
        "disclosure_pages.Organisation", verbose_name=_("解读机关"), on_delete=models.PROTECT, related_name="+"
    )
    interpreter = models.CharField(_("解读人"), max_length=100, blank=True, help_text=_("专家或发言人姓名、职务（可选）。"))
    publish_date = models.DateField(_("发布日期"), null=True, blank=True)
    summary = models.TextField(_("摘要"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("解读正文"), blank=True)
    questions = StreamField([("qa", QuestionAnswerBlock())], verbose_name=_("问答"), blank=True)

    organisation_field = "interpreting_organ"  # the 解读机关 (a moderation hook, see DisclosurePageMixin)
    parent_page_types = ["disclosure_pages.InterpretationIndexPage"]
    subpage_types: list[str] = []
    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("form"),
                FieldPanel("interpreting_organ"),
                FieldPanel("interpreter"),
                FieldPanel("publish_date"),
            ],
            heading=_("解读信息"),
        ),
        InlinePanel("policy_links", label=_("解读的政策文件"), min_num=1),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("questions"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("questions"),
        index.FilterField("form"),
        *DisclosurePageMixin.disclosure_search_fields,
    ]
    template = "disclosure_pages/interpretation/policy_interpretation_page.html"

    class Meta:
        verbose_name = _("政策解读")
        verbose_name_plural = _("政策解读")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["linked_policies"] = visible(self.policies()).select_related("publisher")
        return context

    def policies(self):
        return CatalogEntryPage.objects.filter(interpretation_links__interpretation=self)


class PolicyLink(Orderable):
    """One policy an interpretation explains (chosen with the page chooser)."""

    interpretation = ParentalKey(PolicyInterpretationPage, on_delete=models.CASCADE, related_name="policy_links")
    policy = models.ForeignKey(
        "disclosure_pages.CatalogEntryPage",
        verbose_name=_("政策文件"),
        on_delete=models.CASCADE,
        related_name="interpretation_links",
    )

    panels = [FieldPanel("policy")]

    class Meta(Orderable.Meta):
        verbose_name = _("解读的政策文件")
        verbose_name_plural = _("解读的政策文件")
        constraints = [
            models.UniqueConstraint(fields=["interpretation", "policy"], name="unique_policy_per_interpretation")
        ]
