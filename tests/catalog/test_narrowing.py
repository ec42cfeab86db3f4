"""The catalog listing narrows by keyword, date range and 有效性, and sorts (issue 13)."""

from __future__ import annotations

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from disclosure_pages.models import CatalogIndexPage
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalog(portal):
    catalog = factories.section(portal, CatalogIndexPage)
    for title, day, validity, number in (
        ("关于公布行政事业性收费目录的通知", datetime.date(2023, 3, 1), "repealed", "宜政办〔2023〕3号"),
        ("关于做好政务公开工作的通知", datetime.date(2024, 6, 2), "in_force", "宜政办〔2024〕8号"),
        ("关于调整行政事业性收费标准的通知", datetime.date(2024, 9, 1), "in_force", ""),
    ):
        factories.entry(catalog, title=title, publish_date=day, validity=validity, doc_number=number)
    return catalog


def titles(client, url: str) -> list[str]:
    html = client.get(url).content.decode()
    return re.findall(r'<th scope="row" class="col-title"><a href="[^"]+">([^<]+)</a>', html)


def test_a_keyword_finds_titles_and_document_numbers(client, catalog):
    assert titles(client, f"{catalog.url}?q=收费") == ["关于调整行政事业性收费标准的通知", "关于公布行政事业性收费目录的通知"]
    assert titles(client, f"{catalog.url}?q=〔2024〕8号") == ["关于做好政务公开工作的通知"]


def test_a_date_range_and_validity(client, catalog):
    assert titles(client, f"{catalog.url}?start=2024-01-01&end=2024-06-30") == ["关于做好政务公开工作的通知"]
    assert titles(client, f"{catalog.url}?validity=repealed") == ["关于公布行政事业性收费目录的通知"]


def test_sorting(client, catalog):
    newest = titles(client, catalog.url)
    assert titles(client, f"{catalog.url}?sort=oldest") == newest[::-1]
    assert titles(client, f"{catalog.url}?sort=nonsense") == newest


def test_bad_values_are_ignored_and_explained(client, catalog):
    for query, message in (("start=2024-13-45", "日期格式应为"), ("validity=%3Cscript%3E", "有效性参数无效")):
        response = client.get(f"{catalog.url}?{query}")
        assert response.status_code == 200 and message in response.content.decode(), query
        assert len(titles(client, f"{catalog.url}?{query}")) == 3
    assert client.get(f"{catalog.url}?q=" + "长" * 500 + "%00").status_code == 200


def test_the_query_count_does_not_depend_on_the_filters(client, catalog):
    """Once the listing's filter counts are made (then cached for the content generation)."""
    client.get(f"{catalog.url}?warm=1")
    counts = []
    for query in ("", "?q=收费&start=2023-01-01&validity=in_force&sort=oldest"):
        with CaptureQueriesContext(connection) as queries:
            client.get(f"{catalog.url}{query}&x={len(counts)}" if query else f"{catalog.url}?x=0")
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_counts_follow_a_withdrawal(client, catalog):
    """The counts are cached per content generation: a withdrawal draws a new one."""

    def years(query: str) -> list[str]:
        html = client.get(f"{catalog.url}?{query}").content.decode()
        select = html[html.index('<select id="filter-year"') :]
        return re.findall(r"<option value=\"\d+\"[^>]*>([^<]+)</option>", select[: select.index("</select>")])

    assert years("a=1") == ["2024（2）", "2023（1）"]
    catalog.get_children().specific().get(title="关于公布行政事业性收费目录的通知").unpublish()
    assert years("a=2") == ["2024（2）"]  # 2023 holds nothing now: hidden
