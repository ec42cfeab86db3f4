"""Recording reviews: from the workflow task, and for legacy content brought in by import."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from ..page_text import organisation_name
from ..visibility import DisclosureMode
from . import confirmations
from .checklist import checklist_record
from .fingerprint import content_fingerprint
from .forms import ReviewApprovalForm, ReviewRejectionForm
from .four_eyes import check_review
from .guard import ModerationRefusal
from .models import CHECKLIST_KEYS, ConfidentialityReview, Outcome, Source
from .prescreen.page import findings_for


class ReviewIncomplete(ModerationRefusal):
    """The reviewer's submission is missing something the record requires."""

    log_action = "disclosure_pages.review_refused"


def record_review(
    page_revision,
    *,
    reviewer,
    outcome: str,
    decision: str = "",
    exemption_ground: str = "",
    checklist: list[str] | None = None,
    findings: list[dict] | None = None,
    findings_acknowledged: bool = False,
    comment: str = "",
    source: str = Source.WORKFLOW,
    task_state_id: int | None = None,
) -> ConfidentialityReview:
    """Create the immutable record of one review of ``page_revision``'s content."""
    page = page_revision.as_object()
    return ConfidentialityReview.objects.create(
        page_id=page.alias_of_id or page.pk,
        revision=page_revision,
        fingerprint=content_fingerprint(page),
        page_title=page.title[:255],
        organisation_name=organisation_name(page)[:100],
        outcome=outcome,
        decision=decision,
        exemption_ground=exemption_ground,
        checklist=checklist_record(checklist) if checklist is not None else [],
        findings=list(findings or []),
        findings_acknowledged=findings_acknowledged,
        comment=comment,
        reviewer=reviewer,
        reviewer_name=(reviewer.get_full_name() or reviewer.get_username()) if reviewer else str(_("系统")),
        source=source,
        task_state_id=task_state_id,
    )


def record_legacy_approval(revision, reviewer, *, source: str = Source.IMPORT, comment: str = "") -> ConfidentialityReview:
    """Approval for content that is already public elsewhere (imports of legacy catalogs)."""
    return record_review(
        revision,
        reviewer=reviewer,
        outcome=Outcome.APPROVED,
        decision=DisclosureMode.PROACTIVE,
        checklist=CHECKLIST_KEYS,
        findings=[f.as_dict() for f in findings_for(revision.as_object())],
        findings_acknowledged=True,
        comment=comment,
        source=source,
    )


@transaction.atomic
def record_workflow_review(task, task_state, user, action_name: str, data: dict):
    """Validate the reviewer's data again (the edit view passes it as raw JSON), record it, act."""
    revision = task_state.revision
    page = revision.as_object()
    check_review(page, user)  # who wrote it does not review it (four eyes), whatever the action
    if action_name == "approve":
        form = ReviewApprovalForm(data=data)
        if not form.is_valid():
            errors = "；".join(f"{e}" for errs in form.errors.values() for e in errs)
            raise ReviewIncomplete(_("保密审查记录不完整：%(errors)s") % {"errors": errors}, page=page)
        cleaned = form.cleaned_data
        findings = [f.as_dict() for f in findings_for(page)]
        if findings and not cleaned["acknowledge_findings"]:
            raise ReviewIncomplete(_("存在 %(count)d 条自动预审提示，请逐条核查并勾选确认。") % {"count": len(findings)}, page=page)
        record_review(
            revision,
            reviewer=user,
            outcome=Outcome.APPROVED,
            decision=cleaned["decision"],
            exemption_ground=cleaned["exemption_ground"],
            checklist=cleaned["checklist"],
            findings=findings,
            findings_acknowledged=bool(findings),
            comment=cleaned["comment"],
            task_state_id=task_state.pk,
        )
        if cleaned["decision"] == DisclosureMode.PROACTIVE:
            task_state.approve(user=user, comment=cleaned["comment"])
        else:
            # Recorded, but never published: the workflow ends here and the page stays a draft.
            task_state.workflow_state.cancel(user=user)
        confirmations.after_review(page, cleaned["decision"] == DisclosureMode.PROACTIVE)
        return None
    form = ReviewRejectionForm(data=data)
    if not form.is_valid():
        raise ReviewIncomplete(_("退回时必须填写意见。"), page=page)
    record_review(
        revision,
        reviewer=user,
        outcome=Outcome.REJECTED,
        comment=form.cleaned_data["comment"],
        findings=[f.as_dict() for f in findings_for(page)],
        task_state_id=task_state.pk,
    )
    task_state.reject(user=user, comment=form.cleaned_data["comment"])
    return None
