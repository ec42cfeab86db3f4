"""A calendar change recomputes the due date of every open application (in bulk)."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .choices import CLOSED
from .models import Application, CalendarDay, ScheduleYear, load_calendar
from .register import refresh_deadline


def recompute_open_deadlines() -> int:
    """Recompute every open application's due date; returns how many changed."""
    calendar = load_calendar()
    changed = []
    for application in Application.objects.exclude(status__in=CLOSED).prefetch_related("events"):
        before = (application.due_on, application.due_provisional)
        refresh_deadline(application, calendar, strict=False)
        if (application.due_on, application.due_provisional) != before:
            changed.append(application)
    Application.objects.bulk_update(changed, ["due_on", "due_provisional"], batch_size=500)
    return len(changed)


@receiver([post_save, post_delete], sender=CalendarDay)
@receiver([post_save, post_delete], sender=ScheduleYear)
def calendar_changed(sender, **kwargs) -> None:
    recompute_open_deadlines()
