"""The statutory clock of one application, from its dated events (articles 30, 32–34).

A pure function of the date of receipt and the clock events, so that a change of the
calendar (a webmaster enters next year's schedule) recomputes every open deadline.

* Reply within 20 working days after receipt (article 33).
* 补正 (article 30): asked for once, within 7 working days of receipt; it stops the
  clock, and the 20 days start again in full from the day the correction arrives.
* An extension (article 33): at most 20 more working days, once.
* Consulting a third party (article 32) or other bodies (article 34): the working days
  between the start and the end of the consultation are not counted.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable
from dataclasses import dataclass

from .workdays import Calendar, Due

REPLY_DAYS = 20
EXTENSION_MAX_DAYS = 20
CORRECTION_REQUEST_DAYS = 7
THIRD_PARTY_DAYS = 15


class ClockRuleError(ValueError):
    """An event the Regulation does not allow at that point (a second 补正, a late one...)."""


class Clock(enum.StrEnum):
    CORRECTION_REQUESTED = "correction_requested"
    CORRECTED = "corrected"
    EXTENDED = "extended"
    CONSULTATION_STARTED = "consultation_started"
    CONSULTATION_ENDED = "consultation_ended"


@dataclass(frozen=True)
class ClockEvent:
    kind: Clock
    date: datetime.date
    days: int = 0  # for an extension: the working days granted


@dataclass(frozen=True)
class Deadline:
    """``due`` is None while the clock is stopped for a 补正."""

    due: datetime.date | None
    provisional_years: tuple[int, ...]
    stopped: bool = False
    extended_days: int = 0
    paused_days: int = 0

    @property
    def provisional(self) -> bool:
        return bool(self.provisional_years)


def deadline(
    received: datetime.date, events: Iterable[ClockEvent], calendar: Calendar, *, strict: bool = True
) -> Deadline:
    """The due date after ``events`` (in date order), checking each against the rules.

    ``strict=False`` recomputes recorded events after a calendar change: a 补正 notice
    that was on time when it was sent stays valid (the only rule that reads the calendar).
    """
    start, stopped, corrections = received, False, 0
    extended = paused = 0
    consulting_since: datetime.date | None = None
    unknown: set[int] = set()
    for event in sorted(events, key=lambda e: e.date):
        if event.date < received:
            raise ClockRuleError("事件日期早于收到申请之日。")
        if event.kind is Clock.CORRECTION_REQUESTED:
            if corrections:
                raise ClockRuleError("补正只能要求一次（条例第三十条）。")
            limit = calendar.add(received, CORRECTION_REQUEST_DAYS)
            unknown.update(limit.provisional_years)
            if strict and event.date > limit.date:
                raise ClockRuleError(f"补正应在收到申请之日起{CORRECTION_REQUEST_DAYS}个工作日内一次性告知。")
            corrections, stopped = 1, True
        elif event.kind is Clock.CORRECTED:
            if not stopped:
                raise ClockRuleError("没有待补正的要求。")
            start, stopped, paused = event.date, False, 0
        elif event.kind is Clock.EXTENDED:
            if extended:
                raise ClockRuleError("答复期限只能延长一次（条例第三十三条）。")
            if not 0 < event.days <= EXTENSION_MAX_DAYS:
                raise ClockRuleError(f"延长的期限最长不得超过{EXTENSION_MAX_DAYS}个工作日。")
            extended = event.days
        elif event.kind is Clock.CONSULTATION_STARTED:
            if consulting_since is not None:
                raise ClockRuleError("征求意见已在进行中。")
            consulting_since = event.date
        elif event.kind is Clock.CONSULTATION_ENDED:
            if consulting_since is None:
                raise ClockRuleError("没有进行中的征求意见。")
            paused += calendar.count(consulting_since, event.date)
            consulting_since = None
    if stopped:
        return Deadline(None, tuple(sorted(unknown)), stopped=True, extended_days=extended, paused_days=paused)
    due: Due = calendar.add(start, REPLY_DAYS + extended + paused)
    unknown.update(due.provisional_years)
    return Deadline(due.date, tuple(sorted(unknown)), extended_days=extended, paused_days=paused)
