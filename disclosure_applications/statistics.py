"""Table 三 of the annual report (2021 format), counted from the register, cell by cell.

* 本年新收: received in the year. 上年结转: received earlier and still open on 1 January.
* A result counts in the year its reply was given (答复日期); a reply still in 保密审查
  has not been given. Lapsed applications (逾期不补正) count as （六）1, withdrawn ones as
  （六）3 其他, as practice does.
* （七）总计 is the sum of the results; 结转下年度 what is still open on 31 December,
  so that 新收 + 结转 = 总计 + 结转下年度 in every column, as the format's rules require.
"""

from __future__ import annotations

import datetime
from collections import Counter

from disclosure_pages.annual_report.format import TABLE3_PARTY_COLUMNS, table3_cell

from .choices import TABLE3_COLUMN, Outcome, Status
from .models import Application, ApplicationEvent

#: The table 三 row of each way an application ends.
WITHDRAWN_ROW = Outcome.OTHER_3.value
ROWS = ("new", "carried_in", *Outcome.values, "total", "carried_out")


def _closed_on(application: Application, closing: dict[int, datetime.date]) -> datetime.date | None:
    if application.status == Status.ANSWERED:
        return application.answered_on
    if application.status in (Status.WITHDRAWN, Status.LAPSED):
        return closing.get(application.pk)
    return None


def _result_row(application: Application) -> str:
    return WITHDRAWN_ROW if application.status == Status.WITHDRAWN else application.outcome


def table3(organisation_id: int, year: int) -> dict[str, int]:
    """Every cell of table 三 for one body and year (keys as the annual report stores them)."""
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    applications = list(Application.objects.filter(organisation_id=organisation_id, received_on__lte=end))
    closing = dict(
        ApplicationEvent.objects.filter(
            application__in=applications, kind__in=[ApplicationEvent.Kind.WITHDRAWN, ApplicationEvent.Kind.LAPSED]
        ).values_list("application_id", "date")
    )
    counts: Counter[str] = Counter()
    for application in applications:
        column = TABLE3_COLUMN[application.applicant_type]
        closed = _closed_on(application, closing)
        if closed is not None and closed < start:
            continue  # finished before the year began
        counts[table3_cell("new" if application.received_on >= start else "carried_in", column)] += 1
        if closed is not None and closed <= end:
            counts[table3_cell(_result_row(application), column)] += 1
            counts[table3_cell("total", column)] += 1
        else:
            counts[table3_cell("carried_out", column)] += 1
    cells = {table3_cell(row, column): counts[table3_cell(row, column)] for row in ROWS for column in TABLE3_PARTY_COLUMNS}
    for row in ROWS:
        cells[table3_cell(row, "total")] = sum(cells[table3_cell(row, c)] for c in TABLE3_PARTY_COLUMNS)
    return cells


#: Outcome groups as the public statistics and table 三 headings name them.
OUTCOME_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("disclosed", ("disclosed",)),
    ("partly", ("partly",)),
    ("withheld", tuple(f"withheld_{n}" for n in range(1, 9))),
    ("unable", tuple(f"unable_{n}" for n in range(1, 4))),
    ("declined", tuple(f"declined_{n}" for n in range(1, 6))),
    ("other", tuple(f"other_{n}" for n in range(1, 4))),
)


def summary(organisation_id: int, year: int, today: datetime.date) -> dict[str, int]:
    """The public figures of one body and year: received, answered, on time, extended, overdue, outcomes."""
    cells = table3(organisation_id, year)
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    answered = Application.objects.filter(
        organisation_id=organisation_id, status=Status.ANSWERED, answered_on__range=(start, end)
    )
    figures = {
        "received": cells[table3_cell("new", "total")],
        "carried_in": cells[table3_cell("carried_in", "total")],
        "answered": cells[table3_cell("total", "total")],
        "carried_out": cells[table3_cell("carried_out", "total")],
        "on_time": sum(1 for a in answered.only("answered_on", "due_on") if a.due_on and a.answered_on <= a.due_on),
        "extended": ApplicationEvent.objects.filter(
            application__organisation_id=organisation_id, kind=ApplicationEvent.Kind.EXTENDED, date__range=(start, end)
        ).count(),
        "overdue": Application.objects.filter(organisation_id=organisation_id, received_on__lte=end)
        .exclude(status__in=(Status.ANSWERED, Status.WITHDRAWN, Status.LAPSED))
        .filter(due_on__lt=min(today, end))
        .count(),
    }
    for group, rows in OUTCOME_GROUPS:
        figures[group] = sum(cells[table3_cell(row, "total")] for row in rows)
    return figures
