"""Wagtail's ``publish_scheduled``, with due disclosure pages checked first (moderation/scheduling.py)."""

from __future__ import annotations

from wagtail.management.commands.publish_scheduled import Command as WagtailPublishScheduled

from ...moderation.scheduling import withdraw_unreviewed_schedules


class Command(WagtailPublishScheduled):
    help = "Publish scheduled pages whose content passed the confidentiality review; unpublish expired ones."

    def handle(self, *args, **options):
        if not options["dryrun"]:
            withdrawn = withdraw_unreviewed_schedules()
            for item in withdrawn:
                self.stderr.write(f"refused: page {item.page_id} revision {item.revision_id}: {item.reason}")
            if withdrawn:
                self.stderr.write(f"{len(withdrawn)} scheduled publication(s) refused (未经保密审查), see the audit log")
        return super().handle(*args, **options)
