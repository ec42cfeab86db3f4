"""``bench_search_outage``: with the window, one search of many waits for a hung engine."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def run(*args: str) -> list[str]:
    out = StringIO()
    call_command("bench_search_outage", "--timeout", "0.5", *args, stdout=out)
    cache.clear()
    return out.getvalue().splitlines()


def test_with_the_window_one_search_waits_and_without_it_every_one() -> None:
    with_window = run("--requests", "4")
    assert "searches that waited for the engine: 1" in with_window
    assert any(line.startswith("first request: ") for line in with_window)
    assert "searches that waited for the engine: 3" in run("--requests", "3", "--window", "0")
