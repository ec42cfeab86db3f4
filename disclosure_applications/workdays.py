"""Working days as the Regulation counts them: Chinese public holidays and 调休 make-up days.

The official schedule (国务院办公厅 notice each December) comes from python-holidays;
a year is known to it when it lists that year's make-up working days (every year since
2001 has some). Webmasters enter days for the years it does not know yet (``CalendarDay``), and mark a
year's schedule as entered. For a year known to neither, holidays still follow the
statutory festivals and weekends, and the result says it is provisional.

The day of receipt is not counted (民法典 第二百零一条): a time limit of N working days
from day D ends on the N-th working day after D.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _library_year(year: int) -> tuple[frozenset[datetime.date], frozenset[datetime.date]]:
    """(days off, weekend working days) of one year, as the library knows it."""
    china = holidays.China(years=year)
    return frozenset(china), frozenset(d for d in china.weekend_workdays if d.year == year)


@dataclass(frozen=True)
class Due:
    """A computed date and whether a year without a known schedule was crossed."""

    date: datetime.date
    provisional_years: tuple[int, ...] = ()

    @property
    def provisional(self) -> bool:
        return bool(self.provisional_years)


@dataclass
class Calendar:
    """The library's schedule with the webmasters' days on top.

    ``overrides`` maps a date to True (a working day, e.g. a 调休 Saturday) or False
    (a day off); ``entered_years`` are years whose whole schedule a webmaster entered.
    """

    overrides: Mapping[datetime.date, bool] = field(default_factory=dict)
    entered_years: Iterable[int] = ()

    def __post_init__(self) -> None:
        self.entered_years = frozenset(self.entered_years)

    def is_known(self, year: int) -> bool:
        return year in self.entered_years or bool(_library_year(year)[1])

    def is_working_day(self, day: datetime.date) -> bool:
        if day in self.overrides:
            return self.overrides[day]
        days_off, weekend_workdays = _library_year(day.year)
        if day in weekend_workdays:
            return True
        return day.weekday() < 5 and day not in days_off

    def add(self, start: datetime.date, working_days: int) -> Due:
        """The ``working_days``-th working day after ``start`` (``start`` itself not counted)."""
        if working_days < 0:
            raise ValueError("working_days must not be negative")
        day, counted, years = start, 0, {start.year}
        while counted < working_days:
            day += datetime.timedelta(days=1)
            years.add(day.year)
            if self.is_working_day(day):
                counted += 1
        return Due(day, self._unknown(years))

    def next_working_day(self, day: datetime.date) -> Due:
        """``day`` if it is a working day, else the first working day after it."""
        years = {day.year}
        while not self.is_working_day(day):
            day += datetime.timedelta(days=1)
            years.add(day.year)
        return Due(day, self._unknown(years))

    def count(self, start: datetime.date, end: datetime.date) -> int:
        """Working days after ``start`` up to and including ``end`` (0 when ``end <= start``)."""
        total, day = 0, start
        while day < end:
            day += datetime.timedelta(days=1)
            total += self.is_working_day(day)
        return total

    def _unknown(self, years: Iterable[int]) -> tuple[int, ...]:
        return tuple(sorted(year for year in years if not self.is_known(year)))
