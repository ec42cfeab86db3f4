"""Scheduled publications checked before they are due, for ``manage.py publish_scheduled``.

The command runs with no user, from cron. A revision that was approved for a schedule
and has since lost its confidentiality approval (a newer review refused that content)
is taken off the schedule, reported and written to the audit log, instead of being
published — or of stopping every other scheduled publication with an error.
"""

from __future__ import annotations

from typing import NamedTuple

from django.utils import timezone
from wagtail.models import Revision

from .guard import UnreviewedPublication, is_disclosure_page, log_refusal, refusal_reason


class WithdrawnSchedule(NamedTuple):
    page_id: int
    revision_id: int
    reason: str


def withdraw_unreviewed_schedules() -> list[WithdrawnSchedule]:
    """Take due disclosure revisions without an approval of their content off the schedule."""
    withdrawn = []
    due = Revision.objects.filter(approved_go_live_at__lt=timezone.now()).order_by("approved_go_live_at")
    for revision in due:
        page = revision.content_object
        if page is None or not is_disclosure_page(page):
            continue
        target = revision.as_object()
        reason = refusal_reason(target)
        if reason is None:
            continue
        # Clearing a schedule is never refused (the guard only checks setting one).
        Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=None)
        log_refusal(UnreviewedPublication(reason, page=target))
        withdrawn.append(WithdrawnSchedule(page.pk, revision.pk, reason))
    return withdrawn
