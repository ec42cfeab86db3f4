"""Shared checks for the publication-path tests: what is live in the database, and the audit log."""

from __future__ import annotations

from wagtail.models import Page, PageLogEntry

REFUSED = "disclosure_pages.publish_refused"


def is_live(page) -> bool:
    return Page.objects.filter(pk=page.pk, live=True).exists()


def live_title(page) -> str:
    return Page.objects.get(pk=page.pk).title


def refusals_logged(page) -> int:
    return PageLogEntry.objects.filter(page_id=page.pk, action=REFUSED).count()
