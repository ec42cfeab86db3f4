"""What a handler may record at each step, and what it does to the status and the clock.

Every step is an :class:`ApplicationEvent`; the due date is always recomputed from all of
them (:mod:`.deadlines`). The reply is not a step recorded here: it is written, reviewed
and released in :mod:`.release`, which records 答复 when its 保密审查 approves it.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .choices import Outcome, Status
from .deadlines import ClockRuleError
from .models import Application, ApplicationEvent, load_calendar
from .public import NOTICE_KINDS
from .register import refresh_deadline, send_notice

Kind = ApplicationEvent.Kind

#: The statuses from which each step may be recorded.
ALLOWED_FROM: dict[str, frozenset[Status]] = {
    Kind.CORRECTION_REQUESTED: frozenset({Status.RECEIVED}),
    Kind.CORRECTED: frozenset({Status.CORRECTION}),
    Kind.EXTENDED: frozenset({Status.RECEIVED, Status.CONSULTING}),
    Kind.CONSULTATION_STARTED: frozenset({Status.RECEIVED, Status.EXTENDED}),
    Kind.CONSULTATION_ENDED: frozenset({Status.CONSULTING}),
    Kind.WITHDRAWN: frozenset(
        {Status.RECEIVED, Status.CORRECTION, Status.CONSULTING, Status.EXTENDED, Status.REPLY_IN_REVIEW}
    ),
    Kind.LAPSED: frozenset({Status.CORRECTION}),
}


#: The longest correction period a handler may give (补正期限, in working days).
CORRECTION_MAX_DAYS = 30


class StepRefused(ValueError):
    """A step the Regulation or the application's state does not allow; the message says why."""


def _status_after(application: Application, kind: str, extended: bool) -> Status:
    running = Status.EXTENDED if extended else Status.RECEIVED
    return {
        Kind.CORRECTION_REQUESTED: Status.CORRECTION,
        Kind.CORRECTED: running,
        Kind.EXTENDED: Status.EXTENDED if application.status != Status.CONSULTING else Status.CONSULTING,
        Kind.CONSULTATION_STARTED: Status.CONSULTING,
        Kind.CONSULTATION_ENDED: running,
        Kind.WITHDRAWN: Status.WITHDRAWN,
        Kind.LAPSED: Status.LAPSED,
    }[kind]


def _check_correction_period_over(application: Application, date: datetime.date) -> None:
    """第三十条: an application lapses only when the correction period given has passed."""
    request = application.events.filter(kind=Kind.CORRECTION_REQUESTED).order_by("-date", "-pk").first()
    if request is None or not request.days:
        return
    last_day = load_calendar().add(request.date, request.days).date
    if date <= last_day:
        raise StepRefused(
            _("补正期限至%(day)s，期限届满后才能按逾期未补正处理。") % {"day": last_day.isoformat()}
        )


@transaction.atomic
def record(
    application: Application,
    kind: str,
    date: datetime.date,
    *,
    days: int = 0,
    note: str = "",
    approved_by: str = "",
    user=None,
) -> ApplicationEvent:
    """Record one step; raises :class:`StepRefused` (nothing written) when it is not allowed."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    if kind not in ALLOWED_FROM:
        raise StepRefused(_("答复须撰写后送审，经保密审查通过才发出。"))
    if Status(application.status) not in ALLOWED_FROM[kind]:
        raise StepRefused(
            _("“%(step)s”不能在“%(status)s”状态下办理。")
            % {"step": Kind(kind).label, "status": application.get_status_display()}
        )
    if date > timezone.localdate():
        raise StepRefused(_("日期不能晚于今天。"))
    if kind == Kind.LAPSED:
        _check_correction_period_over(application, date)
    event = ApplicationEvent.objects.create(
        application=application, kind=kind, date=date, days=days, note=note, approved_by=approved_by, created_by=user
    )
    try:
        computed = refresh_deadline(application, load_calendar())
    except ClockRuleError as error:
        raise StepRefused(str(error)) from error
    application.status = _status_after(application, kind, extended=computed.extended_days > 0)
    if kind == Kind.LAPSED:
        application.outcome, application.answered_on = Outcome.OTHER_1, date
    application.save(update_fields=["status", "outcome", "answered_on", "due_on", "due_provisional"])
    if kind in NOTICE_KINDS:
        transaction.on_commit(lambda: send_notice(application, event))
    return event
