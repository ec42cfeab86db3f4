"""The register of applications (依申请公开) and the webmasters' working-day calendar."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from disclosure_pages.taxonomy.models import Organisation

from .choices import ApplicantType, Channel, Delivery, IdType, Outcome, Status
from .deadlines import Clock, ClockEvent, Deadline, deadline
from .replies import Reply, ReplyDocument, ReplyReview
from .workdays import Calendar

__all__ = ["Application", "ApplicationEvent", "CalendarDay", "OfficeHandler", "Reply", "ReplyDocument", "ReplyReview",
           "ScheduleYear"]  # fmt: skip

CLOCK_KINDS = frozenset(kind.value for kind in Clock)
#: Safe types for an identity document: images and PDF, never anything a browser runs.
ID_DOCUMENT_EXTENSIONS = ("pdf", "jpg", "jpeg", "png")


class Application(models.Model):
    """One application, from receipt to reply. Personal data sits in this row only."""

    number = models.CharField(_("受理编号"), max_length=20, unique=True, editable=False)
    query_code_hash = models.CharField(max_length=128, editable=False)
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("受理机关"), on_delete=models.PROTECT, related_name="applications"
    )
    applicant_type = models.CharField(_("申请人类型"), max_length=20, choices=ApplicantType.choices)
    name = models.CharField(_("姓名或名称"), max_length=100)
    id_type = models.CharField(_("身份证明类型"), max_length=20, choices=IdType.choices)
    id_number = models.CharField(_("身份证明号码"), max_length=40)
    id_document = models.FileField(
        _("身份证明文件"),
        upload_to="applications/id/%Y/",
        blank=True,
        validators=[FileExtensionValidator(ID_DOCUMENT_EXTENSIONS)],
    )
    phone = models.CharField(_("联系电话"), max_length=30)
    email = models.EmailField(_("电子邮箱"), blank=True)
    address = models.CharField(_("通信地址"), max_length=200, blank=True)
    postcode = models.CharField(_("邮政编码"), max_length=6, blank=True)
    description = models.TextField(_("所需政府信息的名称、文号或特征性描述"), max_length=5000)
    #: The description folded (script, width, punctuation) and hashed: identical applications share it.
    subject_key = models.CharField(max_length=40, blank=True, editable=False, db_index=True)
    delivery = models.CharField(_("获取信息的方式"), max_length=10, choices=Delivery.choices)
    channel = models.CharField(_("申请渠道"), max_length=10, choices=Channel.choices, default=Channel.ONLINE)
    submitted_at = models.DateTimeField(_("提交时间"), default=timezone.now)
    received_on = models.DateField(_("收到申请之日"))
    due_on = models.DateField(_("答复期限"), null=True, blank=True)
    due_provisional = models.BooleanField(_("期限为暂定"), default=False)
    status = models.CharField(_("办理状态"), max_length=20, choices=Status.choices, default=Status.RECEIVED)
    outcome = models.CharField(_("办理结果"), max_length=20, choices=Outcome.choices, blank=True)
    answered_on = models.DateField(_("答复日期"), null=True, blank=True)
    personal_data_erased_on = models.DateField(_("个人信息删除日期"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("政府信息公开申请")
        verbose_name_plural = _("政府信息公开申请")
        ordering = ["-received_on", "-pk"]
        indexes = [models.Index(fields=["organisation", "status", "due_on"], name="application_work_idx")]
        permissions = [("export_personal_data", _("导出申请人个人信息"))]

    def __str__(self) -> str:
        return self.number

    def get_outcome_article(self) -> str:
        return Outcome(self.outcome).article if self.outcome else ""

    def set_query_code(self, code: str) -> None:
        self.query_code_hash = make_password(code)

    def check_query_code(self, code: str) -> bool:
        return check_password(code, self.query_code_hash)

    @property
    def masked_name(self) -> str:
        """The name as lists and the public status page show it: 张** / 安庆市**公司."""
        name = self.name.strip()
        if len(name) <= 1:
            return "*"
        keep = 1 if len(name) <= 4 else 3
        return name[:keep] + "*" * min(len(name) - keep, 6)

    def clock_events(self) -> list[ClockEvent]:
        if self.pk is None:
            return []
        return [
            ClockEvent(Clock(event.kind), event.date, event.days)
            for event in self.events.all()
            if event.kind in CLOCK_KINDS
        ]

    def compute_deadline(self, calendar: Calendar | None = None, *, strict: bool = True) -> Deadline:
        return deadline(self.received_on, self.clock_events(), calendar or load_calendar(), strict=strict)


class ApplicationEvent(models.Model):
    """A dated step of an application: the clock events of :mod:`.deadlines` and the notices."""

    class Kind(models.TextChoices):
        RECEIVED = "received", _("收到申请")
        CORRECTION_REQUESTED = Clock.CORRECTION_REQUESTED.value, _("告知补正")
        CORRECTED = Clock.CORRECTED.value, _("收到补正")
        EXTENDED = Clock.EXTENDED.value, _("延期答复")
        CONSULTATION_STARTED = Clock.CONSULTATION_STARTED.value, _("征求第三方或其他机关意见")
        CONSULTATION_ENDED = Clock.CONSULTATION_ENDED.value, _("征求意见结束")
        REPLY_SUBMITTED = "reply_submitted", _("答复送审")
        REPLY_RETURNED = "reply_returned", _("答复退回修改")
        ANSWERED = "answered", _("答复")
        WITHDRAWN = "withdrawn", _("申请人撤回")
        LAPSED = "lapsed", _("逾期未补正")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("事项"), max_length=24, choices=Kind.choices)
    date = models.DateField(_("日期"))
    days = models.PositiveSmallIntegerField(
        _("工作日数"), default=0, help_text=_("延期：延长的工作日数；补正：给申请人的补正期限。")
    )
    note = models.TextField(_("说明"), blank=True)
    approved_by = models.CharField(_("批准人"), max_length=100, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("办理记录")
        verbose_name_plural = _("办理记录")
        ordering = ["date", "pk"]


class CalendarDay(models.Model):
    """A day the webmaster sets: a 调休 working Saturday, or a day off the library lacks."""

    date = models.DateField(_("日期"), unique=True)
    is_working_day = models.BooleanField(_("工作日"), help_text=_("勾选：上班（如调休的周末）；不勾选：放假。"))
    name = models.CharField(_("说明"), max_length=50, blank=True)

    class Meta:
        verbose_name = _("工作日历")
        verbose_name_plural = _("工作日历")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.name}"


class ScheduleYear(models.Model):
    """A year whose official schedule the webmaster has entered completely."""

    year = models.PositiveSmallIntegerField(_("年份"), unique=True)
    entered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("已录入的年度放假安排")
        verbose_name_plural = _("已录入的年度放假安排")
        ordering = ["-year"]

    def __str__(self) -> str:
        return str(self.year)


class OfficeHandler(models.Model):
    """A handler of the disclosure office of one body: sees and handles that body's applications."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("办理人员"), on_delete=models.CASCADE, related_name="+"
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("受理机关"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = _("申请办理人员")
        verbose_name_plural = _("申请办理人员")
        constraints = [models.UniqueConstraint(fields=["user", "organisation"], name="office_handler_unique")]

    def __str__(self) -> str:
        return f"{self.user} · {self.organisation}"


def bodies_of(user) -> models.QuerySet[Organisation]:
    """The bodies whose applications a person handles (every body for a superuser)."""
    if not user.is_authenticated or not user.is_active:
        return Organisation.objects.none()
    if user.is_superuser:
        return Organisation.objects.all()
    return Organisation.objects.filter(pk__in=OfficeHandler.objects.filter(user=user).values("organisation"))


def applications_for(user) -> models.QuerySet[Application]:
    """The applications a person may see: those of the bodies they handle."""
    if user.is_superuser and user.is_active:
        return Application.objects.all()
    return Application.objects.filter(organisation__in=bodies_of(user))


#: "Due soon" on the dashboard and in the listing's filter: within this many working days.
DUE_SOON_WORKING_DAYS = 3


def due_soon_until(today: datetime.date) -> datetime.date:
    return load_calendar().add(today, DUE_SOON_WORKING_DAYS).date


def load_calendar() -> Calendar:
    """The library's schedule with the webmasters' days (two small queries)."""
    overrides = dict(CalendarDay.objects.values_list("date", "is_working_day"))
    return Calendar(overrides, ScheduleYear.objects.values_list("year", flat=True))
