"""The abstract base of the portal's section pages (指南, 制度, 年报, 目录, 解读, 专题)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from .mixins import DisclosurePageMixin
from .pagebase import BasePage, page_parent_link


class SectionIndexPage(DisclosurePageMixin, BasePage):
    """A section directly under the portal, with an introduction, listing its children."""

    page_ptr = page_parent_link()
    intro = models.TextField(_("说明"), blank=True)

    parent_page_types = ["disclosure_pages.DisclosurePortalPage"]
    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    class Meta:
        abstract = True
