"""What the reviewer sees above the form in the review action modal: warnings first, then what changed."""

from __future__ import annotations

import dataclasses

from .diff import ReviewDiff, diff_against_last_approval
from .prescreen.page import PageFinding, findings_for


@dataclasses.dataclass(frozen=True)
class ReviewContext:
    findings: list[PageFinding]
    diff: ReviewDiff

    @property
    def must_acknowledge(self) -> bool:
        return bool(self.findings)


def review_context(task_state, form=None) -> ReviewContext | None:
    """Pre-screen findings and the diff for the revision under review in ``task_state``.

    Computed from the revision (not the page row): the reviewer decides on exactly that
    content, which is also what ``record_workflow_review`` fingerprints. When there are
    findings the acknowledgement box of ``form`` becomes required in the browser too, so
    the reviewer is stopped before the request rather than after it.
    """
    revision = getattr(task_state, "revision", None)
    if revision is None:
        return None
    page = revision.as_object()
    context = ReviewContext(findings=findings_for(page), diff=diff_against_last_approval(revision))
    if form is not None and context.must_acknowledge and "acknowledge_findings" in form.fields:
        form.fields["acknowledge_findings"].widget.attrs["required"] = True
    return context
