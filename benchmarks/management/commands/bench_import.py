"""Time the catalog import: its checking step, or the whole ``import_disclosure --publish``.

``manage.py bench_import --lines 10000`` checks N valid lines naming one organisation
(kept in memory) and the database's standard terms, and prints how fast. It writes
nothing, so it runs on any database; the stored entries are still searched for 文号
clashes, as in a real import.

``manage.py bench_import --publish --lines 100000`` writes N lines to a file and runs the
real command on it (``import_disclosure FILE --publish --reviewed-by …``): checking,
publication with a review record per entry, 索引号, search index. It prints entries per
second and the process's peak memory, before and after. Review records are immutable, so
it runs only on a throwaway database, like ``bench_search``.
"""

from __future__ import annotations

import json
import os
import platform
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from benchmarks.search import portal
from benchmarks.search.import_lines import write_import_file
from disclosure_pages.catalog.importer import Lookups, validate_lines
from disclosure_pages.models import CatalogEntryPage, ClassificationTerm, Organisation
from disclosure_pages.moderation.roles import REVIEWERS

ORGAN = Organisation(pk=-1, name="基准测试办公室", code="BENCH0001")
BODY = "各县（市、区）人民政府，市政府各部门：\n" + "现将有关事项通知如下，请认真贯彻执行。" * 20


def generated_lines(count: int) -> list[str]:
    """Valid lines as an exporter writes them: long body, 文号 in square brackets, two dimensions."""
    return [
        json.dumps(
            {
                "id": f"bench-{n}",
                "title": f"关于做好政府信息公开工作的通知（{n}）",
                "body": BODY,
                "published": "2024-06-02",
                "publisher": ORGAN.name,
                "genre": "通知",
                "doc_number": f"宜政办秘[2008]{n}号",
                "classifications": {"topic": "综合政务\\政务公开", "audience": ["公民"]},
                "keywords": ["政务公开"],
            },
            ensure_ascii=False,
        )
        for n in range(count)
    ]


class Command(BaseCommand):
    help = "Check N generated import lines (writes nothing), or import and publish them (--publish)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--lines", type=int, default=10_000, help="Lines to check (default 10000).")
        parser.add_argument(
            "--publish", action="store_true", help="Import and publish the lines for real (a throwaway database)."
        )
        parser.add_argument("--random-seed", type=int, default=20240601, help="For reproducible content.")

    def handle(self, *args, lines: int, **options) -> None:
        if lines < 1:
            raise CommandError("--lines must be at least 1.")
        if options["publish"]:
            self.publish(lines, random.Random(options["random_seed"]), progress=options["verbosity"] > 0)
            return
        lookups = Lookups([ORGAN], ClassificationTerm.objects.all())
        text = generated_lines(lines)
        start = time.perf_counter()
        result = validate_lines(text, lookups)
        seconds = time.perf_counter() - start
        if not result.ok or len(result.entries) != lines:
            first = "; ".join(str(problem) for problem in result.errors[:3])
            raise CommandError(f"The generated lines did not pass ({len(result.errors)} errors): {first}")
        self.summary(
            [f"lines checked:    {lines}", f"check rate:       {lines / seconds:.0f} lines/s ({seconds:.1f} s)"]
        )

    def publish(self, lines: int, rng: random.Random, *, progress: bool) -> None:
        if found := portal.real_content():
            raise CommandError(
                f"This database holds content ({', '.join(found)}); bench_import --publish writes immutable "
                "review records, so run it on a throwaway database (migrate one first)."
            )
        fixture = portal.create_fixture()
        reviewer = get_user_model().objects.create_user(f"bench-reviewer-{fixture.portal.pk}", password=None)
        reviewer.groups.add(Group.objects.get(name=REVIEWERS))
        organisations = [(organisation.name, prefix) for organisation, prefix in fixture.organisations]
        with tempfile.TemporaryDirectory() as folder:
            path = write_import_file(Path(folder) / "legacy.jsonl", lines, organisations, rng)
            memory_before = _peak_rss_mib()
            start = time.perf_counter()
            arguments = ["--publish", "--reviewed-by", reviewer.username, "--catalog", str(fixture.catalog.pk)]
            call_command(
                "import_disclosure", str(path), *arguments, *(["--progress"] if progress else []), stdout=self.stdout
            )
            seconds = time.perf_counter() - start
        published = CatalogEntryPage.objects.child_of(fixture.catalog).live().count()
        self.summary(
            [
                f"entries published: {published} of {lines} lines, reviewer {reviewer.username}",
                f"import rate:      {published / seconds:.0f} entries/s ({seconds:.1f} s, checking included)",
                f"peak memory:      {memory_before:.0f} MiB before, {_peak_rss_mib():.0f} MiB after",
                f"kept:             portal {fixture.portal.url_path} (drop this database when done)",
            ]
        )

    def summary(self, lines: list[str]) -> None:
        self.stdout.write(
            "\n".join(
                [
                    "----- bench_import summary -----",
                    *lines,
                    f"database:         {connection.vendor}",
                    f"machine:          {platform.python_implementation()} {platform.python_version()}, "
                    f"{platform.machine()}, {os.cpu_count()} cores, DEBUG={settings.DEBUG}",
                    "--------------------------------",
                ]
            )
        )


def _peak_rss_mib() -> float:
    """This process's peak resident memory so far (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / (1024 if sys.platform == "darwin" else 1)
