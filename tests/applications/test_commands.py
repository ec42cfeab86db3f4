"""``working_days`` (webmasters check the calendar with it) and ``erase_applicant_data``."""

from __future__ import annotations

import datetime
import functools
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from disclosure_applications.choices import Outcome
from disclosure_applications.models import CalendarDay, ScheduleYear
from disclosure_applications.retention import ERASED_NAME
from tests import factories

from .conftest import answer, letter

pytestmark = pytest.mark.django_db


def run(*args: str) -> list[str]:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue().splitlines()


def test_working_days_prints_the_due_date_first() -> None:
    assert run("working_days", "2025-09-26", "20") == ["2025-10-30"]


def test_working_days_says_when_a_year_is_provisional_until_it_is_entered() -> None:
    lines = run("working_days", "2026-12-20", "20")
    assert len(lines) == 2 and lines[1].startswith("provisional") and "2027" in lines[1]
    CalendarDay.objects.create(date=datetime.date(2027, 1, 4), is_working_day=False)
    ScheduleYear.objects.create(year=2027)
    entered = run("working_days", "2026-12-20", "20")
    assert len(entered) == 1 and entered[0] > lines[0]


@pytest.mark.parametrize("args", [("2025-13-01", "20"), ("yesterday", "5"), ("2025-01-01", "-1")])
def test_working_days_refuses_bad_input_clearly(args) -> None:
    with pytest.raises(CommandError):
        call_command("working_days", *args, stdout=StringIO())


def test_personal_data_is_erased_after_the_retention_period_and_the_statistics_remain(settings) -> None:
    settings.DISCLOSURE_APPLICATION_RETENTION_DAYS = 365
    office = factories.organisation()

    application = functools.partial(letter, office)
    today = timezone.localdate()
    days = datetime.timedelta
    old, recent, still_open = application(today - days(800)), application(today - days(40)), \
        application(today - days(800))  # fmt: skip
    answer(old, Outcome.WITHHELD_1, today - days(790))
    answer(recent, Outcome.UNABLE_1, today - days(20))
    assert run("erase_applicant_data", "--dry-run") == ["1 applications would be erased."]
    assert run("erase_applicant_data") == ["Erased the personal data of 1 applications."]
    old.refresh_from_db()
    assert old.name == ERASED_NAME and old.id_number == old.phone == old.email == ""
    assert old.outcome == Outcome.WITHHELD_1 and old.applicant_type == "natural_person"
    recent.refresh_from_db()
    still_open.refresh_from_db()
    assert recent.name == still_open.name == "张三"
