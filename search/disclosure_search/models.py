"""What webmasters maintain for search: synonym groups and the segmentation dictionary."""

from __future__ import annotations

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

_SEPARATORS = re.compile(r"[\s,，;；、|]+")


class SearchSynonym(models.Model):
    """Words that mean the same to a citizen (信息公开 ~ 政务公开); any of them finds the others."""

    terms = models.CharField(
        _("同义词组"),
        max_length=500,
        help_text=_("两个或更多词，用逗号、顿号或空格分隔，例如：低保，最低生活保障"),
    )
    is_active = models.BooleanField(_("启用"), default=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    panels = [FieldPanel("terms"), FieldPanel("is_active")]

    class Meta:
        verbose_name = _("检索同义词")
        verbose_name_plural = _("检索同义词")
        ordering = ["terms"]

    def __str__(self) -> str:
        return " ~ ".join(self.term_list())

    def term_list(self) -> list[str]:
        return list(dict.fromkeys(t for t in _SEPARATORS.split(self.terms or "") if t))

    def clean(self) -> None:
        if len(self.term_list()) < 2:
            raise ValidationError({"terms": _("同义词组至少需要两个词。")})


class DictionaryTerm(models.Model):
    """A word the segmenter must keep whole (a policy name, a local programme)."""

    term = models.CharField(_("词语"), max_length=50, unique=True)
    frequency = models.PositiveIntegerField(
        _("词频"), null=True, blank=True, help_text=_("留空即可；数值越大越倾向于作为一个词切分。")
    )
    is_active = models.BooleanField(_("启用"), default=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    panels = [FieldPanel("term"), FieldPanel("frequency"), FieldPanel("is_active")]

    class Meta:
        verbose_name = _("分词词典词条")
        verbose_name_plural = _("分词词典")
        ordering = ["term"]

    def __str__(self) -> str:
        return self.term

    def clean(self) -> None:
        self.term = (self.term or "").strip()
        if not self.term or any(c.isspace() for c in self.term):
            raise ValidationError({"term": _("词语不能为空，也不能包含空格。")})


#: The catalog classifications the public search filters on and counts: a ``<name>_id``
#: column of SearchDocument each.
FACET_DIMENSIONS = ("assembled", "topic", "genre")


class SearchDocument(models.Model):
    """A public disclosure page as the embedded engine ranks it (SQLite FTS5, PostgreSQL tsvector, see
    disclosure_search.engine).

    Written by the SQLite search backend next to Wagtail's own index entry, and only for
    pages citizens may read: database triggers (migration 0003) refuse a row for a page
    that is not live, public and 主动公开, and delete the row the moment its page stops
    being so, whatever wrote the change (migration 0004 does the same on PostgreSQL).
    ``sort_key`` is the FTS rowid: the publication date's ordinal in the high bits and the
    page id in the low 32, so the index itself is in date order (date sorting and the
    relevance window need no join).
    """

    page = models.OneToOneField(
        settings.WAGTAIL_PAGE_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="+", verbose_name=_("页面")
    )
    sort_key = models.BigIntegerField(_("排序键"), unique=True)
    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, related_name="+", verbose_name=_("信息类型")
    )
    title = models.TextField(_("标题词"))
    body = models.TextField(_("正文词"))
    # What the results page counts matches by (facets); ids without foreign keys: a row is
    # rewritten whenever its page is published, and counts only ever cover matching rows.
    year = models.PositiveSmallIntegerField(_("发布年份"), null=True)
    organisation_id = models.BigIntegerField(_("发布机构"), null=True)
    assembled_id = models.BigIntegerField(_("组配分类"), null=True)
    topic_id = models.BigIntegerField(_("主题分类"), null=True)
    genre_id = models.BigIntegerField(_("体裁分类"), null=True)

    class Meta:
        verbose_name = _("检索文档")
        verbose_name_plural = _("检索文档")

    def __str__(self) -> str:
        return str(self.page_id)
