"""Time public searches while the configured search engine is down.

``manage.py bench_search_outage [--requests 20] [--window 60] [--url URL]``

Points the ``default`` search backend at ``--url`` (by default a local socket that accepts
connections and never answers, as a hung cluster does, so each attempt waits for the
client's timeout), keeps the database backend as the
fallback, and times ``--requests`` searches through the public search API in this process.
With the outage window, the first search pays the timeout and the others answer from the
database; ``--window 0`` shows what every search paid before (each one tries the engine).
It writes nothing to the database; the outage record goes to the cache and is cleared.
"""

from __future__ import annotations

import logging
import platform
import socket
import statistics
import time

from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandParser
from django.test import Client, override_settings

from disclosure_search import outage


class Command(BaseCommand):
    help = "Time public searches with the search engine down (the outage window at work)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--requests", type=int, default=20)
        parser.add_argument("--url", default="", help="An engine address that does not answer (default: a local one).")
        parser.add_argument("--backend", default="disclosure_search.backends.elasticsearch8")
        parser.add_argument(
            "--window", type=int, default=60, help="Outage window in seconds; 0: none (every search tries)."
        )
        parser.add_argument("--query", default="信息公开")
        parser.add_argument(
            "--timeout", type=float, default=None, help="The engine client's timeout (default: the backend's)."
        )

    def handle(
        self, *args, requests: int, url: str, backend: str, window: int, query: str, timeout: float | None, **options
    ) -> None:
        hung = None
        if not url:
            hung = socket.socket()
            hung.bind(("127.0.0.1", 0))
            hung.listen(128)  # connections complete in the kernel; nothing ever reads or answers
            url = f"http://127.0.0.1:{hung.getsockname()[1]}"
        backends = {
            "default": {"BACKEND": backend, "URLS": [url], **({"TIMEOUT": timeout} if timeout else {})},
            "database": {"BACKEND": "disclosure_search.backends.database"},
        }
        client = Client()
        logging.getLogger("disclosure_search").setLevel(logging.CRITICAL)  # one traceback per failure otherwise
        timings, attempts = [], 0
        with override_settings(
            WAGTAILSEARCH_BACKENDS=backends, DISCLOSURE_SEARCH_OUTAGE_WINDOW=max(window, 1), ALLOWED_HOSTS=["*"]
        ):
            for _n in range(requests):
                if window == 0:  # forget the outage: every search tries the engine, as before the window
                    attempts += _forget()
                started = time.perf_counter()
                response = client.get("/api/search/", {"q": query})
                timings.append((time.perf_counter() - started) * 1000)
                if response.status_code != 200 or not response.json().get("degraded"):
                    self.stderr.write(f"unexpected answer: {response.status_code}")
            attempts += _forget()
        if hung is not None:
            hung.close()
        rest = timings[1:] or timings
        self.stdout.write(
            f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}"
        )
        self.stdout.write(f"engine: {backend} at {url} (down), window: {window} s, requests: {requests}")
        self.stdout.write(f"first request: {timings[0]:.0f} ms")
        self.stdout.write(f"the others: p50 {statistics.median(rest):.0f} ms, max {max(rest):.0f} ms")
        self.stdout.write(f"searches that waited for the engine: {attempts}")


def _forget() -> int:
    """Clear the outage record; returns the failed attempts it counted."""
    record = outage.current("default")
    cache.delete_many(["disclosure_search:outage:default", "disclosure_search:outage-probe:default"])
    return record.failures if record else 0
