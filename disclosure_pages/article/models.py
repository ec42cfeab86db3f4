"""Plain prose pages (制度 texts, the 依申请公开 explanation) and the section that holds them."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from ..blocks import BodyBlock
from ..i18n import in_reader_language, listing_parent
from ..mixins import DisclosurePageMixin
from ..pagebase import BasePage, page_parent_link
from ..sections import SectionIndexPage
from ..visibility import visible


class DisclosureArticleIndexPage(SectionIndexPage):
    """A section of prose pages, such as 政府信息公开制度."""


    subpage_types = ["disclosure_pages.DisclosureArticlePage"]
    template = "disclosure_pages/article/disclosure_article_index_page.html"

    class Meta:
        verbose_name = _("信息公开栏目")
        verbose_name_plural = _("信息公开栏目")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = visible(DisclosureArticlePage.objects.child_of(listing_parent(self, request)))
        context["articles"] = in_reader_language(list(articles.order_by("-publish_date", "-pk")), request)
        return context


class DisclosureArticlePage(DisclosurePageMixin, BasePage):
    """A disclosure text in prose: a 制度, a notice, the 依申请公开 explanation."""

    page_ptr = page_parent_link()
    publish_date = models.DateField(_("发布日期"), null=True, blank=True)
    source = models.CharField(_("信息来源"), max_length=100, blank=True)
    doc_number = models.CharField(_("文号"), max_length=100, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("正文"), blank=True)

    parent_page_types = ["disclosure_pages.DisclosurePortalPage", "disclosure_pages.DisclosureArticleIndexPage"]
    subpage_types: list[str] = []
    content_panels = BasePage.content_panels + [
        FieldPanel("doc_number"),
        FieldPanel("publish_date"),
        FieldPanel("source"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("doc_number"),
        index.SearchField("body"),
        *DisclosurePageMixin.disclosure_search_fields,
    ]
    template = "disclosure_pages/article/disclosure_article_page.html"

    class Meta:
        verbose_name = _("信息公开文章")
        verbose_name_plural = _("信息公开文章")
