"""The workflow tasks of the confidentiality review: 保密审查 and 审核签发.

They plug the review records, forms and four-eyes rules into Wagtail's workflows;
nothing below them imports them back.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask

from . import confirmations
from .forms import ReviewApprovalForm, ReviewRejectionForm
from .four_eyes import cached_check, check_sign_off, may_review, may_sign_off
from .review import record_workflow_review


class ConfidentialityReviewTask(AbstractGroupApprovalTask):
    """保密审查: members of the chosen groups approve or reject with a structured record."""

    class Meta:
        verbose_name = _("保密审查")
        verbose_name_plural = _("保密审查")

    @classmethod
    def get_description(cls):
        return _("所选用户组的保密审查员逐项核对后作出公开属性决定；审查通过的内容才能发布。")

    def locked_for_user(self, obj, user):
        """Nobody edits content while it is being reviewed: an edit would need a new review."""
        return True

    def get_actions(self, obj, user):
        if not (user.is_superuser or self._user_in_groups(user)):
            return []
        if not cached_check(user, ("review", self.pk, obj.pk, obj.latest_revision_id), lambda: may_review(obj, user)):
            return []  # an author does not review their own content (four eyes)
        return [("reject", _("退回修改"), True), ("approve", _("审查通过"), True)]

    def get_form_for_action(self, action):
        return ReviewApprovalForm if action == "approve" else ReviewRejectionForm

    def get_template_for_action(self, action):
        return "disclosure_pages/moderation/review_action_modal.html"

    def on_action(self, task_state, user, action_name, **kwargs):
        return record_workflow_review(self, task_state, user, action_name, kwargs)


class SignOffTask(AbstractGroupApprovalTask):
    """审核签发: members of the chosen groups sign off (publish) reviewed content, never their own review."""

    class Meta:
        verbose_name = _("审核签发")
        verbose_name_plural = _("审核签发")

    @classmethod
    def get_description(cls):
        return _("所选用户组的审核签发人签发已通过保密审查的内容，签发即发布；保密审查人不能签发自己审查的内容。")

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if not actions:
            return []
        state = obj.current_workflow_task_state
        revision = state.revision if state is not None and state.revision_id else obj.get_latest_revision()
        if revision is None:
            return actions
        key = ("sign_off", self.pk, obj.pk, revision.pk)
        if not cached_check(user, key, lambda: may_sign_off(revision.as_object(), user)):
            return []  # the reviewer does not sign off what they reviewed (four eyes)
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            page = task_state.revision.as_object()
            check_sign_off(page, user)
            result = super().on_action(task_state, user, action_name, **kwargs)
            confirmations.after_sign_off(page, task_state.revision_id)
            return result
        return super().on_action(task_state, user, action_name, **kwargs)
