"""Fixtures of the import tests that write: one portal per test class, and a reviewer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import transaction

from disclosure_pages.models import CatalogIndexPage, Organisation
from disclosure_pages.moderation.roles import REVIEWERS
from tests import factories
from tests.people import person

from .lines import record, write_jsonl


@pytest.fixture(scope="class")
def class_catalog(django_db_setup, django_db_blocker) -> Iterator[CatalogIndexPage]:
    """A portal built once for a whole class, in a transaction rolled back after it.

    Each test runs inside it in a savepoint of its own (pytest-django's ``db``), so what
    one test imports is gone before the next one starts.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        factories.organisation()
        yield factories.section(factories.portal(), CatalogIndexPage)
        transaction.set_rollback(True)
    cache.clear()  # Wagtail caches site root paths; they may name rolled-back pages.


@pytest.fixture
def catalog(class_catalog, db) -> CatalogIndexPage:
    """The class's catalog (overrides the portal-per-test fixture of tests/conftest.py)."""
    return class_catalog


@pytest.fixture
def reviewer(django_user_model):
    """A confidentiality reviewer (保密审查员, the group of the default 保密审查 task)."""
    return person(django_user_model, "reviewer", REVIEWERS)


@pytest.fixture
def good_file(tmp_path: Path, catalog, org) -> Path:
    return write_good_file(tmp_path, second_mode="依申请公开")


@pytest.fixture
def publishable_file(tmp_path: Path, catalog, org) -> Path:
    """The good file with every entry 主动公开, so that all of it may be published."""
    return write_good_file(tmp_path, second_mode="主动公开")


def write_good_file(tmp_path: Path, second_mode: str) -> Path:
    Organisation.objects.create(name="安庆市财政局", short_name="市财政局", code="00311092X")
    return write_jsonl(
        tmp_path,
        record(
            id="A-1",
            title="安庆市人民政府信息公开指南和信息公开目录编制工作方案",
            doc_number="宜政办秘[2008]8号",
            published="2008-03-05",
            written="2008-03-01",
            classifications={"topic": "综合政务\\政务公开", "audience": ["公民", "法人"], "assembled": "决策"},
            keywords=["政府信息公开", "目录"],
            validity="已废止",
            summary="明确了编制原则、主体、内容。",
        ),
        record(
            id=2,
            title="关于进一步推进政府信息公开工作的通知",
            doc_number="宜政发〔2008〕19号",
            published="2008-06-01",
            publisher="00311092X",  # by code
            classifications={"主题分类": "政务督查", "服务对象分类": "行政机关", "信息格式分类": "HTML"},
            keywords="信息公开，督查 通知",
            validity="repealed",
            disclosure_mode=second_mode,
            disclosure_scope="enterprises",
        ),
        "",  # blank lines are ignored
        record(title="没有来源编号的条目", body="第一段。\n\n第二段。\n第三段。"),
    )
