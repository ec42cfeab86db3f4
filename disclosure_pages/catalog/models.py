"""The disclosure catalog (政府信息公开目录): its index page and its entries."""

from __future__ import annotations

import datetime
import re

from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from ..blocks import BodyBlock
from ..i18n import listing_parent
from ..mixins import DisclosurePageMixin
from ..moderation.guard import check_publication
from ..pagebase import BasePage, page_parent_link
from ..sections import SectionIndexPage
from ..taxonomy.models import Dimension
from ..taxonomy.widgets import TermSelect
from ..visibility import DisclosureMode, visible
from .index_numbers import allocate_index_number
from .listing import CatalogListingMixin
from .validity import Validity


class DisclosureScope(models.TextChoices):
    PUBLIC = "public", _("面向社会")
    SUBORDINATES = "subordinates", _("面向所管辖单位")
    ENTERPRISES = "enterprises", _("面向企业")
    APPLICANT = "applicant", _("面向申请人")


_BRACKETED_YEAR = re.compile(r"[\[【〔(（［](\d{4})[\]】〕)）］]")


def normalise_doc_number(value: str) -> str:
    """文号 with any bracket around the year written as GB/T 9704's 〔〕, 號 as 号.

    The number is stored as written for display; this form is for matching and search.
    """
    value = re.sub(r"\s+", "", value or "").strip("*")
    value = _BRACKETED_YEAR.sub(r"〔\1〕", value)
    return value.replace("號", "号")


class IndexNumberPanel(FieldPanel):
    """Shows the 索引号 read-only, or that it comes with the first publication."""

    def format_value_for_display(self, value):
        return value or _("首次发布时自动生成")


def term_field(dimension: str, verbose_name) -> models.ForeignKey:
    return models.ForeignKey(
        "disclosure_pages.ClassificationTerm",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"dimension": dimension, "is_active": True},
    )


class CatalogEntryMixin(models.Model):
    """Fields and behaviour of a catalog entry; a host may build its own page type from it."""

    index_number = models.CharField(
        _("索引号"),
        max_length=64,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text=_("首次发布时自动生成，公开后不再改变。"),
    )
    publisher = models.ForeignKey(
        "disclosure_pages.Organisation",
        verbose_name=_("发布机构"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    doc_number = models.CharField(
        _("文号"), max_length=100, blank=True, help_text=_("按原文填写，例如 国办发〔2019〕26号。")
    )
    doc_number_normalised = models.CharField(max_length=100, blank=True, editable=False, db_index=True)
    written_date = models.DateField(_("成文日期"), null=True, blank=True)
    publish_date = models.DateField(_("发布日期"), default=datetime.date.today, db_index=True)
    validity = models.CharField(_("有效性"), max_length=16, choices=Validity.choices, default=Validity.IN_FORCE)
    disclosure_mode = models.CharField(
        _("公开方式"), max_length=16, choices=DisclosureMode.choices, default=DisclosureMode.PROACTIVE
    )
    disclosure_scope = models.CharField(
        _("公开范围"), max_length=16, choices=DisclosureScope.choices, default=DisclosureScope.PUBLIC
    )
    keywords = models.CharField(_("主题词"), max_length=200, blank=True, help_text=_("多个主题词用空格分隔。"))
    summary = models.TextField(_("内容概述"), max_length=300, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("正文"), blank=True)

    assembled_category = term_field(Dimension.ASSEMBLED, _("组配分类"))
    topic_category = term_field(Dimension.TOPIC, _("主题分类"))
    lifecycle_category = term_field(Dimension.LIFECYCLE, _("生命周期分类"))
    genre_category = term_field(Dimension.GENRE, _("体裁分类"))
    format_category = term_field(Dimension.FORMAT, _("信息格式分类"))
    audience_categories = ParentalManyToManyField(
        "disclosure_pages.ClassificationTerm",
        verbose_name=_("服务对象分类"),
        blank=True,
        related_name="+",
        limit_choices_to={"dimension": Dimension.AUDIENCE, "is_active": True},
    )
    import_key = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)

    # Fields that belong to the row, not to a revision (see with_content_json), and that
    # a copy must not inherit: a copy is a new entry and gets its own 索引号 when published.
    PRESERVED_FIELDS = ("index_number", "import_key")
    exclude_fields_in_copy = ["index_number", "import_key"]

    # Moderation hooks (see DisclosurePageMixin): the 发布机构, and what the review does not
    # cover — the row's own fields above and the 文号 normalised from doc_number on save.
    organisation_field = "publisher"
    non_content_fields = (*PRESERVED_FIELDS, "doc_number_normalised")

    metadata_panels = [
        MultiFieldPanel(
            [
                IndexNumberPanel("index_number", read_only=True),
                FieldPanel("publisher"),
                FieldRowPanel([FieldPanel("doc_number"), FieldPanel("validity")]),
                FieldRowPanel([FieldPanel("written_date"), FieldPanel("publish_date")]),
                FieldRowPanel([FieldPanel("disclosure_mode"), FieldPanel("disclosure_scope")]),
                FieldPanel("keywords"),
            ],
            heading=_("目录信息"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("assembled_category", widget=forms.Select),
                FieldPanel("topic_category", widget=TermSelect),
                FieldPanel("audience_categories", widget=forms.CheckboxSelectMultiple),
                FieldPanel("lifecycle_category", widget=forms.Select),
                FieldPanel("genre_category", widget=forms.Select),
                FieldPanel("format_category", widget=forms.Select),
            ],
            heading=_("分类"),
        ),
    ]

    search_fields = [
        index.SearchField("doc_number", boost=3),
        index.SearchField("doc_number_normalised"),
        index.SearchField("index_number"),
        index.SearchField("keywords", boost=2),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields("publisher", [index.SearchField("name")]),
        index.FilterField("publisher"),
        index.FilterField("publish_date"),
        index.FilterField("disclosure_mode"),
        index.FilterField("validity"),
        index.FilterField("assembled_category"),
        index.FilterField("topic_category"),
        index.FilterField("genre_category"),
    ]

    class Meta:
        abstract = True

    def clean(self) -> None:
        super().clean()
        if self.written_date and self.publish_date and self.written_date > self.publish_date:
            raise ValidationError({"written_date": _("成文日期不能晚于发布日期。")})
        if self.topic_category_id and self.topic_category.parent_id is None and self.topic_category.children.exists():
            raise ValidationError({"topic_category": _("请选择到二级主题分类。")})

    def save(self, *args, **kwargs):
        self.doc_number_normalised = normalise_doc_number(self.doc_number)
        if self.alias_of_id:
            # An alias shows its source's entry and number (see shown_index_number); the
            # number itself belongs to the source row only.
            self.index_number = self.import_key = None
        elif self.live and not self.index_number:
            # Refuse an unreviewed publication before a sequence number is spent on it.
            check_publication(self, kwargs.get("update_fields"))
            if not self.publish_date:
                self.publish_date = timezone.localdate()
            self.index_number = allocate_index_number(self)
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "index_number", "publish_date"}
        return super().save(*args, **kwargs)

    def with_content_json(self, content):
        """The 索引号 comes from the database row, never from a revision's copy of it.

        So reverting to an old revision, publishing a copy's revisions or editing a
        draft made before the first publication can neither clear nor change it.
        """
        obj = super().with_content_json(content)
        for name in self.PRESERVED_FIELDS:
            setattr(obj, name, getattr(self, name))
        return obj

    @property
    def shown_index_number(self) -> str:
        """The 索引号 citizens see: an alias shows the number of the entry it mirrors."""
        if self.index_number or not self.alias_of_id:
            return self.index_number or ""
        return type(self).objects.filter(pk=self.alias_of_id).values_list("index_number", flat=True).first() or ""

    @property
    def no_longer_in_force(self) -> bool:
        """已废止 or 已失效: the page carries a banner, listings and search results a badge."""
        return self.validity in (Validity.REPEALED, Validity.EXPIRED)

    @property
    def keyword_list(self) -> list[str]:
        return [k for k in re.split(r"[\s,，;；、]+", self.keywords or "") if k]

    @property
    def classification_rows(self) -> list[tuple[str, str]]:
        """(label, value) pairs for the public metadata table, skipping empty dimensions."""
        rows = [
            (_("组配分类"), self.assembled_category),
            (_("主题分类"), self.topic_category),
            (_("服务对象分类"), "、".join(t.label for t in self.audience_categories.all())),
            (_("生命周期分类"), self.lifecycle_category),
            (_("体裁分类"), self.genre_category),
            (_("信息格式分类"), self.format_category),
        ]
        return [(label, getattr(value, "full_label", value)) for label, value in rows if value]


class CatalogEntryPage(DisclosurePageMixin, CatalogEntryMixin, BasePage):
    """目录条目: one piece of government information in the catalog."""

    page_ptr = page_parent_link()

    parent_page_types = ["disclosure_pages.CatalogIndexPage"]
    subpage_types: list[str] = []

    content_panels = (
        BasePage.content_panels
        + CatalogEntryMixin.metadata_panels
        + [
            FieldPanel("summary"),
            FieldPanel("body"),
            InlinePanel("attachments", label=_("附件")),
        ]
    )
    search_fields = (
        BasePage.search_fields + CatalogEntryMixin.search_fields + DisclosurePageMixin.disclosure_search_fields
    )
    template = "disclosure_pages/catalog/catalog_entry_page.html"

    class Meta:
        verbose_name = _("目录条目")
        verbose_name_plural = _("目录条目")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["interpretations"] = self.live_interpretations()
        return context

    def live_interpretations(self):
        # Interpretations point at entries; the entry finds them through the registry.
        interpretations = apps.get_model("disclosure_pages", "PolicyInterpretationPage")
        return (
            visible(interpretations.objects.all())
            .filter(policy_links__policy=self)
            .distinct()
            .order_by("-publish_date", "-pk")
        )


class CatalogEntryAttachment(Orderable):
    page = ParentalKey(CatalogEntryPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("文件"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("显示名称"), max_length=200, blank=True)

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("附件")
        verbose_name_plural = _("附件")

    @property
    def display_title(self) -> str:
        return self.title or self.document.title


class CatalogIndexPage(CatalogListingMixin, SectionIndexPage):
    """政府信息公开目录: lists entries newest first with a filter for every dimension."""

    subpage_types = ["disclosure_pages.CatalogEntryPage"]
    template = "disclosure_pages/catalog/catalog_index_page.html"

    class Meta:
        verbose_name = _("政府信息公开目录")
        verbose_name_plural = _("政府信息公开目录")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.listing_context(request, CatalogEntryPage.objects.child_of(listing_parent(self, request))))
        return context
