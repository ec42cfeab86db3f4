"""What changed since the last approved review, so a reviewer re-reads only what is new.

The comparison works on the same plain texts the pre-screen reads (``content_texts``, from
the one walker of a page's text): the title, every text field, rich text without tags and
StreamField blocks as text, plus the publishing organ. Differences are computed with :mod:`difflib` line by line, then
character by character inside changed lines (Chinese has no spaces to split words on),
and rendered with every piece of page content HTML-escaped.
"""

from __future__ import annotations

import dataclasses
import difflib
import logging

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from wagtail.models import Revision

from ..page_text import organisation_name
from .fingerprint import content_texts
from .models import ConfidentialityReview, Outcome

logger = logging.getLogger("disclosure_pages.moderation")

# Above this many characters in one changed block, show whole lines instead of characters
# (SequenceMatcher is quadratic; a reviewer does not need a character diff of a whole law).
CHARACTER_DIFF_LIMIT = 4000


@dataclasses.dataclass(frozen=True)
class FieldDiff:
    """One changed field: its label and the marked-up difference."""

    label: str
    html: SafeString


@dataclasses.dataclass(frozen=True)
class ReviewDiff:
    """The comparison shown in the review modal."""

    first_review: bool
    base_review: object | None = None  # the ConfidentialityReview compared against
    fields: tuple[FieldDiff, ...] = ()
    unavailable: bool = False  # the approved revision was purged

    @property
    def unchanged(self) -> bool:
        return not self.first_review and not self.unavailable and not self.fields


def field_texts(page) -> dict[str, str]:
    """Label → plain text for everything a citizen would read on ``page``."""
    texts: dict[str, str] = {}
    for label, text in content_texts(page):
        texts[label] = f"{texts[label]}\n{text}" if label in texts else text
    organ = organisation_name(page)
    if organ:
        texts[str(_("发布机构"))] = organ
    return texts


def _mark(tag: str, text: str) -> str:
    return f"<{tag}>{escape(text)}</{tag}>" if text else ""


def _character_diff(old: str, new: str) -> str:
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    parts: list[str] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(escape(old[i1:i2]))
        else:
            parts.append(_mark("del", old[i1:i2]))
            parts.append(_mark("ins", new[j1:j2]))
    return "".join(parts)


def diff_text(old: str, new: str) -> SafeString:
    """``old`` → ``new`` as escaped HTML with ``<del>``/``<ins>``; unchanged lines kept for context."""
    old_lines, new_lines = old.splitlines(), new.splitlines()
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    lines: list[str] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        removed, added = "\n".join(old_lines[i1:i2]), "\n".join(new_lines[j1:j2])
        if op == "equal":
            lines.append(escape(removed))
        elif op == "replace" and len(removed) + len(added) <= CHARACTER_DIFF_LIMIT:
            lines.append(_character_diff(removed, added))
        else:
            lines.append(_mark("del", removed) + _mark("ins", added))
    return mark_safe("\n".join(line for line in lines if line))  # noqa: S308 - every piece escaped above


def diff_pages(old_page, new_page) -> tuple[FieldDiff, ...]:
    """The fields whose text differs between two versions of a page, in the new page's order."""
    old, new = field_texts(old_page), field_texts(new_page)
    labels = list(new) + [label for label in old if label not in new]
    return tuple(
        FieldDiff(label, diff_text(old.get(label, ""), new.get(label, "")))
        for label in labels
        if old.get(label, "") != new.get(label, "")
    )


def last_approval(page_id: int):
    """The most recent approved review of the page (any decision), or None."""
    return (
        ConfidentialityReview.objects.filter(page_id=page_id, outcome=Outcome.APPROVED)
        .order_by("-created_at", "-pk")
        .first()
    )


def diff_against_last_approval(revision) -> ReviewDiff:
    """Compare the content of ``revision`` with the revision last approved for the same page."""
    page = revision.as_object()
    approval = last_approval(page.alias_of_id or page.pk)
    if approval is None:
        return ReviewDiff(first_review=True)
    approved_revision = Revision.objects.filter(pk=approval.revision_id).first() if approval.revision_id else None
    if approved_revision is None:
        return ReviewDiff(first_review=False, base_review=approval, unavailable=True)
    try:
        approved_page = approved_revision.as_object()
    except Exception:  # a revision of a page type that no longer loads must not break the review
        logger.exception("Could not load revision %s for the review diff", approved_revision.pk)
        return ReviewDiff(first_review=False, base_review=approval, unavailable=True)
    return ReviewDiff(first_review=False, base_review=approval, fields=diff_pages(approved_page, page))
