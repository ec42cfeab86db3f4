"""Working days across the 2025 Spring Festival and National Day, 调休 weekends, an unknown year."""

from __future__ import annotations

import datetime

import pytest

from disclosure_applications.workdays import Calendar

D = datetime.date
CALENDAR = Calendar()


def test_the_example_of_the_issue_crosses_national_day_and_two_makeup_weekends() -> None:
    due = CALENDAR.add(D(2025, 9, 26), 20)
    assert due.date == D(2025, 10, 30) and not due.provisional


def test_spring_festival_2025_counts_the_makeup_sunday_and_saturday() -> None:
    # 1月26日 (Sunday) and 2月8日 (Saturday) are working days; 1月28日–2月4日 are off.
    assert CALENDAR.is_working_day(D(2025, 1, 26)) and CALENDAR.is_working_day(D(2025, 2, 8))
    assert not any(CALENDAR.is_working_day(D(2025, 1, 28) + datetime.timedelta(days=n)) for n in range(8))
    assert CALENDAR.add(D(2025, 1, 24), 20).date == D(2025, 2, 27)
    assert CALENDAR.add(D(2025, 1, 24), 1).date == D(2025, 1, 26)


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (D(2025, 9, 28), True),  # Sunday, 调休
        (D(2025, 10, 1), False),  # National Day
        (D(2025, 10, 8), False),  # substituted day off
        (D(2025, 10, 11), True),  # Saturday, 调休
        (D(2025, 10, 12), False),  # an ordinary Sunday
        (D(2026, 2, 14), True),  # Saturday before the 2026 Spring Festival
        (D(2026, 2, 20), False),
    ],
)
def test_days_of_the_official_schedule(day: datetime.date, working: bool) -> None:
    assert CALENDAR.is_working_day(day) is working


def test_the_day_of_receipt_is_not_counted() -> None:
    assert CALENDAR.add(D(2025, 6, 3), 1).date == D(2025, 6, 4)
    assert CALENDAR.add(D(2025, 6, 3), 0).date == D(2025, 6, 3)
    assert CALENDAR.count(D(2025, 6, 3), D(2025, 6, 4)) == 1
    assert CALENDAR.count(D(2025, 6, 4), D(2025, 6, 3)) == 0


def test_a_non_working_day_moves_to_the_next_working_day() -> None:
    assert CALENDAR.next_working_day(D(2025, 10, 1)).date == D(2025, 10, 9)
    assert CALENDAR.next_working_day(D(2025, 10, 11)).date == D(2025, 10, 11)


def test_a_year_without_an_official_schedule_is_provisional_until_entered() -> None:
    due = CALENDAR.add(D(2026, 12, 20), 20)
    assert due.provisional and due.provisional_years == (2027,)
    # Statutory holidays of the unknown year still count: 2027's Spring Festival is 2月6日.
    assert not CALENDAR.is_working_day(D(2027, 2, 8))
    entered = Calendar({D(2027, 1, 4): False}, entered_years=[2027])
    later = entered.add(D(2026, 12, 20), 20)
    assert not later.provisional and later.date == due.date + datetime.timedelta(days=1)


def test_webmaster_days_override_the_library() -> None:
    calendar = Calendar({D(2025, 10, 12): True, D(2025, 10, 9): False})
    assert calendar.is_working_day(D(2025, 10, 12)) and not calendar.is_working_day(D(2025, 10, 9))


def test_negative_days_are_refused() -> None:
    with pytest.raises(ValueError):
        CALENDAR.add(D(2025, 1, 1), -1)
