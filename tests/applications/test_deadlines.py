"""The statutory clock: 补正 restarts it, an extension adds to it, consultations pause it."""

from __future__ import annotations

import datetime

import pytest

from disclosure_applications.deadlines import Clock, ClockEvent, ClockRuleError, deadline
from disclosure_applications.workdays import Calendar

D = datetime.date
CALENDAR = Calendar()
RECEIVED = D(2025, 9, 26)


def due(*events: ClockEvent, received: datetime.date = RECEIVED):
    return deadline(received, events, CALENDAR)


def test_twenty_working_days_without_events() -> None:
    assert due().due == D(2025, 10, 30)


def test_a_correction_stops_the_clock_and_restarts_it_in_full() -> None:
    asked = ClockEvent(Clock.CORRECTION_REQUESTED, D(2025, 9, 29))
    stopped = due(asked)
    assert stopped.stopped and stopped.due is None
    restarted = due(asked, ClockEvent(Clock.CORRECTED, D(2025, 10, 13)))
    assert restarted.due == CALENDAR.add(D(2025, 10, 13), 20).date == D(2025, 11, 10)


def test_a_correction_is_asked_once_and_within_seven_working_days() -> None:
    # Seven working days after 9月26日: 9/28, 9/29, 9/30, 10/9, 10/10, 10/11, 10/13.
    assert due(ClockEvent(Clock.CORRECTION_REQUESTED, D(2025, 10, 13))).stopped
    with pytest.raises(ClockRuleError, match="7个工作日"):
        due(ClockEvent(Clock.CORRECTION_REQUESTED, D(2025, 10, 14)))
    with pytest.raises(ClockRuleError, match="一次"):
        due(
            ClockEvent(Clock.CORRECTION_REQUESTED, D(2025, 9, 29)),
            ClockEvent(Clock.CORRECTED, D(2025, 9, 30)),
            ClockEvent(Clock.CORRECTION_REQUESTED, D(2025, 10, 9)),
        )


def test_an_extension_adds_at_most_twenty_working_days_once() -> None:
    extended = due(ClockEvent(Clock.EXTENDED, D(2025, 10, 20), days=20))
    assert extended.due == CALENDAR.add(RECEIVED, 40).date and extended.extended_days == 20
    with pytest.raises(ClockRuleError, match="20"):
        due(ClockEvent(Clock.EXTENDED, D(2025, 10, 20), days=21))
    with pytest.raises(ClockRuleError, match="一次"):
        due(ClockEvent(Clock.EXTENDED, D(2025, 10, 20), days=5), ClockEvent(Clock.EXTENDED, D(2025, 10, 21), days=5))


def test_a_third_party_consultation_is_not_counted() -> None:
    paused = due(
        ClockEvent(Clock.CONSULTATION_STARTED, D(2025, 10, 13)),
        ClockEvent(Clock.CONSULTATION_ENDED, D(2025, 10, 17)),
    )
    assert paused.paused_days == 4
    assert paused.due == CALENDAR.add(RECEIVED, 24).date == D(2025, 11, 5)


def test_an_unfinished_consultation_and_a_stray_end_are_rule_errors() -> None:
    with pytest.raises(ClockRuleError):
        due(ClockEvent(Clock.CONSULTATION_ENDED, D(2025, 10, 17)))
    with pytest.raises(ClockRuleError):
        due(ClockEvent(Clock.CORRECTED, D(2025, 10, 17)))
    with pytest.raises(ClockRuleError):
        due(ClockEvent(Clock.EXTENDED, D(2025, 9, 1), days=5))


def test_year_end_carry_over_into_a_known_and_an_unknown_year() -> None:
    # 1月1日 and 2日 off, Sunday 1月4日 a working day (调休).
    into_2026 = due(received=D(2025, 12, 15))
    assert into_2026.due == D(2026, 1, 13) and not into_2026.provisional
    into_2027 = due(received=D(2026, 12, 15))
    assert into_2027.provisional_years == (2027,)
