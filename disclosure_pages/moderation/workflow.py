"""Keeping every disclosure page under a workflow that contains the 保密审查 step."""

from __future__ import annotations

from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from wagtail.models import Workflow, WorkflowPage, WorkflowState

from .guard import ModerationRefusal, is_disclosure_page
from .roles import WORKFLOW_NAME
from .tasks import ConfidentialityReviewTask


class WorkflowWithoutReview(ModerationRefusal):
    log_action = "disclosure_pages.workflow_refused"


def has_review_step(workflow: Workflow) -> bool:
    return ConfidentialityReviewTask.objects.filter(
        active=True, workflow_tasks__workflow=workflow
    ).exists()


def default_workflow() -> Workflow | None:
    return Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()


# A lazy sender: moderation knows the portal page type by name only.
@receiver(post_save, sender="disclosure_pages.DisclosurePortalPage", dispatch_uid="disclosure_pages_portal_workflow")
def assign_default_workflow(sender, instance, created: bool, raw: bool = False, **kwargs) -> None:
    """A new portal starts under 信息公开发布审核 (webmasters may add steps to it)."""
    if created and not raw and not WorkflowPage.objects.filter(page=instance).exists():
        workflow = default_workflow()
        if workflow is not None:
            WorkflowPage.objects.create(page=instance, workflow=workflow)


@receiver(pre_save, sender=WorkflowState, dispatch_uid="disclosure_pages_workflow_needs_review")
def refuse_workflow_without_review(sender, instance: WorkflowState, **kwargs) -> None:
    """A disclosure page cannot enter a workflow that lacks the confidentiality review."""
    if instance.pk is not None or instance.status != WorkflowState.STATUS_IN_PROGRESS:
        return
    page = instance.content_object
    if page is None or not is_disclosure_page(page):
        return
    if not has_review_step(instance.workflow):
        raise WorkflowWithoutReview(
            _("审核流程“%(workflow)s”缺少保密审查步骤，信息公开页面不能使用。请网站管理员在流程中加入“保密审查”。")
            % {"workflow": instance.workflow.name},
            page=page,
        )


@receiver(pre_save, sender=WorkflowPage, dispatch_uid="disclosure_pages_assignment_needs_review")
def refuse_assignment_without_review(sender, instance: WorkflowPage, raw: bool = False, **kwargs) -> None:
    """A webmaster may add steps, but a disclosure page's workflow must keep 保密审查."""
    if raw or not is_disclosure_page(instance.page):
        return
    if not has_review_step(instance.workflow):
        raise WorkflowWithoutReview(
            _("审核流程“%(workflow)s”缺少保密审查步骤，不能用于信息公开页面。")
            % {"workflow": instance.workflow.name},
            page=instance.page,
        )
