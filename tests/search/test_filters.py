"""The search page's filters: parsed without the database, among choices loaded once.

How they narrow real results is tested through the page and the API (test_views).
"""

from __future__ import annotations

import pytest
from django.http import QueryDict

from disclosure_pages.models import CatalogEntryPage, ClassificationTerm, Dimension, Organisation
from disclosure_search.filters import SearchFilterSet
from disclosure_search.service import int_param

GENRE = ClassificationTerm(pk=30, dimension=Dimension.GENRE, name="通知")
AUDIENCE = ClassificationTerm(pk=40, dimension=Dimension.AUDIENCE, name="公民")
ORGAN = Organisation(pk=7, name="安庆市财政局", code="003110927")


def _filters(query: str) -> SearchFilterSet:
    return SearchFilterSet(QueryDict(query), terms=[GENRE], organisations=[ORGAN])


def test_good_values_are_the_loaded_objects():
    filters = _filters("genre=30&organ=7&year=2021&type=%20catalogentrypage%20")
    assert filters.problems == []
    assert filters.value("genre") is GENRE and filters.value("organ") is ORGAN
    assert filters.value("year") == 2021 and filters.value("type") is CatalogEntryPage
    assert filters.active


def test_no_parameters_is_no_filter():
    for filters in (_filters(""), SearchFilterSet(None), _filters("q=信息&sort=date&page=2")):
        assert filters.problems == [] and not filters.active


def test_bad_values_are_ignored_each_with_its_message_in_form_order():
    filters = _filters("type=nope&year=99999&organ=abc&genre=%00")
    assert filters.problems == [
        "分类参数无效，已忽略。",
        "发布机构参数无效，已忽略。",
        "年份超出范围，已忽略。",
        "所选信息类型不存在，已忽略。",
    ]
    assert not filters.active


def test_dimensions_the_search_does_not_offer_are_not_read():
    filters = SearchFilterSet(QueryDict("audience=40&format=abc"), terms=[AUDIENCE])
    assert filters.problems == [] and not filters.active


@pytest.mark.parametrize(
    ("value", "number"), [(None, 1), ("", 1), ("3", 3), ("0", 0), (" 12 ", 12), ("1234567", 1), ("-1", 1), ("１", 1)]
)
def test_page_numbers_are_ascii_digits_up_to_six(value, number):
    assert int_param(value, 1) == number
