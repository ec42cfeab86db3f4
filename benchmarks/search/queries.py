"""Timed searches: what citizens ask, in Simplified, Hong Kong and Taiwan forms, through the search service."""

from __future__ import annotations

import logging
import random
import statistics
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TextIO

from django.db import connection, transaction
from tqdm import tqdm

from disclosure_search.service import search_pages

from .content import converter
from .vocabulary import QUERY_NEEDS


def percentile(values: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile: the value a person reading "p95" expects, no interpolation."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    rank = max(1, min(len(ordered), round(fraction * len(ordered) + 0.5)))
    return ordered[rank - 1]


@dataclass
class QueryResult:
    latencies_ms: list[float]
    counts: list[int]
    by_form: dict[str, list[float]]
    slowest: list[tuple[float, str]]
    timeouts: int = 0

    @property
    def p50(self) -> float:
        return statistics.median(self.latencies_ms) if self.latencies_ms else 0.0

    @property
    def p95(self) -> float:
        return percentile(self.latencies_ms, 0.95)

    @property
    def max(self) -> float:
        return max(self.latencies_ms, default=0.0)

    @property
    def median_count(self) -> float:
        return statistics.median(self.counts) if self.counts else 0.0


def query_forms() -> list[tuple[str, str]]:
    """(form, query) for every need: Simplified, Hong Kong and Taiwan phrasing."""
    queries: list[tuple[str, str]] = []
    for need in QUERY_NEEDS:
        queries.append(("zh-hans", need))
        queries.append(("zh-hk", converter("s2hk").convert(need)))
        queries.append(("zh-tw", converter("s2twp").convert(need)))
    return queries


class _DropInterrupted(logging.Filter):
    """Hide the service's traceback for a query the benchmark itself interrupted."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        text = str(error or "").lower()
        return not ("interrupted" in text or "statement timeout" in text or "canceling statement" in text)


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Abort the database work of one search after ``seconds`` (SQLite and PostgreSQL).

    A query plan whose cost grows with the square of the matches can run for minutes at
    catalog scale; the benchmark records such a search as a timeout (its latency is then
    a lower bound) instead of hanging. The search service turns the error into an empty,
    ``degraded`` result, exactly as a visitor would see it.
    """
    if not seconds:
        yield
        return
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        raw = connection.connection
        deadline = time.perf_counter() + seconds
        raw.set_progress_handler(lambda: int(time.perf_counter() > deadline), 20_000)
        try:
            yield
        finally:
            raw.set_progress_handler(None, 0)
    elif connection.vendor == "postgresql":
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL statement_timeout = %s", [int(seconds * 1000)])
            yield
    else:
        yield


def run_queries(
    total: int,
    *,
    rng: random.Random,
    search: Callable[[str], Any] | None = None,
    warmup: int = 3,
    timeout: float | None = 10.0,
    progress: TextIO | None = None,
) -> QueryResult:
    """Time ``total`` first-page searches (page size 10, relevance) after a short warm-up.

    The first pass goes through every need in every form once, in order, so that small
    runs still cover all three scripts; further queries are drawn at random.
    """
    if search is None:

        def search(query: str) -> Any:
            return search_pages(query, page=1, page_size=10, sort="relevance")

    pool = query_forms()
    result = QueryResult([], [], {}, [])
    quiet = _DropInterrupted()
    service_logger = logging.getLogger("disclosure_search")
    service_logger.addFilter(quiet)
    try:
        for _form, query in pool[:warmup]:
            with time_limit(timeout):
                search(query)  # jieba's dictionary, OpenCC, the page cache: not the query
        with tqdm(total=total, desc="query", unit="q", file=progress, disable=progress is None) as bar:
            for number in range(total):
                form, query = pool[number] if number < len(pool) else rng.choice(pool)
                started = time.perf_counter()
                with time_limit(timeout):
                    results = search(query)
                elapsed = (time.perf_counter() - started) * 1000
                if getattr(results, "degraded", False):
                    result.timeouts += 1
                else:
                    result.counts.append(int(getattr(results, "count", 0)))
                result.latencies_ms.append(elapsed)
                result.by_form.setdefault(form, []).append(elapsed)
                result.slowest.append((elapsed, query))
                bar.update(1)
    finally:
        service_logger.removeFilter(quiet)
    result.slowest = sorted(result.slowest, reverse=True)[:5]
    return result
