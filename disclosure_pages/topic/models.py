"""Topics (专题 / 重点领域): saved combinations of classification terms, always current."""

from __future__ import annotations

from django import forms
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from ..catalog.listing import DIMENSION_FILTERS, CatalogListingMixin
from ..catalog.models import CatalogEntryPage
from ..i18n import in_reader_language, listing_parent
from ..mixins import DisclosurePageMixin
from ..pagebase import BasePage, page_parent_link
from ..sections import SectionIndexPage
from ..visibility import visible


class TopicIndexPage(SectionIndexPage):
    """专题 / 重点领域: the list of topics."""

    subpage_types = ["disclosure_pages.TopicPage"]
    template = "disclosure_pages/topic/topic_index_page.html"

    class Meta:
        verbose_name = _("专题栏目")
        verbose_name_plural = _("专题栏目")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        topics = visible(TopicPage.objects.child_of(listing_parent(self, request))).order_by("path")
        context["topics"] = in_reader_language(list(topics), request)
        return context


class TopicPage(DisclosurePageMixin, CatalogListingMixin, BasePage):
    """Lists catalog entries matching a saved query, like a Plone collection.

    An entry matches when, in every dimension the topic names, it carries one of the
    topic's terms (terms of one dimension are alternatives); organs likewise.
    """

    page_ptr = page_parent_link()
    intro = models.TextField(_("说明"), blank=True)
    terms = ParentalManyToManyField(
        "disclosure_pages.ClassificationTerm",
        verbose_name=_("分类条件"),
        blank=True,
        related_name="+",
        help_text=_("同一维度内的分类为“或”，不同维度之间为“且”。"),
    )
    organisations = ParentalManyToManyField(
        "disclosure_pages.Organisation", verbose_name=_("发布机构"), blank=True, related_name="+"
    )
    catalog = models.ForeignKey(
        "disclosure_pages.CatalogIndexPage",
        verbose_name=_("目录范围"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("只列出该目录中的条目；留空则为整个门户。"),
    )

    parent_page_types = ["disclosure_pages.TopicIndexPage"]
    subpage_types: list[str] = []
    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("terms", widget=forms.SelectMultiple(attrs={"size": 12})),
                FieldPanel("organisations", widget=forms.CheckboxSelectMultiple),
                FieldPanel("catalog"),
            ],
            heading=_("条目条件"),
        ),
    ]
    template = "disclosure_pages/topic/topic_page.html"

    class Meta:
        verbose_name = _("专题")
        verbose_name_plural = _("专题")

    def matching_entries(self):
        """Entries of the topic, before public filtering (the listing applies that and the visitor's filters)."""
        scope = self.catalog or self.disclosure_portal
        entries = CatalogEntryPage.objects.all()
        if scope is not None:
            entries = entries.descendant_of(listing_parent(scope))
        by_field: dict[str, list] = {}
        dimension_field = {dim: field for dim, field in DIMENSION_FILTERS.values()}
        for term in self.terms.all():
            by_field.setdefault(dimension_field[term.dimension], []).append(term)
        for field_name, terms in by_field.items():
            condition = Q(**{f"{field_name}__in": terms}) | Q(**{f"{field_name}__parent__in": terms})
            entries = entries.filter(condition)
        organisations = list(self.organisations.all())
        if organisations:
            entries = entries.filter(publisher__in=organisations)
        if "audience_categories" in by_field:
            entries = entries.distinct()
        return entries

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.listing_context(request, self.matching_entries()))
        return context
