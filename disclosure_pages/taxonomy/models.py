"""Classification terms of the catalog's six dimensions, and publishing organs."""

from __future__ import annotations

from django.core.validators import RegexValidator
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from ..i18n import in_reader_script, reads_traditional


class NamedInThreeLanguages(models.Model):
    """A name readers see in their language: Traditional converted by OpenCC unless a webmaster
    wrote one, English where one is written. The Simplified ``name`` stays what the catalog,
    the index and the reviews record."""

    name_hant = models.CharField(
        _("繁体名称"), max_length=200, blank=True, help_text=_("留空时由 OpenCC 从名称转换（只转换字形）。")
    )
    name_en = models.CharField(_("英文名称"), max_length=200, blank=True, help_text=_("留空时英文版显示中文名称。"))

    class Meta:
        abstract = True

    @property
    def label(self) -> str:
        """The name in the active language."""
        if reads_traditional():
            return self.name_hant or in_reader_script(self.name)
        if (translation.get_language() or "").lower().startswith("en"):
            return self.name_en or self.name
        return self.name


class Dimension(models.TextChoices):
    """The six classification dimensions of a disclosure catalog (seed 003's navigation)."""

    ASSEMBLED = "assembled", _("组配分类")
    TOPIC = "topic", _("主题分类")
    AUDIENCE = "audience", _("服务对象分类")
    LIFECYCLE = "lifecycle", _("生命周期分类")
    GENRE = "genre", _("体裁分类")
    FORMAT = "format", _("信息格式分类")


class ClassificationTermQuerySet(models.QuerySet):
    def of(self, dimension: str) -> ClassificationTermQuerySet:
        return self.filter(dimension=dimension, is_active=True)


class ClassificationTerm(NamedInThreeLanguages, index.Indexed, models.Model):
    """One term of one dimension; 主题分类 terms have a parent (一级\\二级)."""

    dimension = models.CharField(_("分类维度"), max_length=16, choices=Dimension.choices, db_index=True)
    name = models.CharField(_("名称"), max_length=100)
    code = models.CharField(_("代码"), max_length=20, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级分类"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    sort_order = models.PositiveIntegerField(_("排序"), default=0)
    is_active = models.BooleanField(
        _("启用"), default=True, help_text=_("停用的分类不再供编辑选择，已有条目保留原分类。")
    )
    is_standard = models.BooleanField(_("标准分类"), default=False, editable=False)

    objects = ClassificationTermQuerySet.as_manager()

    panels = [
        FieldPanel("dimension"),
        FieldPanel("name"),
        FieldPanel("name_hant"),
        FieldPanel("name_en"),
        FieldPanel("code"),
        FieldPanel("parent"),
        FieldPanel("sort_order"),
        FieldPanel("is_active"),
    ]
    # The admin's listing searches name and code and filters on dimension and is_active.
    search_fields = [
        index.SearchField("name"),
        index.SearchField("code"),
        index.FilterField("dimension"),
        index.FilterField("is_active"),
    ]

    class Meta:
        verbose_name = _("分类")
        verbose_name_plural = _("分类")
        ordering = ["dimension", "sort_order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["dimension", "parent", "name"], name="unique_term_per_parent"
            ),
            models.UniqueConstraint(
                fields=["dimension", "name"],
                condition=models.Q(parent__isnull=True),
                name="unique_top_level_term",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        """Written like gov.cn: ``综合政务\\政务公开``. Uses the cached parent when loaded."""
        if self.parent_id:
            return f"{self.parent.name}\\{self.name}"
        return self.name

    @property
    def full_label(self) -> str:
        """:attr:`full_name` in the active language."""
        if self.parent_id:
            return f"{self.parent.label}\\{self.label}"
        return self.label


organisation_code_validator = RegexValidator(
    r"^(?:[0-9A-Z]{6,8}-?[0-9A-Z]|[0-9A-Z]{18})$",
    _("请输入9位组织机构代码（如 00315001-9 或 003150019）或18位统一社会信用代码。"),
)


class Organisation(NamedInThreeLanguages, index.Indexed, models.Model):
    """A publishing organ (发布机构), with the code its 索引号 starts with."""

    name = models.CharField(_("机构全称"), max_length=100, unique=True, help_text=_("使用规范全称，不用简称。"))
    short_name = models.CharField(_("简称"), max_length=50, blank=True)
    code = models.CharField(
        _("机构代码"),
        max_length=20,
        unique=True,
        validators=[organisation_code_validator],
        help_text=_("组织机构代码或统一社会信用代码，用于生成索引号。"),
    )
    address = models.CharField(_("地址"), max_length=200, blank=True)
    phone = models.CharField(_("电话"), max_length=50, blank=True)
    website = models.URLField(_("网址"), blank=True)
    sort_order = models.PositiveIntegerField(_("排序"), default=0)

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("short_name"), FieldPanel("code"), FieldPanel("name_hant"), FieldPanel("name_en")],
            heading=_("机构"),
        ),
        MultiFieldPanel([FieldPanel("address"), FieldPanel("phone"), FieldPanel("website")], heading=_("联系方式")),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("short_name"), index.SearchField("code")]

    class Meta:
        verbose_name = _("发布机构")
        verbose_name_plural = _("发布机构")
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def index_code(self) -> str:
        """The code as it appears in 索引号 (check-digit hyphen kept as written)."""
        return self.code
