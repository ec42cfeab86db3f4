"""Load a running server over HTTP and print throughput and latency.

``manage.py bench_http URL [--requests 400] [--concurrency 4] [--warmup 10]``

For the figures of a deployment (gunicorn with the production settings, say): start the
server, then point this at a public URL, e.g. the search API with a broad query
(``http://127.0.0.1:8000/api/search/?q=信息公开``). Requests are plain GETs from
``--concurrency`` threads; a response other than 200 counts as an error. It runs no
Django code of its own against the database and writes nothing.
"""

from __future__ import annotations

import os
import platform
import statistics
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

from django.core.management.base import BaseCommand, CommandError, CommandParser


def quote_url(url: str) -> str:
    """Percent-encode what a person typed (信息公开) without touching what is already encoded."""
    parts = urllib.parse.urlsplit(url)
    query = urllib.parse.quote(parts.query, safe="=&%+")
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, urllib.parse.quote(parts.path, safe="/%"), query, ""))


def _get(url: str, timeout: float) -> tuple[float, bool]:
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            response.read()
            ok = response.status == 200
    except (urllib.error.URLError, OSError):
        ok = False
    return (time.perf_counter() - started) * 1000, ok


class Command(BaseCommand):
    help = "GET one URL of a running server many times from several threads; print requests/s and latency."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("url")
        parser.add_argument("--requests", type=int, default=400)
        parser.add_argument("--concurrency", type=int, default=4)
        parser.add_argument("--warmup", type=int, default=10, help="Requests sent first and not counted.")
        parser.add_argument("--timeout", type=float, default=30.0)

    def handle(self, *args, url: str, requests: int, concurrency: int, warmup: int, timeout: float, **options) -> None:
        if requests < 1 or concurrency < 1:
            raise CommandError("--requests and --concurrency must be at least 1.")
        url = quote_url(url)
        for _n in range(warmup):
            _get(url, timeout)
        timings: list[float] = []
        errors = 0
        lock = threading.Lock()
        remaining = iter(range(requests))

        def work() -> None:
            nonlocal errors
            while True:
                with lock:
                    if next(remaining, None) is None:
                        return
                elapsed, ok = _get(url, timeout)
                with lock:
                    timings.append(elapsed)
                    errors += not ok

        started = time.perf_counter()
        threads = [threading.Thread(target=work) for _n in range(concurrency)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - started
        ordered = sorted(timings)
        p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
        self.stdout.write(
            f"machine: {platform.machine()}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}"
        )
        self.stdout.write(f"url: {url}")
        self.stdout.write(f"requests: {requests}, concurrency: {concurrency}, errors: {errors}")
        self.stdout.write(f"throughput: {requests / wall:.1f} requests/s")
        self.stdout.write(
            f"latency: p50 {statistics.median(ordered):.0f} ms, p95 {p95:.0f} ms, max {ordered[-1]:.0f} ms"
        )
