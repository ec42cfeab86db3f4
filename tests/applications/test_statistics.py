"""Table 三 from the register, compared cell by cell with a hand count over a register that
reaches every row and every column."""

from __future__ import annotations

import datetime

import pytest

from disclosure_applications import reply_drafts, transitions
from disclosure_applications.choices import ApplicantType, Outcome
from disclosure_applications.models import Application, ApplicationEvent
from disclosure_applications.statistics import table3
from disclosure_pages.annual_report.format import FORMAT_2021, TABLE3_COLUMNS, table3_cell
from disclosure_pages.annual_report.validation import validate_statistics
from tests import factories

from .conftest import answer, letter, person, upload

Kind = ApplicationEvent.Kind
D = datetime.date
T = ApplicantType


def received(office, applicant_type: ApplicantType, day: datetime.date) -> Application:
    return letter(office, day, applicant_type=applicant_type)


def answered(office, applicant_type, day, outcome, on) -> Application:
    application = received(office, applicant_type, day)
    answer(application, outcome, on)
    return application


@pytest.fixture
def register_2025(office, db):
    """The register of 2025, and what a person counting by hand writes in each cell."""
    hand: dict[str, int] = {}

    def count(row: str, column: str) -> None:
        hand[table3_cell(row, column)] = hand.get(table3_cell(row, column), 0) + 1

    # Every result row once, by a natural person, received and answered in 2025.
    for outcome in Outcome:
        if outcome is Outcome.OTHER_1:
            continue
        answered(office, T.NATURAL_PERSON, D(2025, 3, 3), outcome, D(2025, 3, 20))
        count("new", "natural")
        count(outcome.value, "natural")
    # Carried in from 2024 and answered in 2025.
    answered(office, T.COMMERCIAL, D(2024, 12, 10), Outcome.DECLINED_2, D(2024, 12, 12))  # finished in 2024
    carried = received(office, T.COMMERCIAL, D(2024, 12, 20))
    answer(carried, Outcome.UNABLE_1, D(2025, 1, 8))
    count("carried_in", "business"), count("unable_1", "business")
    # Withdrawn (（六）3) and lapsed (（六）1).
    withdrawn = received(office, T.LEGAL_SERVICES, D(2025, 5, 6))
    transitions.record(withdrawn, Kind.WITHDRAWN, D(2025, 5, 9))
    count("new", "legal"), count("other_3", "legal")
    lapsed = received(office, T.OTHER_ORG, D(2025, 6, 3))
    transitions.record(lapsed, Kind.CORRECTION_REQUESTED, D(2025, 6, 5), note="请补充文号。")
    transitions.record(lapsed, Kind.LAPSED, D(2025, 7, 1))
    count("new", "other"), count("other_1", "other")
    # Still open at the year's end, and a reply still in review: carried over.
    received(office, T.PUBLIC_INTEREST, D(2025, 12, 22))
    count("new", "nonprofit"), count("carried_out", "nonprofit")
    in_review = received(office, T.RESEARCH, D(2025, 12, 1))
    reply_drafts.save_draft(in_review, outcome=Outcome.PARTLY, notice="部分公开。", user=person("handler"), uploads=[upload()])
    reply_drafts.submit(in_review, person("handler"))
    count("new", "research"), count("carried_out", "research")
    # The next year, and another body: not counted.
    received(office, T.NATURAL_PERSON, D(2026, 1, 5))
    received(factories.organisation(name="安庆市财政局", code="00311092X"), T.NATURAL_PERSON, D(2025, 4, 1))
    for key in list(hand):
        row, column = key.split(".")[1:]
        if row not in ("new", "carried_in", "carried_out"):
            hand[table3_cell("total", column)] = hand.get(table3_cell("total", column), 0) + hand[key]
    for row in {key.split(".")[1] for key in list(hand)}:
        hand[table3_cell(row, "total")] = sum(hand.get(table3_cell(row, c.key), 0) for c in TABLE3_COLUMNS[:-1])
    return hand


def test_table_three_equals_the_hand_count_in_every_cell(office, register_2025) -> None:
    computed = table3(office.pk, 2025)
    assert {key: value for key, value in computed.items() if value} == register_2025
    assert len(computed) == 25 * 7  # every row and column of the 2021 format's table 三


def test_the_computed_table_passes_the_formats_own_rules(office, register_2025) -> None:
    _values, errors = validate_statistics(FORMAT_2021, table3(office.pk, 2025))
    assert errors == {}
