"""Running ``import_disclosure`` in a test, and what to compare before and after."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Page, Revision

from disclosure_pages.models import CatalogEntryPage, ConfidentialityReview, IndexNumberSequence


def run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_disclosure", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def run_error(*args: str) -> str:
    with pytest.raises(CommandError) as info:
        run(*args)
    return str(info.value)


def refused(path: Path) -> str:
    """The command's error for ``path``, after checking that not a single page was written."""
    before = snapshot()
    message = run_error(str(path))
    assert snapshot() == before
    assert "nothing was imported" in message
    return message


def entries() -> list[CatalogEntryPage]:
    return list(CatalogEntryPage.objects.order_by("pk"))


def snapshot() -> tuple[int, int, int, int]:
    return (
        Page.objects.count(),
        Revision.objects.count(),
        IndexNumberSequence.objects.count(),
        ConfidentialityReview.objects.count(),
    )
