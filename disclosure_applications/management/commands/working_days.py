"""``manage.py working_days 2025-09-26 20``: the due date of a time limit, as the register computes it.

The first line is the date; a second line starting with ``provisional`` names the years
whose official schedule (holidays and 调休) is not known yet.
"""

from __future__ import annotations

import datetime

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ...models import load_calendar


class Command(BaseCommand):
    help = "Print the date N working days after DATE (the day itself not counted)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("date", help="Start date, YYYY-MM-DD (e.g. the day an application was received).")
        parser.add_argument("days", type=int, help="Working days (20 for a reply, 7 for a 补正 notice).")

    def handle(self, *args, date: str, days: int, **options) -> None:
        try:
            start = datetime.date.fromisoformat(date)
        except ValueError as error:
            raise CommandError(f"DATE must be YYYY-MM-DD: {date!r}") from error
        if not 0 <= days <= 10_000:
            raise CommandError("DAYS must be between 0 and 10000.")
        due = load_calendar().add(start, days)
        self.stdout.write(due.date.isoformat())
        if due.provisional:
            years = ", ".join(str(year) for year in due.provisional_years)
            self.stdout.write(
                f"provisional: the official schedule of {years} is not known; weekends and statutory "
                "holidays were used. Enter it under 设置 › 工作日历."
            )
