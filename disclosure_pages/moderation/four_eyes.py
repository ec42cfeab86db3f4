"""Four eyes (审核与发布分离): who wrote a content never reviews it; who reviewed it never signs it off.

A person who wrote or edited a content since its last approval (or its owner, if it was
never approved) cannot act on its confidentiality review, and the reviewer of the
approval that lets a content go live cannot sign it off or publish it. Superusers too.
The workflow tasks do not offer the action (``may_review`` / ``may_sign_off``) and the
model layer refuses it wherever it happens (``check_review`` / ``check_sign_off``): in
the review task, in any approval that completes a workflow, and in every publication
by a known person (the request's user, or the ``user`` given to ``publish``). Code with
no person acting (commands, ``publish_scheduled``, imports) is not refused.

``DISCLOSURE_ALLOW_SINGLE_PERSON_EMERGENCY`` lets one person through in an emergency;
each use is written to the audit log and to the warning log.
"""

from __future__ import annotations

import logging

from django.apps import apps
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import PageLogEntry, TaskState, WorkflowTask

from ..conf import get_setting
from ..pagebase import BasePage
from .actor import current_actor
from .authorship import author_ids, authored_page_ids, review_page_id
from .guard import BOOKKEEPING_FIELDS, ModerationRefusal, approval_for, content_going_live, is_disclosure_page

logger = logging.getLogger("disclosure_pages.moderation")

OVERRIDE_SETTING = "DISCLOSURE_ALLOW_SINGLE_PERSON_EMERGENCY"
OVERRIDE_ACTION = "disclosure_pages.four_eyes_override"
REFUSED_ACTION = "disclosure_pages.four_eyes_refused"


class FourEyesRefusal(ModerationRefusal):
    """One person would both write and review, or review and sign off, the same content."""

    log_action = REFUSED_ACTION


class SelfReview(FourEyesRefusal):
    pass


class SelfSignOff(FourEyesRefusal):
    pass


def override_enabled() -> bool:
    return bool(get_setting(OVERRIDE_SETTING))


def cached_check(user, key: tuple, check) -> bool:
    """Per-request cache on the user object (like Wagtail's group checks): menus ask often."""
    cache = user.__dict__.setdefault("_disclosure_four_eyes_checks", {})
    if key not in cache:
        cache[key] = check()
    return cache[key]


def prime_review_checks(user, task, pages: list) -> None:
    """Answer ``task.get_actions`` for many pages at once (the dashboard queue): no query per page."""
    authored = authored_page_ids(pages, user)
    override = override_enabled()
    for page in pages:
        key = ("review", task.pk, page.pk, page.latest_revision_id)
        cached_check(user, key, lambda page=page: override or page.pk not in authored)


def reviewer_id_of(content) -> int | None:
    """The reviewer of the approval that lets ``content`` (a specific page) go live."""
    approval = approval_for(content)
    return approval.reviewer_id if approval is not None else None


def may_review(page, user) -> bool:
    """For the UI: whether to offer ``user`` the review actions on ``page``."""
    return override_enabled() or user.pk not in author_ids(page)


def may_sign_off(content, user) -> bool:
    """For the UI: whether to offer ``user`` the sign-off of ``content``."""
    return override_enabled() or reviewer_id_of(content) != user.pk


def _display(user) -> str:
    return user.get_full_name() or user.get_username()


def log_override(page, user, rule: str, reason: str, subject: int | None) -> None:
    """Every use of the emergency override goes to the audit log and the warning log.

    One act is checked at several places (the task action, its task state, the publication);
    ``subject`` (the approval signed off, the revision reviewed) makes it one entry.
    """
    page_id = review_page_id(page)
    if PageLogEntry.objects.filter(
        page_id=page_id, action=OVERRIDE_ACTION, user_id=user.pk, data__rule=rule, data__subject=subject
    ).exists():
        return
    logger.warning("Four-eyes override used by %s on page %s: %s", user.get_username(), page_id, reason)
    log(instance=page, action=OVERRIDE_ACTION, user=user, data={"rule": rule, "reason": reason, "subject": subject})


def check_review(page, user, *, exclude_task_state: int | None = None) -> None:
    """Raise SelfReview if ``user`` wrote or edited ``page`` since its last approval."""
    if user is None or user.pk not in author_ids(page, exclude_task_state=exclude_task_state):
        return
    reason = _("“%(title)s”的保密审查不能由撰写或修改过该内容的人（%(user)s）进行（审核与发布分离）。") % {
        "title": page.title,
        "user": _display(user),
    }
    if override_enabled():
        log_override(page, user, "self_review", reason, page.latest_revision_id)
        return
    logger.warning("Refused self-review of page %s by %s", page.pk, user.get_username())
    raise SelfReview(reason, page=page)


def check_sign_off(content, user, approval=None) -> None:
    """Raise SelfSignOff if ``user`` reviewed the approval that lets ``content`` go live.

    ``approval``: that approval when the caller already has it (the guard found it).
    """
    if user is None:
        return
    approval = approval if approval is not None else approval_for(content)
    if approval is None or approval.reviewer_id != user.pk:
        return
    reason = _("“%(title)s”的签发发布不能由其保密审查人（%(user)s）进行，须由另一人签发（审核与发布分离）。") % {
        "title": content.title,
        "user": _display(user),
    }
    if override_enabled():
        log_override(content, user, "self_sign_off", reason, approval.pk)
        return
    logger.warning("Refused self-sign-off of page %s by %s", content.pk, user.get_username())
    raise SelfSignOff(reason, page=content)


def _is_publication(page) -> bool:
    """Whether saving ``page`` (live) publishes: it was not live, or another revision goes live."""
    row = BasePage.objects.filter(pk=page.pk).values("live", "live_revision_id").first()
    return row is None or not row["live"] or row["live_revision_id"] != page.live_revision_id


@receiver(pre_save, dispatch_uid="disclosure_pages_four_eyes_publication")
def refuse_self_publication(sender, instance, raw: bool = False, update_fields=None, **kwargs) -> None:
    """A known person publishing content (Publish button, bulk publish, code with a user) is a sign-off."""
    if raw or not isinstance(instance, BasePage) or not instance.live:
        return
    if update_fields is not None and set(update_fields) <= BOOKKEEPING_FIELDS:
        return
    actor = current_actor()
    if actor is None or not is_disclosure_page(instance) or not _is_publication(instance):
        return
    # A guarded save has just found the approval: no second fingerprint of the content.
    check_sign_off(content_going_live(instance), actor, instance.__dict__.get("_disclosure_approval"))


def _completes_workflow(task_state: TaskState) -> bool:
    workflow_id = task_state.workflow_state.workflow_id
    order = (
        WorkflowTask.objects.filter(workflow_id=workflow_id, task_id=task_state.task_id)
        .values_list("sort_order", flat=True)
        .first()
    )
    if order is None:
        return True
    return not WorkflowTask.objects.filter(workflow_id=workflow_id, sort_order__gt=order, task__active=True).exists()


@receiver(pre_save, sender=TaskState, dispatch_uid="disclosure_pages_four_eyes_task_approval")
def refuse_self_sign_off(sender, instance: TaskState, raw: bool = False, **kwargs) -> None:
    """The 审核签发 step, or whichever approval completes (publishes) a workflow, is not the reviewer's.

    Checked on the task state itself, so ``task_state.approve(user=…)`` from code obeys it too.
    """
    SignOffTask = apps.get_model("disclosure_pages", "SignOffTask")
    if raw or instance.status != TaskState.STATUS_APPROVED or instance.finished_by_id is None or not instance.revision_id:
        return
    if instance.pk is not None and TaskState.objects.filter(pk=instance.pk, status=TaskState.STATUS_APPROVED).exists():
        return  # already approved: not an approval now
    task_class = instance.task.specific_class
    if not (task_class is not None and issubclass(task_class, SignOffTask)) and not _completes_workflow(instance):
        return
    page = instance.workflow_state.content_object
    if page is None or not isinstance(page, BasePage) or not is_disclosure_page(page):
        return
    check_sign_off(instance.revision.as_object(), instance.finished_by)
