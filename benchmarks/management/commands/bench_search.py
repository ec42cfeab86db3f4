"""Benchmark full-text search at catalog scale: bulk creation, bulk indexing, query latency.

``manage.py bench_search --entries 100000 [--queries 200] [--seeds DIR | --builtin-text] [--keep]``
``manage.py bench_search --queries-only`` times the searches against what is indexed now
(a real site's index, or entries an earlier run left with ``--keep``); it writes nothing.

Creating entries records immutable review records, so it runs only on a database that
holds no content but the benchmark's own (``DATABASE_URL=sqlite:////tmp/bench.sqlite3``,
migrated first) and refuses any other. The work lives in :mod:`benchmarks.search`; this
command parses options, times the phases and prints a summary block meant to be pasted
into an issue or a pull request, so that figures from different machines compare.
"""

from __future__ import annotations

import platform
import random
import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from modelsearch.backends import get_search_backend
from modelsearch.conf import get_app_config

from benchmarks.search import entries, indexing, portal, queries, seeds


class Command(BaseCommand):
    help = "Create N synthetic catalog entries in bulk, index them and time searches."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--entries", type=int, default=10_000, help="Entries to create (default 10000).")
        parser.add_argument("--queries", type=int, default=200, help="Searches to time (default 200).")
        text = parser.add_mutually_exclusive_group()
        text.add_argument(
            "--seeds",
            type=Path,
            metavar="DIR",
            help=f"Directory of seed *.txt files (default: ${seeds.SEEDS_ENV}, else ../shared/seeds beside the "
            "repository).",
        )
        text.add_argument("--builtin-text", action="store_true", help="Write the built-in sentences, not seed files.")
        parser.add_argument("--keep", action="store_true", help="Keep the benchmark portal and its entries.")
        parser.add_argument("--batch-size", type=int, default=2000, help="Entries per insert batch.")
        parser.add_argument("--index-batch-size", type=int, default=500, help="Entries per add_bulk call.")
        parser.add_argument("--random-seed", type=int, default=20240601, help="For reproducible content.")
        parser.add_argument(
            "--query-timeout",
            type=float,
            default=10.0,
            help="Abort one search after this many seconds and count it as a timeout (0: never).",
        )
        parser.add_argument("--backend", default="default", help="Search backend to index into (default: default).")
        parser.add_argument(
            "--queries-only",
            action="store_true",
            help="Create and index nothing: time the searches against the current index.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        count: int = options["entries"]
        if count < 1 or options["queries"] < 0:
            raise CommandError("--entries must be positive and --queries not negative.")
        backend_name: str = options["backend"]
        backend_config = get_app_config().get_search_backend_config()
        if backend_name != "default" and backend_name not in backend_config:
            raise CommandError(f"No search backend named {backend_name!r}.")
        backend = get_search_backend(backend_name)
        backend_path = str(backend_config.get(backend_name, {}).get("BACKEND", "disclosure_search.backends.database"))
        is_database = backend_path.rstrip(".").endswith("backends.database")
        progress = self.stderr._out if options["verbosity"] > 0 else None
        rng = random.Random(options["random_seed"])

        def run_queries() -> queries.QueryResult:
            timeout = options["query_timeout"] or None
            return queries.run_queries(options["queries"], rng=rng, timeout=timeout, progress=progress)

        if options["queries_only"]:
            self.report_queries(run_queries())
            return

        try:
            seed_dir = None if options["builtin_text"] else options["seeds"] or seeds.default_seed_dir()
            sentences, source = seeds.load_sentences(seed_dir)
        except seeds.SeedsMissing as error:
            raise CommandError(str(error)) from error
        if found := portal.real_content():
            raise CommandError(
                f"This database holds content the benchmark did not write ({', '.join(found)}), and the review "
                "records a run leaves are immutable. Run it on a throwaway database: "
                "DATABASE_URL=sqlite:////tmp/bench.sqlite3 python manage.py migrate, then the same DATABASE_URL "
                "for bench_search. --queries-only times searches here without writing."
            )
        self.stdout.write(f"Content: {source}")
        if settings.DEBUG:
            self.stdout.write(self.style.WARNING("DEBUG is on: Django's query log adds a little to every query."))

        fixture = portal.create_fixture()
        ids: list[int] = []
        try:
            created = entries.create_entries(
                fixture, count, sentences, rng=rng, batch_size=options["batch_size"], progress=progress
            )
            ids = created.ids
            self.stdout.write(f"Created {len(ids)} entries in {created.seconds:.1f}s ({created.rate:.0f} entries/s)")
            indexed = indexing.index_entries(backend, ids, batch_size=options["index_batch_size"], progress=progress)
            self.stdout.write(
                f"Indexed {indexed.count} entries in {indexed.seconds:.1f}s ({indexed.rate:.0f} entries/s)"
            )
            timed = run_queries()
            self.report_queries(timed)
            self.stdout.write(self.summary(len(ids), created, indexed, timed, backend_path))
        finally:
            self.clean_up(fixture, ids, keep=options["keep"], is_database=is_database)

    def clean_up(self, fixture: portal.Fixture, ids: list[int], *, keep: bool, is_database: bool) -> None:
        if keep:
            self.stdout.write(f"Kept: portal {fixture.portal.url_path} (page {fixture.portal.pk}).")
            return
        started = time.perf_counter()
        reviews = portal.delete_fixture(fixture, ids, backend_is_database=is_database)
        self.stdout.write(
            f"Deleted the benchmark portal and {len(ids)} entries in {time.perf_counter() - started:.1f}s; "
            f"its {reviews} review records stay (immutable by design)."
        )
        if not is_database:
            self.stdout.write("Run rebuild_search_index to drop their entries from the external index.")

    def report_queries(self, timed: queries.QueryResult) -> None:
        if not timed.latencies_ms:
            return
        self.stdout.write(
            f"Queries: {len(timed.latencies_ms)}, median {timed.p50:.1f} ms, p95 {timed.p95:.1f} ms, "
            f"max {timed.max:.1f} ms; median result count {timed.median_count:.0f}"
        )
        if timed.timeouts:
            self.stdout.write(
                self.style.WARNING(
                    f"  {timed.timeouts} searches hit the time limit: their latency is a lower bound "
                    "and they are left out of the result counts."
                )
            )
        for form, values in sorted(timed.by_form.items()):
            self.stdout.write(
                f"  {form}: n={len(values)} median {queries.percentile(values, 0.5):.1f} ms, "
                f"p95 {queries.percentile(values, 0.95):.1f} ms"
            )
        self.stdout.write("  slowest: " + "; ".join(f"{q} {ms:.0f} ms" for ms, q in timed.slowest))

    def summary(
        self,
        count: int,
        created: entries.CreationResult,
        indexed: indexing.IndexingResult,
        timed: queries.QueryResult,
        backend_path: str,
    ) -> str:
        """The block a person pastes: figures plus what they depend on (database, backend, CPU)."""
        vendor = connection.vendor
        if vendor == "sqlite":
            import sqlite3

            vendor = f"sqlite {sqlite3.sqlite_version}"
        lines = [
            "----- bench_search summary -----",
            f"entries:          {count}",
            f"creation rate:    {created.rate:.0f} entries/s ({created.seconds:.1f} s)",
            f"indexing rate:    {indexed.rate:.0f} entries/s ({indexed.seconds:.1f} s)",
            f"query p50:        {timed.p50:.1f} ms",
            f"query p95:        {timed.p95:.1f} ms (max {timed.max:.1f} ms, n={len(timed.latencies_ms)})",
            f"query timeouts:   {timed.timeouts}",
            f"results median:   {timed.median_count:.0f}",
            f"database:         {vendor}",
            f"search backend:   {backend_path}",
            f"machine:          {platform.python_implementation()} {platform.python_version()}, "
            f"{platform.machine()}, DEBUG={settings.DEBUG}",
            "--------------------------------",
        ]
        return "\n".join(lines)
