"""Every step a handler records: what the Regulation allows, the status it leads to, the clock."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail

from disclosure_applications import transitions
from disclosure_applications.choices import Outcome, Status
from disclosure_applications.models import Application, ApplicationEvent, CalendarDay, ScheduleYear
from disclosure_applications.workdays import Calendar

from .conftest import answer, letter

Kind = ApplicationEvent.Kind
D = datetime.date
RECEIVED = D(2025, 9, 26)


@pytest.fixture
def application(office) -> Application:
    return letter(office, RECEIVED)


def step(application: Application, kind: str, date: datetime.date, **kwargs) -> Application:
    transitions.record(application, kind, date, **kwargs)
    application.refresh_from_db()
    return application


def test_a_letter_counts_from_its_date_of_receipt(application) -> None:
    assert application.received_on == RECEIVED and application.due_on == D(2025, 10, 30)
    assert application.number.startswith("2025") and application.status == Status.RECEIVED


def test_correction_stops_then_restarts_the_clock(application) -> None:
    step(application, Kind.CORRECTION_REQUESTED, D(2025, 9, 29), note="请写明文件名称。")
    assert application.status == Status.CORRECTION and application.due_on is None
    step(application, Kind.CORRECTED, D(2025, 10, 13))
    assert application.status == Status.RECEIVED and application.due_on == D(2025, 11, 10)
    with pytest.raises(transitions.StepRefused):
        transitions.record(application, Kind.CORRECTION_REQUESTED, D(2025, 10, 14), note="again")


def test_correction_and_extension_notices_are_mailed(application, django_capture_on_commit_callbacks) -> None:
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        step(application, Kind.CORRECTION_REQUESTED, D(2025, 9, 29), note="请写明文件名称。")
    with django_capture_on_commit_callbacks(execute=True):
        step(application, Kind.CORRECTED, D(2025, 10, 13))
    with django_capture_on_commit_callbacks(execute=True):
        step(application, Kind.EXTENDED, D(2025, 11, 3), days=10, note="经负责人同意延期。")
    assert [m.to for m in mail.outbox] == [["zhang@example.cn"]] * 2
    correction, extension = (m.body for m in mail.outbox)
    assert "请写明文件名称。" in correction and application.number in correction
    assert "经负责人同意延期。" in extension and "2025-11-24" in extension


def test_it_lapses_only_after_the_correction_period_given(application) -> None:
    step(application, Kind.CORRECTION_REQUESTED, D(2025, 9, 29), days=10, note="请写明文件名称。")
    with pytest.raises(transitions.StepRefused, match="2025-10-20"):  # 10 working days, National Day holidays skipped
        transitions.record(application, Kind.LAPSED, D(2025, 10, 20))
    step(application, Kind.LAPSED, D(2025, 10, 21))
    assert application.status == Status.LAPSED


def test_an_uncorrected_application_lapses_as_other_1(application) -> None:
    step(application, Kind.CORRECTION_REQUESTED, D(2025, 9, 29), note="请写明文件名称。")
    step(application, Kind.LAPSED, D(2025, 10, 31))
    assert application.status == Status.LAPSED and application.outcome == Outcome.OTHER_1


def test_extension_and_consultation(application) -> None:
    step(application, Kind.CONSULTATION_STARTED, D(2025, 10, 13))
    assert application.status == Status.CONSULTING
    step(application, Kind.CONSULTATION_ENDED, D(2025, 10, 17))
    assert application.status == Status.RECEIVED and application.due_on == D(2025, 11, 5)
    step(application, Kind.EXTENDED, D(2025, 10, 20), days=20, note="经负责人批准延期。")
    assert application.status == Status.EXTENDED
    assert application.due_on == Calendar().add(RECEIVED, 44).date


def test_a_late_correction_request_is_refused_and_nothing_is_written(application) -> None:
    with pytest.raises(transitions.StepRefused, match="7个工作日"):
        transitions.record(application, Kind.CORRECTION_REQUESTED, D(2025, 10, 14), note="x")
    assert list(application.events.values_list("kind", flat=True)) == [Kind.RECEIVED]
    application.refresh_from_db()
    assert application.status == Status.RECEIVED


def test_a_released_reply_closes_the_application(application) -> None:
    answer(application, Outcome.WITHHELD_4, D(2025, 10, 20))
    assert application.status == Status.ANSWERED and application.answered_on == D(2025, 10, 20)
    assert application.get_outcome_article() == "第十五条、第三十二条"
    with pytest.raises(transitions.StepRefused):
        transitions.record(application, Kind.WITHDRAWN, D(2025, 10, 21))


def test_a_reply_is_not_a_step_a_handler_records(application) -> None:
    """It is written, reviewed and released (tests/applications/test_replies.py), never recorded directly."""
    with pytest.raises(transitions.StepRefused, match="保密审查"):
        transitions.record(application, Kind.ANSWERED, D(2025, 10, 9))
    application.refresh_from_db()
    assert application.status == Status.RECEIVED and not application.outcome


def test_steps_out_of_order_are_refused(application) -> None:
    for kind in (Kind.CORRECTED, Kind.CONSULTATION_ENDED, Kind.LAPSED):
        with pytest.raises(transitions.StepRefused):
            transitions.record(application, kind, D(2025, 10, 9))
    with pytest.raises(transitions.StepRefused):
        transitions.record(application, Kind.EXTENDED, D(2099, 1, 1), days=5)  # in the future


def test_entering_a_years_schedule_recomputes_open_deadlines(office) -> None:
    application = letter(office, D(2026, 12, 20))
    assert application.due_provisional
    CalendarDay.objects.create(date=D(2027, 1, 4), is_working_day=False, name="元旦调休（示例）")
    ScheduleYear.objects.create(year=2027)
    application.refresh_from_db()
    assert not application.due_provisional
    assert application.due_on == Calendar({D(2027, 1, 4): False}, [2027]).add(D(2026, 12, 20), 20).date
