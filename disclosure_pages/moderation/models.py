"""Confidentiality review (保密审查): the immutable review records (the workflow tasks are in tasks.py)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.models import Revision

from ..pagebase import BasePage
from ..visibility import DisclosureMode
from .exemptions import exemption_choices


class Outcome(models.TextChoices):
    APPROVED = "approved", pgettext_lazy("review outcome", "审查通过")
    REJECTED = "rejected", pgettext_lazy("review outcome", "退回修改")


class Source(models.TextChoices):
    WORKFLOW = "workflow", _("审核流程")
    IMPORT = "import", _("批量导入（既有公开信息）")
    DEMO = "demo", _("演示数据")


CHECKLIST = [
    ("no_state_secrets", _("不含国家秘密，无密级标志")),
    ("no_personal_information", _("不含个人信息（身份证号、电话、住址等）")),
    ("no_commercial_secrets", _("不含商业秘密")),
    ("attachments_checked", _("附件和图片已逐一检查")),
    ("links_checked", _("链接已检查")),
]
CHECKLIST_KEYS = [key for key, _label in CHECKLIST]


class ImmutableRecord(PermissionDenied):
    """Review records are never edited or deleted, only superseded by newer ones."""


class ImmutableQuerySet(models.QuerySet):
    """Review records (of pages and of replies to applications) are written once."""

    def update(self, **kwargs):
        raise ImmutableRecord(_("保密审查记录不可修改。"))

    def delete(self):
        raise ImmutableRecord(_("保密审查记录不可删除。"))


class ImmutableModel(models.Model):
    """A row that is created and never changed or deleted, one by one or in bulk."""

    objects = ImmutableQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None or not self._state.adding:
            raise ImmutableRecord(_("保密审查记录不可修改。"))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableRecord(_("保密审查记录不可删除。"))


class ConfidentialityReviewQuerySet(ImmutableQuerySet):
    def approvals(self):
        return self.filter(outcome=Outcome.APPROVED, decision=DisclosureMode.PROACTIVE)


class ConfidentialityReview(ImmutableModel):
    """One reviewer's decision on one revision, identified by the fingerprint of its content.

    A page (or an alias of it) may be live only with content whose latest review is an
    approval with the decision (公开属性, a :class:`DisclosureMode`) 主动公开. Records keep the page and revision ids even if
    those are deleted or purged later, so they carry no database constraint on them.
    """

    page = models.ForeignKey(
        BasePage, verbose_name=_("页面"), on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    revision = models.ForeignKey(
        Revision, verbose_name=_("版本"), on_delete=models.DO_NOTHING, db_constraint=False,
        null=True, blank=True, related_name="+",
    )
    fingerprint = models.CharField(_("内容指纹"), max_length=64, db_index=True)
    page_title = models.CharField(_("标题"), max_length=255)
    organisation_name = models.CharField(_("发布机构"), max_length=100, blank=True)
    outcome = models.CharField(_("审查结果"), max_length=16, choices=Outcome.choices)
    decision = models.CharField(_("公开属性"), max_length=16, choices=DisclosureMode.choices, blank=True)
    exemption_ground = models.CharField(_("不予公开依据"), max_length=40, blank=True)
    checklist = models.JSONField(_("核对事项"), default=list, blank=True)
    findings = models.JSONField(_("预审提示"), default=list, blank=True)
    findings_acknowledged = models.BooleanField(_("已确认预审提示"), default=False)
    comment = models.TextField(_("审查意见"), blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("审查人"), on_delete=models.DO_NOTHING, db_constraint=False,
        null=True, related_name="+",
    )
    reviewer_name = models.CharField(_("审查人姓名"), max_length=150)
    source = models.CharField(_("来源"), max_length=16, choices=Source.choices, default=Source.WORKFLOW)
    task_state_id = models.BigIntegerField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("审查时间"), auto_now_add=True, db_index=True)

    objects = ConfidentialityReviewQuerySet.as_manager()

    class Meta:
        verbose_name = _("保密审查记录")
        verbose_name_plural = _("保密审查记录")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["page", "fingerprint", "-created_at"], name="review_page_fp_idx")]

    def __str__(self) -> str:
        return f"{self.page_title} · {self.get_outcome_display()} · {self.reviewer_name}"

    @property
    def allows_publication(self) -> bool:
        return self.outcome == Outcome.APPROVED and self.decision == DisclosureMode.PROACTIVE

    @property
    def exemption_ground_label(self) -> str:
        return dict(exemption_choices()).get(self.exemption_ground, self.exemption_ground)
