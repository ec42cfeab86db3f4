"""``bench_http`` against a real server: it counts every request and reports errors."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)  # the live server commits


def run(*args: str) -> list[str]:
    out = StringIO()
    call_command("bench_http", *args, stdout=out)
    return out.getvalue().splitlines()


def test_a_run_against_the_live_server_prints_throughput_and_no_errors(live_server) -> None:
    lines = run(f"{live_server.url}/api/search/?q=信息公开", "--requests", "12", "--concurrency", "3", "--warmup", "1")
    assert "requests: 12, concurrency: 3, errors: 0" in lines
    assert any(line.startswith("throughput: ") and line.endswith(" requests/s") for line in lines)


def test_answers_other_than_200_are_counted_as_errors(live_server) -> None:
    lines = run(f"{live_server.url}/no-such-page/", "--requests", "3", "--concurrency", "1", "--warmup", "0")
    assert "requests: 3, concurrency: 1, errors: 3" in lines


def test_nonsense_options_are_a_clear_error() -> None:
    with pytest.raises(CommandError):
        run("http://127.0.0.1:1/", "--requests", "0")
