"""Which exact files each publication contains, so that only reviewed bytes are served.

Rows are written when a disclosure page's content is published with an approval (see
``files.record_published_files``); a document is public while a publicly visible page
has a row for it with the document's current file hash.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..pagebase import BasePage


class PublishedFile(models.Model):
    """One document, by file hash and name, in the approved live content of one page."""

    page = models.ForeignKey(
        BasePage, verbose_name=_("页面"), on_delete=models.CASCADE, related_name="+"
    )
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("文件"), on_delete=models.CASCADE, related_name="+"
    )
    file_hash = models.CharField(_("文件哈希"), max_length=40, blank=True)
    # The stored name too: a row rewritten with ``QuerySet.update(file=…)`` keeps its hash.
    file = models.CharField(_("文件路径"), max_length=255, blank=True)
    recorded_at = models.DateTimeField(_("记录时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("已公开文件")
        verbose_name_plural = _("已公开文件")
        default_permissions = ()
        constraints = [models.UniqueConstraint(fields=["page", "document"], name="published_file_page_doc")]
        indexes = [models.Index(fields=["document", "file_hash"], name="published_file_doc_hash")]

    def __str__(self) -> str:
        return f"{self.page_id}:{self.document_id}:{self.file_hash}:{self.file}"
