"""Each confidentiality review also appears in the page's history (Wagtail's audit log).

The review record itself is the authority; the log entry makes it visible where editors
already look (页面历史), with the decision and the reviewer in the message. It is written
in the same transaction as the record, so a refused request leaves neither behind.
"""

from __future__ import annotations

import logging

from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import LogFormatter, log

from ..pagebase import BasePage
from ..visibility import DisclosureMode
from .checklist import checklist_items, review_checklist, unchecked_labels
from .exemptions import exemption_choices
from .models import ConfidentialityReview, Outcome

logger = logging.getLogger("disclosure_pages.moderation")

APPROVED_ACTION = "disclosure_pages.review_approved"
REJECTED_ACTION = "disclosure_pages.review_rejected"


def log_data(review: ConfidentialityReview) -> dict:
    """What the history keeps of a review: enough to read it, not the findings themselves."""
    return {
        "decision": review.decision,
        "exemption_ground": review.exemption_ground,
        "comment": review.comment,
        "reviewer": review.reviewer_name,
        "fingerprint": review.fingerprint[:12],
        "checklist": [{"item": item.key, "checked": item.checked} for item in review_checklist(review)],
    }


class _ReviewFormatter(LogFormatter):
    def format_comment(self, log_entry) -> str:
        return (log_entry.data or {}).get("comment", "")

    def unchecked(self, data: dict) -> str:
        """``；未核对：…`` for the items left unchecked (entries logged before items were kept: nothing)."""
        labels = unchecked_labels(checklist_items(data.get("checklist"), approved=False))
        return _("；未核对：%(items)s") % {"items": "、".join(labels)} if labels else ""


class ReviewApprovedFormatter(_ReviewFormatter):
    label = gettext_lazy("保密审查通过")

    def format_message(self, log_entry) -> str:
        data = log_entry.data or {}
        decision = dict(DisclosureMode.choices).get(data.get("decision", ""), data.get("decision", ""))
        message = _("保密审查通过：%(decision)s（审查人：%(reviewer)s）") % {
            "decision": decision,
            "reviewer": data.get("reviewer", ""),
        }
        if data.get("exemption_ground"):
            ground = dict(exemption_choices()).get(data["exemption_ground"], data["exemption_ground"])
            message += _("，依据：%(ground)s") % {"ground": ground}
        return message + self.unchecked(data)


class ReviewRejectedFormatter(_ReviewFormatter):
    label = gettext_lazy("保密审查退回修改")

    def format_message(self, log_entry) -> str:
        data = log_entry.data or {}
        message = _("保密审查退回修改（审查人：%(reviewer)s）") % {"reviewer": data.get("reviewer", "")}
        return message + self.unchecked(data)


def register_log_actions(actions) -> None:
    """Called from the ``register_log_actions`` hook."""
    actions.register_action(APPROVED_ACTION)(ReviewApprovedFormatter)
    actions.register_action(REJECTED_ACTION)(ReviewRejectedFormatter)


@receiver(post_save, sender=ConfidentialityReview, dispatch_uid="disclosure_pages_review_history")
def log_review(sender, instance: ConfidentialityReview, created: bool, raw: bool = False, **kwargs) -> None:
    if not created or raw:
        return
    page = BasePage.objects.filter(pk=instance.page_id).first()
    if page is None:
        return
    action = APPROVED_ACTION if instance.outcome == Outcome.APPROVED else REJECTED_ACTION
    revision = instance.revision if instance.revision_id else None
    log(
        instance=page.specific_deferred,
        action=action,
        user=instance.reviewer if instance.reviewer_id else None,
        revision=revision,
        data=log_data(instance),
    )
