"""Four eyes (审核与发布分离) through the real admin views, the workflow and code.

Who wrote or edited a content since its last approval does not review it; who reviewed
it does not sign it off or publish it — superusers included — unless the logged
emergency override is on.
"""

from __future__ import annotations

import logging

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import PageLogEntry, TaskState, Workflow

from disclosure_pages.moderation import roles
from disclosure_pages.moderation.four_eyes import OVERRIDE_ACTION, SelfReview, SelfSignOff
from disclosure_pages.moderation.models import ConfidentialityReview
from disclosure_pages.moderation.review import record_workflow_review
from disclosure_pages.moderation.tasks import SignOffTask
from disclosure_pages.visibility import DisclosureMode
from tests import factories
from tests.people import client_for, person
from tests.publication_helpers import is_live

from .helpers import action_url, approval_data, current_task_state, edit_form, submit

pytestmark = pytest.mark.django_db

AJAX = {"x-requested-with": "XMLHttpRequest"}


@pytest.fixture
def editor(django_user_model):
    return person(django_user_model, "editor", roles.EDITORS)


@pytest.fixture
def reviewer(django_user_model):
    return person(django_user_model, "reviewer", roles.REVIEWERS)


@pytest.fixture
def approver(django_user_model):
    return person(django_user_model, "approver", roles.APPROVERS)


@pytest.fixture
def boss(django_user_model):
    """A superuser who also holds both roles: the rules bind them too."""
    return person(django_user_model, "boss", roles.REVIEWERS, roles.APPROVERS, superuser=True)


@pytest.fixture
def draft(catalog, editor):
    return factories.entry(catalog, publish=False, user=editor, owner=editor, title="关于调整公交线路的通知")


def messages_after(client) -> str:
    return " ".join(str(m) for m in client.get(reverse("wagtailadmin_home")).context["messages"])


def reviewed_by(client, page, reviewer) -> TaskState:
    """Submit as the editor, approve the review as ``reviewer``; returns the sign-off task state."""
    response = client_for(type(client), reviewer).post(
        action_url(page, "approve", current_task_state(page)), approval_data()
    )
    assert response.status_code == 302
    sign_off = current_task_state(page)
    assert sign_off.task.name == roles.SIGN_OFF_TASK_NAME
    return sign_off


# --------------------------------------------------------------------------- the default workflow


def test_the_sign_off_step_is_a_sign_off_task():
    workflow = Workflow.objects.get(name=roles.WORKFLOW_NAME)
    tasks = [wt.task.specific for wt in workflow.workflow_tasks.order_by("sort_order")]
    assert [t.name for t in tasks] == [roles.REVIEW_TASK_NAME, roles.SIGN_OFF_TASK_NAME]
    assert isinstance(tasks[1], SignOffTask)
    assert list(tasks[1].groups.values_list("name", flat=True)) == [roles.APPROVERS]


# --------------------------------------------------------------------------- authors do not review


def test_an_author_is_not_offered_the_review_and_is_refused_when_posting(client, draft, boss):
    """A superuser reviewer who edited the content: no review buttons, a direct POST is refused."""
    boss_client = client_for(type(client), boss)
    submit(boss_client, draft, title="关于调整公交线路的通知（修改）")
    task_state = current_task_state(draft)
    edit_page = boss_client.get(reverse("wagtailadmin_pages:edit", args=(draft.pk,))).content.decode()
    assert action_url(draft, "approve", task_state) not in edit_page
    assert boss_client.get(action_url(draft, "approve", task_state), headers=AJAX).status_code in (302, 403)

    response = boss_client.post(action_url(draft, "approve", task_state), approval_data())
    assert response.status_code in (302, 403)
    # Through the edit view's workflow action too.
    boss_client.post(
        reverse("wagtailadmin_pages:edit", args=(draft.pk,)),
        edit_form(draft, **{"action-workflow-action": "1", "workflow-action-name": "approve"}),
    )
    assert not ConfidentialityReview.objects.filter(page_id=draft.pk).exists()
    assert current_task_state(draft).pk == task_state.pk


def test_the_owner_of_a_never_approved_page_does_not_review_it(client, draft, editor, django_user_model):
    """The editor is made a reviewer later (by a superuser): their own entry is still not theirs to review."""
    editor.groups.add(Group.objects.get(name=roles.REVIEWERS))
    Workflow.objects.get(name=roles.WORKFLOW_NAME).start(draft, editor)
    task_state = current_task_state(draft)
    assert task_state.task.specific.get_actions(draft, editor) == []
    with pytest.raises(SelfReview):
        record_workflow_review(task_state.task.specific, task_state, editor, "approve", approval_data())


def test_the_rule_is_since_the_last_approval(client, catalog, editor, reviewer, approver):
    """Someone who edited before an approval by another may review later edits by others."""
    page = factories.entry(catalog, publish=False, user=reviewer, owner=reviewer)
    factories.approve(page.get_latest_revision())
    submit(client_for(type(client), editor), page, title="新标题的通知")
    reviewed_by(client, page, reviewer)


# --------------------------------------------------------------------------- reviewers do not sign off


def test_the_reviewer_is_not_offered_the_sign_off_and_is_refused(client, draft, editor, boss, approver):
    submit(client_for(type(client), editor), draft)
    sign_off = reviewed_by(client, draft, boss)
    boss_client = client_for(type(client), boss)
    assert sign_off.task.specific.get_actions(draft, boss) == []
    assert sign_off.task.specific.get_actions(draft, approver)
    assert boss_client.get(action_url(draft, "approve", sign_off), headers=AJAX).status_code in (302, 403)
    boss_client.post(action_url(draft, "approve", sign_off))
    assert not is_live(draft)
    # The Publish button in the editor, and bulk publish, are a sign-off too.
    response = boss_client.post(reverse("wagtailadmin_pages:edit", args=(draft.pk,)), edit_form(draft, **{"action-publish": "1"}))
    assert response.status_code == 302
    assert "审核与发布分离" in messages_after(boss_client)
    boss_client.post(
        reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish")) + f"?id={draft.pk}", {}
    )
    assert not is_live(draft)
    assert PageLogEntry.objects.filter(page_id=draft.pk, action="disclosure_pages.four_eyes_refused").exists()
    # Another person signs off: live.
    client_for(type(client), approver).post(action_url(draft, "approve", sign_off))
    assert is_live(draft)


def test_code_paths_with_a_user_obey_and_code_without_a_user_is_not_refused(catalog, reviewer, approver):
    page = factories.entry(catalog, publish=False)
    factories.approve(page.get_latest_revision(), reviewer)
    with pytest.raises(SelfSignOff):
        page.get_latest_revision().publish(user=reviewer, skip_permission_checks=True)
    assert not is_live(page)
    page.get_latest_revision().publish()  # a command, publish_scheduled: not a person acting
    assert is_live(page)


def test_task_state_approval_from_code_by_the_reviewer_is_refused(draft, reviewer, editor):
    workflow_state = Workflow.objects.get(name=roles.WORKFLOW_NAME).start(draft, editor)
    review_state = workflow_state.current_task_state.specific
    record_workflow_review(review_state.task.specific, review_state, reviewer, "approve", approval_data())
    workflow_state.refresh_from_db()
    with pytest.raises(SelfSignOff):
        workflow_state.current_task_state.specific.approve(user=reviewer)
    assert not is_live(draft)


def test_a_workflow_without_a_sign_off_step_cannot_let_the_reviewer_publish(client, draft, editor, reviewer):
    from wagtail.models import WorkflowTask

    WorkflowTask.objects.filter(workflow__name=roles.WORKFLOW_NAME, task__name=roles.SIGN_OFF_TASK_NAME).delete()
    submit(client_for(type(client), editor), draft)
    reviewer_client = client_for(type(client), reviewer)
    reviewer_client.post(action_url(draft, "approve", current_task_state(draft)), approval_data())
    assert not is_live(draft)
    assert not ConfidentialityReview.objects.filter(page_id=draft.pk).exists()  # rolled back
    assert "须由另一人签发" in messages_after(reviewer_client)


# --------------------------------------------------------------------------- the emergency override


def test_override_lets_one_person_through_and_logs_every_use(client, draft, boss, settings, caplog):
    settings.DISCLOSURE_ALLOW_SINGLE_PERSON_EMERGENCY = True
    boss_client = client_for(type(client), boss)
    assert "紧急" in boss_client.get(reverse("wagtailadmin_home")).content.decode()  # the banner
    submit(boss_client, draft)
    with caplog.at_level(logging.WARNING, logger="disclosure_pages.moderation"):
        sign_off = reviewed_by(client, draft, boss)
        boss_client.post(action_url(draft, "approve", sign_off))
    assert is_live(draft)
    rules = [e.data["rule"] for e in PageLogEntry.objects.filter(page_id=draft.pk, action=OVERRIDE_ACTION)]
    assert sorted(rules) == ["self_review", "self_sign_off"]
    assert sum("override" in r.message for r in caplog.records) == 2


def test_no_banner_without_the_override(client, boss):
    assert "紧急" not in client_for(type(client), boss).get(reverse("wagtailadmin_home")).content.decode()


# --------------------------------------------------------------------------- what they are told


def test_the_reviewer_and_the_approver_are_told_what_happened(client, draft, editor, reviewer, approver):
    submit(client_for(type(client), editor), draft)
    reviewer_client = client_for(type(client), reviewer)
    reviewer_client.post(action_url(draft, "approve", current_task_state(draft)), approval_data())
    sign_off = current_task_state(draft)
    assert f"“{draft.title}”已通过保密审查，已转交审核签发。" in messages_after(reviewer_client)
    approver_client = client_for(type(client), approver)
    approver_client.post(action_url(draft, "approve", sign_off))
    assert is_live(draft)
    number = type(draft).objects.get(pk=draft.pk).index_number
    assert number and f"“{draft.title}”已签发并发布，索引号：{number}。" in messages_after(approver_client)


def test_a_review_that_withholds_says_nothing_will_be_published(client, draft, editor, reviewer):
    submit(client_for(type(client), editor), draft)
    reviewer_client = client_for(type(client), reviewer)
    reviewer_client.post(
        action_url(draft, "approve", current_task_state(draft)),
        approval_data(decision=DisclosureMode.WITHHELD, exemption_ground="process_information", checklist=[]),
    )
    assert "不予发布，审核流程已结束" in messages_after(reviewer_client)
