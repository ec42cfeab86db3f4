"""Replies (答复) and their confidentiality reviews: what the applicant receives, and who let it out.

A reply is a disclosure: its notice (告知书) and every document released with it reach
the applicant only with an approved review of exactly that content, by someone who wrote
none of it (:mod:`.release` holds that rule). Review records, like the pages' ones, are
never edited or deleted, and keep their ids when the reply is gone.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from disclosure_pages.moderation.models import ImmutableModel
from disclosure_pages.moderation.models import Outcome as ReviewOutcome

from .choices import Outcome

#: What a reply may carry: documents people open, never anything a browser runs.
REPLY_DOCUMENT_EXTENSIONS = (
    "pdf",
    "ofd",
    "doc",
    "docx",
    "xls",
    "xlsx",
    "odt",
    "ods",
    "txt",
    "csv",
    "jpg",
    "jpeg",
    "png",
    "zip",
)

REPLY_CHECKLIST = [
    ("no_state_secrets", _("不含国家秘密，无密级标志")),
    ("no_third_party_data", _("不含第三方个人信息和商业秘密，或已征得同意")),
    ("redactions_checked", _("不予公开的内容已区分处理（遮盖或删除）")),
    ("documents_checked", _("答复文件已逐一打开核对")),
]
REPLY_CHECKLIST_KEYS = [key for key, _label in REPLY_CHECKLIST]


class Reply(models.Model):
    """The reply being prepared for one application; locked while in review and once released."""

    application = models.OneToOneField(
        "disclosure_applications.Application", verbose_name=_("申请"), on_delete=models.CASCADE, related_name="reply"
    )
    outcome = models.CharField(_("办理结果"), max_length=20, choices=Outcome.choices)
    notice = models.TextField(_("答复告知书"), max_length=20000)
    authors = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name=_("撰写人"), related_name="+", blank=True)
    submitted_at = models.DateTimeField(_("送审时间"), null=True, blank=True)
    released_on = models.DateField(_("答复日期"), null=True, blank=True)

    class Meta:
        verbose_name = _("答复")
        verbose_name_plural = _("答复")
        permissions = [("review_reply", _("审查申请答复（保密审查）"))]

    def __str__(self) -> str:
        return f"{self.application_id} · {self.get_outcome_display()}"


class ReplyDocument(models.Model):
    """A document released with a reply. Served only through the release check, never from MEDIA_URL."""

    reply = models.ForeignKey(Reply, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("文件名称"), max_length=200)
    file = models.FileField(
        _("文件"), upload_to="applications/replies/%Y/", validators=[FileExtensionValidator(REPLY_DOCUMENT_EXTENSIONS)]
    )
    sha256 = models.CharField(_("文件哈希"), max_length=64, editable=False)
    size = models.PositiveBigIntegerField(_("大小（字节）"), default=0, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("答复文件")
        verbose_name_plural = _("答复文件")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.title


class ReplyReview(ImmutableModel):
    """One reviewer's decision on one content of a reply, identified by its fingerprint."""

    reply = models.ForeignKey(Reply, on_delete=models.DO_NOTHING, db_constraint=False, related_name="reviews")
    application_number = models.CharField(_("受理编号"), max_length=20)
    fingerprint = models.CharField(_("内容指纹"), max_length=64)
    outcome = models.CharField(_("审查结果"), max_length=16, choices=ReviewOutcome.choices)
    checklist = models.JSONField(_("核对事项"), default=list, blank=True)
    findings = models.JSONField(_("预审提示"), default=list, blank=True)
    comment = models.TextField(_("审查意见"), blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("审查人"), on_delete=models.DO_NOTHING, db_constraint=False,
        null=True, related_name="+",
    )  # fmt: skip
    reviewer_name = models.CharField(_("审查人姓名"), max_length=150)
    created_at = models.DateTimeField(_("审查时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("答复保密审查记录")
        verbose_name_plural = _("答复保密审查记录")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["reply", "fingerprint"], name="reply_review_fp_idx")]

    def __str__(self) -> str:
        return f"{self.application_number} · {self.get_outcome_display()} · {self.reviewer_name}"
