"""Wagtail's ``publish_scheduled``, with due disclosure pages checked first.

The command runs with no user, from cron. A revision that was approved for a schedule
and has since lost its confidentiality approval (a newer review refused that content)
is taken off the schedule, reported and written to the audit log, instead of being
published — or of stopping every other scheduled publication with an error.
"""

from __future__ import annotations

from django.utils import timezone
from wagtail.management.commands.publish_scheduled import Command as WagtailPublishScheduled
from wagtail.models import Revision

from ...moderation.guard import UnreviewedPublication, is_disclosure_page, log_refusal, refusal_reason


class Command(WagtailPublishScheduled):
    help = "Publish scheduled pages whose content passed the confidentiality review; unpublish expired ones."

    def handle(self, *args, **options):
        if not options["dryrun"]:
            withdrawn = self.withdraw_unreviewed()
            if withdrawn:
                self.stderr.write(f"{withdrawn} scheduled publication(s) refused (未经保密审查), see the audit log")
        return super().handle(*args, **options)

    def withdraw_unreviewed(self) -> int:
        withdrawn = 0
        due = Revision.objects.filter(approved_go_live_at__lt=timezone.now()).order_by("approved_go_live_at")
        for revision in due:
            page = revision.content_object
            if page is None or not is_disclosure_page(page):
                continue
            target = revision.as_object()
            reason = refusal_reason(target)
            if reason is None:
                continue
            # Clearing a schedule is never refused (the guard only checks setting one).
            Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=None)
            log_refusal(UnreviewedPublication(reason, page=target))
            self.stderr.write(f"refused: page {page.pk} revision {revision.pk}: {reason}")
            withdrawn += 1
        return withdrawn
