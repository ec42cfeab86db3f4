"""Receiving applications and finding them again: numbers, query codes, dates of receipt.

第三十一条: an application submitted online is received on the day the system confirms
it; one confirmed on a non-working day counts from the next working day. Letters, faxes
and visits are registered by a handler with the date they were received (a letter's 签收
date), which the handler enters.
"""

from __future__ import annotations

import datetime
import secrets

from django.contrib.auth.hashers import make_password
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .choices import Channel
from .deadlines import Deadline
from .identical import subject_key
from .models import Application, ApplicationEvent, load_calendar
from .workdays import Calendar

_CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: codes are read aloud and typed
CODE_LENGTH = 8
#: Checked against when the number is unknown, so both failures cost the same time.
_DUMMY_HASH = make_password("not-a-query-code")


def new_query_code() -> str:
    return "".join(secrets.choice(_CODE_ALPHABET) for _ in range(CODE_LENGTH))


def received_on(channel: str, confirmed: datetime.datetime, calendar: Calendar) -> datetime.date:
    """The date of receipt of an online application confirmed at ``confirmed``."""
    day = timezone.localdate(confirmed)
    return calendar.next_working_day(day).date if channel == Channel.ONLINE else day


def refresh_deadline(application: Application, calendar: Calendar | None = None, *, strict: bool = True) -> Deadline:
    """Recompute the due date from the events (after an event, or a calendar change: not strict)."""
    computed = application.compute_deadline(calendar, strict=strict)
    application.due_on = computed.due
    application.due_provisional = computed.provisional
    return computed


@transaction.atomic
def receive(application: Application, *, received: datetime.date | None = None, user=None) -> str:
    """Save a new application, number it, start its clock; returns the query code (shown once)."""
    calendar = load_calendar()
    if received is None:
        received = received_on(application.channel, application.submitted_at or timezone.now(), calendar)
    application.received_on = received
    application.subject_key = subject_key(application.description)
    code = new_query_code()
    application.set_query_code(code)
    application.number = f"tmp-{secrets.token_hex(6)}"
    refresh_deadline(application, calendar)
    application.save()
    application.number = f"{received.year}{application.pk:06d}"
    Application.objects.filter(pk=application.pk).update(number=application.number)
    ApplicationEvent.objects.create(
        application=application, kind=ApplicationEvent.Kind.RECEIVED, date=received, created_by=user
    )
    return code


def find(number: str, code: str) -> Application | None:
    """The application with this number and query code; None for a wrong code or number alike."""
    application = (
        Application.objects.select_related("organisation").filter(number=str(number)[:20]).first()
        if str(number).isdigit()
        else None
    )
    if application is None:
        Application(query_code_hash=_DUMMY_HASH).check_query_code(str(code))
        return None
    return application if application.check_query_code(str(code).strip().upper()) else None


def send_receipt(application: Application, code: str) -> None:
    """The receipt by email, when the applicant gave an address."""
    if not application.email:
        return
    subject = _("政府信息公开申请回执：%(number)s") % {"number": application.number}
    body = _(
        "您的政府信息公开申请已收到。\n受理编号：%(number)s\n查询码：%(code)s\n"
        "收到申请日期：%(received)s\n答复期限：%(due)s\n\n请凭受理编号和查询码查询办理进度。"
    ) % {
        "number": application.number,
        "code": code,
        "received": application.received_on.isoformat(),
        "due": application.due_on.isoformat() if application.due_on else "—",
    }
    send_mail(subject, body, None, [application.email])


def send_notice(application: Application, event: ApplicationEvent) -> None:
    """A 补正 or extension notice by email, when the applicant gave an address (it is also on the status page)."""
    if not application.email:
        return
    subject = _("政府信息公开申请告知：%(number)s") % {"number": application.number}
    body = _("%(step)s（%(date)s）：\n%(notice)s\n\n答复期限：%(due)s\n受理编号：%(number)s") % {
        "step": event.get_kind_display(),
        "date": event.date.isoformat(),
        "notice": event.note,
        "due": application.due_on.isoformat() if application.due_on else _("补正期间暂停计算"),
        "number": application.number,
    }
    send_mail(subject, body, None, [application.email])
