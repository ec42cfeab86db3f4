"""``manage.py erase_applicant_data [--dry-run]``: remove applicants' personal data after the
retention period (``DISCLOSURE_APPLICATION_RETENTION_DAYS``); run it daily from cron."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandParser

from ...retention import due_for_erasure, erase


class Command(BaseCommand):
    help = "Erase the personal data of applications closed longer ago than the retention period."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Count, change nothing.")

    def handle(self, *args, dry_run: bool, **options) -> None:
        applications = due_for_erasure()
        if dry_run:
            self.stdout.write(f"{applications.count()} applications would be erased.")
            return
        self.stdout.write(f"Erased the personal data of {erase(applications)} applications.")
