"""Erasing applicants' personal data after the retention period; the statistics stay.

What remains of an erased application is what the annual report and the public
statistics count: body, applicant type, channel, dates, status and outcome.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .choices import CLOSED
from .conf import get_setting
from .models import Application, ApplicationEvent

ERASED_NAME = "（已删除）"
_CLOSING = [ApplicationEvent.Kind.WITHDRAWN, ApplicationEvent.Kind.LAPSED]


def due_for_erasure(today: datetime.date | None = None):
    """Closed applications whose retention period has run out and that still hold personal data."""
    today = today or timezone.localdate()
    cutoff = today - datetime.timedelta(days=get_setting("DISCLOSURE_APPLICATION_RETENTION_DAYS"))
    ended = ApplicationEvent.objects.filter(kind__in=_CLOSING, date__lt=cutoff).values("application")
    closed_on = Q(answered_on__lt=cutoff) | Q(answered_on=None, pk__in=ended)
    return Application.objects.filter(status__in=CLOSED, personal_data_erased_on=None).filter(closed_on)


@transaction.atomic
def erase(applications, today: datetime.date | None = None) -> int:
    """Blank the personal fields of ``applications`` and delete their identity documents."""
    today = today or timezone.localdate()
    count = 0
    for application in applications.select_for_update():
        if application.id_document:
            application.id_document.delete(save=False)
        application.name, application.id_number = ERASED_NAME, ""
        application.phone = application.email = application.address = application.postcode = ""
        application.personal_data_erased_on = today
        application.save(
            update_fields=["name", "id_number", "id_document", "phone", "email", "address", "postcode",
                           "personal_data_erased_on"]
        )  # fmt: skip
        count += 1
    return count
