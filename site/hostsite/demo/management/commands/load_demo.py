"""``manage.py load_demo``: build the demo disclosure portal (safe to run again)."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand
from django.test.utils import override_settings

from hostsite.demo.builder import DemoBuilder


class Command(BaseCommand):
    help = (
        "Build the demo 政府信息公开 portal under the default site: organisations, terms, guide, rules, "
        "catalog, interpretations, topics and annual reports. Creates only what is missing."
    )

    def handle(self, *args, **options) -> None:
        started = time.monotonic()
        verbosity = options["verbosity"]
        builder = DemoBuilder(log=self.stdout.write if verbosity else (lambda _line: None), verbosity=verbosity)
        # The demo's applicants are invented: receipts, notices and replies mail nobody.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            created = builder.build()
        if not verbosity:
            return
        if created:
            made = "，".join(f"{label} {count}" for label, count in sorted(created.items()))
            self.stdout.write(self.style.SUCCESS(f"新建：{made}"))
        else:
            self.stdout.write(self.style.SUCCESS("演示数据已完整，无需改动。"))
        self.stdout.write("门户中已发布的页面：")
        for label, count in builder.summary():
            self.stdout.write(f"  {label}：{count}")
        self.stdout.write(f"用时 {time.monotonic() - started:.1f} 秒")
