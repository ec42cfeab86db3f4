"""The public statistics page: the figures as a table with a chart, no personal data, bad input a 400."""

from __future__ import annotations

import datetime

from disclosure_applications.choices import Outcome

from .conftest import answer, letter

PAGE = "/applications/statistics/"


def test_figures_of_a_body_and_year_as_a_table(client, office) -> None:
    for day in (datetime.date(2025, 3, 3), datetime.date(2025, 4, 1)):
        application = letter(office, day)
        answer(application, Outcome.WITHHELD_1, day + datetime.timedelta(days=7))
    response = client.get(PAGE, {"organisation": office.code, "year": 2025})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<caption>安庆市人民政府办公室2025年依申请公开情况</caption>" in html
    assert '<th scope="row">本年新收申请</th><td class="statistics-chart__value">2</td>' in html
    assert '<th scope="row">不予公开</th><td class="statistics-chart__value">2</td>' in html
    assert '<th scope="row">按期答复</th><td class="statistics-chart__value">2</td>' in html
    assert "张三" not in html and 'style="' not in html.split("<main")[-1]


def test_bad_input_is_a_400_with_the_form(client, office) -> None:
    response = client.get(PAGE, {"organisation": "nope", "year": "20x5"})
    assert response.status_code == 400 and "application-field__error" in response.content.decode()
    assert client.get(PAGE).status_code == 200
