"""Time the catalog import's checking step (``validate_lines``) over generated lines.

``manage.py bench_import --lines 10000`` checks N valid lines naming one organisation
(kept in memory) and the database's standard terms, and prints how fast. It writes
nothing, so it runs on any database; the stored entries are still searched for 文号
clashes, as in a real import.
"""

from __future__ import annotations

import json
import platform
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from disclosure_pages.catalog.importer import Lookups, validate_lines
from disclosure_pages.models import ClassificationTerm, Organisation

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
    help = "Check N generated import lines and print lines per second (writes nothing)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--lines", type=int, default=10_000, help="Lines to check (default 10000).")

    def handle(self, *args, lines: int, **options) -> None:
        if lines < 1:
            raise CommandError("--lines must be at least 1.")
        lookups = Lookups([ORGAN], ClassificationTerm.objects.all())
        text = generated_lines(lines)
        start = time.perf_counter()
        result = validate_lines(text, lookups)
        seconds = time.perf_counter() - start
        if not result.ok or len(result.entries) != lines:
            first = "; ".join(str(problem) for problem in result.errors[:3])
            raise CommandError(f"The generated lines did not pass ({len(result.errors)} errors): {first}")
        self.stdout.write(
            "\n".join(
                [
                    "----- bench_import summary -----",
                    f"lines checked:    {lines}",
                    f"check rate:       {lines / seconds:.0f} lines/s ({seconds:.1f} s)",
                    f"database:         {connection.vendor}",
                    f"machine:          {platform.python_implementation()} {platform.python_version()}, "
                    f"{platform.machine()}, DEBUG={settings.DEBUG}",
                    "--------------------------------",
                ]
            )
        )
