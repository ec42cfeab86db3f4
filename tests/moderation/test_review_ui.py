"""The reviewer's experience of 保密审查 through the real admin views and the real workflow.

Editors submit through the page edit view (``action-submit``); reviewers act through
Wagtail's workflow action view, posting the fields of ReviewApprovalForm and
ReviewRejectionForm, exactly as the modal does.
"""

from __future__ import annotations

import html
import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageLogEntry, TaskState, Workflow, WorkflowState

from disclosure_pages.moderation import roles
from disclosure_pages.moderation.diff import diff_text
from disclosure_pages.moderation.models import CHECKLIST_KEYS, ConfidentialityReview, Outcome
from disclosure_pages.moderation.panels import ReviewQueuePanel, review_queue
from disclosure_pages.visibility import DisclosureMode
from tests import factories
from tests.people import client_for

from .helpers import CLEAN_BODY, action_url, approval_data, current_task_state, submit

pytestmark = pytest.mark.django_db

ID_NUMBER = "11010519491231002X"
ID_MASKED = "1101**********002X"
ID_BODY = f"<p>联系人身份证号码{ID_NUMBER}，请核实。</p>"


# --------------------------------------------------------------------------- helpers


def make_user(django_user_model, username: str, group_name: str | None, **extra):
    user = django_user_model.objects.create_user(username, f"{username}@example.gov.cn", "pw-for-tests-only", **extra)
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(django_user_model):
    return make_user(django_user_model, "editor", roles.EDITORS, first_name="编辑", last_name="王")


@pytest.fixture
def reviewer(django_user_model):
    return make_user(django_user_model, "reviewer", roles.REVIEWERS, first_name="审查", last_name="李")


@pytest.fixture
def approver(django_user_model):
    return make_user(django_user_model, "approver", roles.APPROVERS)


def modal_html(response) -> str:
    assert response.status_code == 200
    return response.json()["html"]


@pytest.fixture
def draft(catalog, editor):
    """A catalog entry drafted by the editor, with an ID number in its body."""
    return factories.entry(
        catalog,
        publish=False,
        user=editor,
        title="关于公布2024年低保对象名单的通知",
        body=[("paragraph", ID_BODY)],
        owner=editor,
    )


@pytest.fixture
def submitted(client, draft, editor):
    """The draft submitted for moderation by the editor, still with the ID number."""
    submit(client_for(type(client), editor), draft, body_html=ID_BODY)
    draft.refresh_from_db()
    return draft


# --------------------------------------------------------------------------- the modal


def test_modal_shows_masked_findings_and_first_review(client, submitted, reviewer):
    task_state = current_task_state(submitted)
    assert task_state.task.specific.name == roles.REVIEW_TASK_NAME
    reviewer_client = client_for(type(client), reviewer)
    content = modal_html(reviewer_client.get(action_url(submitted, "approve", task_state)))
    assert "自动预审提示" in content
    assert "身份证号码" in content
    assert ID_MASKED in content
    assert ID_NUMBER not in content
    assert "必须勾选" in content
    assert 'name="acknowledge_findings"' in content and "required" in content
    assert "首次审查" in content
    # The reject modal shows the same warnings.
    content = modal_html(reviewer_client.get(action_url(submitted, "reject", task_state)))
    assert ID_MASKED in content and ID_NUMBER not in content


def test_modal_shows_changes_since_the_last_approval(client, catalog, editor, reviewer):
    page = factories.entry(catalog, publish=False, user=editor, title="旧标题的通知", body=[("paragraph", CLEAN_BODY)])
    factories.approve(page.get_latest_revision(), reviewer)
    submit(client_for(type(client), editor), page, title="新标题的通知")
    content = modal_html(client_for(type(client), reviewer).get(action_url(page, "approve", current_task_state(page))))
    assert "与上次审查通过版本相比的变化" in content
    assert "首次审查" not in content
    section = content.split("与上次审查通过版本相比的变化", 1)[1]
    assert "<del>旧</del><ins>新</ins>标题的通知" in section
    assert "自动预审未发现" in content


def test_diff_escapes_content_and_marks_changes():
    result = diff_text("第一行\n<script>旧</script>", "第一行\n<script>新</script>\n第三行")
    assert "<script>" not in result
    assert "&lt;script&gt;" in result
    assert "<del>旧</del><ins>新</ins>" in result
    assert re.search(r"<ins>\s*第三行</ins>", result)


# --------------------------------------------------------------------------- acting


def test_approval_without_acknowledgement_is_refused(client, submitted, reviewer):
    task_state = current_task_state(submitted)
    reviewer_client = client_for(type(client), reviewer)
    # The modal posts with XMLHttpRequest.
    response = reviewer_client.post(
        action_url(submitted, "approve", task_state),
        approval_data(acknowledge_findings=None),
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    # The modal receives JSON telling it where to go; the message waits there.
    assert response.status_code == 200 and response.json()["step"] == "success"
    messages = [str(m) for m in reviewer_client.get(reverse("wagtailadmin_home")).context["messages"]]
    assert any("预审提示" in m and "勾选确认" in m for m in messages), messages
    assert not ConfidentialityReview.objects.filter(page_id=submitted.pk).exists()
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS


def test_rejection_without_comment_is_refused(client, submitted, reviewer):
    task_state = current_task_state(submitted)
    response = client_for(type(client), reviewer).post(
        action_url(submitted, "reject", task_state), {"comment": "   "}, headers={"x-requested-with": "XMLHttpRequest"}
    )
    content = modal_html(response)
    assert "error-message" in content or "必填" in content
    assert not ConfidentialityReview.objects.filter(page_id=submitted.pk).exists()
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS


def test_rejection_with_comment_goes_back_to_the_editor(client, submitted, reviewer, editor):
    mail.outbox.clear()
    task_state = current_task_state(submitted)
    response = client_for(type(client), reviewer).post(
        action_url(submitted, "reject", task_state), {"comment": "请删除正文中的身份证号码。"}
    )
    assert response.status_code == 302
    review = ConfidentialityReview.objects.get(page_id=submitted.pk)
    assert review.outcome == Outcome.REJECTED and review.reviewer == reviewer
    assert review.comment == "请删除正文中的身份证号码。"
    assert [f["kind"] for f in review.findings] == ["id_number"]
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_REJECTED
    workflow_state = WorkflowState.objects.get(object_id=str(submitted.pk))
    assert workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    # Wagtail's rejection e-mail reaches the editor, with the comment.
    to_editor = [m for m in mail.outbox if editor.email in m.to]
    assert to_editor and "请删除正文中的身份证号码。" in to_editor[0].body
    # The editor sees the comment in the editor.
    content = (
        client_for(type(client), editor).get(reverse("wagtailadmin_pages:edit", args=(submitted.pk,))).content.decode()
    )
    assert "请删除正文中的身份证号码。" in content


def test_proactive_approval_moves_on_to_sign_off(client, submitted, reviewer):
    task_state = current_task_state(submitted)
    response = client_for(type(client), reviewer).post(action_url(submitted, "approve", task_state), approval_data())
    assert response.status_code == 302
    review = ConfidentialityReview.objects.get(page_id=submitted.pk)
    assert review.outcome == Outcome.APPROVED and review.decision == DisclosureMode.PROACTIVE
    assert review.findings_acknowledged
    assert review.checklist == [{"item": key, "checked": True} for key in CHECKLIST_KEYS]
    assert review.revision_id == task_state.revision_id
    submitted.refresh_from_db()
    assert submitted.current_workflow_task.name == roles.SIGN_OFF_TASK_NAME
    assert not submitted.live


def test_approval_withheld_ends_the_workflow_without_publishing(client, submitted, reviewer, approver):
    task_state = current_task_state(submitted)
    response = client_for(type(client), reviewer).post(
        action_url(submitted, "approve", task_state),
        approval_data(
            decision=DisclosureMode.WITHHELD, exemption_ground="third_party_rights", checklist=["no_state_secrets"]
        ),
    )
    assert response.status_code == 302
    review = ConfidentialityReview.objects.get(page_id=submitted.pk)
    assert review.outcome == Outcome.APPROVED and review.decision == DisclosureMode.WITHHELD
    assert review.exemption_ground == "third_party_rights"
    # Every item is on record, the unchecked ones as unchecked.
    assert review.checklist == [{"item": key, "checked": key == "no_state_secrets"} for key in CHECKLIST_KEYS]
    submitted.refresh_from_db()
    assert not submitted.live
    assert submitted.current_workflow_state is None
    assert not WorkflowState.objects.filter(object_id=str(submitted.pk), status="in_progress").exists()


def test_full_workflow_publishes_and_logs_reviews_in_history(client, submitted, reviewer, approver, editor, superuser):
    reviewer_client = client_for(type(client), reviewer)
    reviewer_client.post(
        action_url(submitted, "reject", current_task_state(submitted)), {"comment": "请删除身份证号码。"}
    )
    submit(client_for(type(client), editor), submitted, body_html=CLEAN_BODY)
    task_state = current_task_state(submitted)
    content = modal_html(reviewer_client.get(action_url(submitted, "approve", task_state)))
    assert "首次审查" in content  # a rejection is not an approval to compare with
    reviewer_client.post(action_url(submitted, "approve", task_state), approval_data(acknowledge_findings=None))
    sign_off = current_task_state(submitted)
    assert sign_off.task.name == roles.SIGN_OFF_TASK_NAME
    response = client_for(type(client), approver).post(action_url(submitted, "approve", sign_off))
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.live

    actions = list(
        PageLogEntry.objects.filter(page_id=submitted.pk, action__startswith="disclosure_pages.review_")
        .order_by("timestamp", "pk")
        .values_list("action", "data")
    )
    assert [a for a, _ in actions] == ["disclosure_pages.review_rejected", "disclosure_pages.review_approved"]
    assert actions[1][1]["decision"] == DisclosureMode.PROACTIVE
    assert actions[1][1]["reviewer"] == reviewer.get_full_name()
    assert len(actions[1][1]["fingerprint"]) == 12

    history = client_for(type(client), superuser).get(reverse("wagtailadmin_pages:history", args=(submitted.pk,)))
    text = html.unescape(history.content.decode())
    assert "保密审查通过：主动公开（审查人：" + reviewer.get_full_name() + "）" in text
    assert "保密审查退回修改（审查人：" + reviewer.get_full_name() + "）" in text


# --------------------------------------------------------------------------- dashboard


def start_review(page, user) -> None:
    Workflow.objects.get(name=roles.WORKFLOW_NAME).start(page, user)


def test_dashboard_lists_the_queue_for_reviewers_only(client, submitted, reviewer, editor):
    content = client_for(type(client), reviewer).get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="confidentiality-review-queue' in content or "confidentiality-review-queue" in content
    queue = content.split("confidentiality-review-queue", 1)[1]
    assert submitted.title in queue
    assert "安庆市人民政府办公室" in queue
    assert editor.get_full_name() in queue
    assert re.search(r"\d+\s*(分钟|秒|小时|天)", queue) and "前" in queue
    assert "共 1 项等待保密审查" in queue
    assert reverse("wagtailadmin_pages:edit", args=(submitted.pk,)) in queue

    editor_page = client_for(type(client), editor).get(reverse("wagtailadmin_home")).content.decode()
    assert "confidentiality-review-queue" not in editor_page


def test_queue_is_oldest_first(catalog, editor, reviewer):
    pages = [factories.entry(catalog, publish=False, user=editor, title=f"第{n}号通知") for n in range(3)]
    for page in pages:
        start_review(page, editor)
    total, items = review_queue(reviewer)
    assert total == 3
    assert [item.title for item in items] == ["第0号通知", "第1号通知", "第2号通知"]


def render_panel_queries(user) -> tuple[int, str]:
    request = RequestFactory().get("/admin/")
    request.user = user
    with CaptureQueriesContext(connection) as queries:
        html_text = ReviewQueuePanel().render_html({"request": request, "csrf_token": "x"})
    return len(queries), html_text


def test_queue_panel_query_budget(catalog, editor, reviewer, django_user_model):
    """No N+1: the same number of queries for one waiting page and for ten."""
    counts = {}
    for total in (1, 10):
        while TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS).count() < total:
            page = factories.entry(catalog, publish=False, user=editor, title=f"预算测试通知{next(factories._counter)}")
            start_review(page, editor)
        fresh = django_user_model.objects.get(pk=reviewer.pk)  # no cached group checks
        counts[total], html_text = render_panel_queries(fresh)
        assert html_text.count("预算测试通知") == total
    # tasks, group check, count, task states (with revision, user, workflow state and
    # requester), pages (base + one per page type), organs, and whether the reviewer
    # wrote any of them (four eyes).
    assert counts[1] == counts[10] <= 8, counts


# --------------------------------------------------------------------------- e-mail


def test_reviewers_are_emailed_on_submission(client, draft, editor, reviewer, approver):
    mail.outbox.clear()
    submit(client_for(type(client), editor), draft)
    recipients = {address for message in mail.outbox for address in message.to}
    assert reviewer.email in recipients
    assert approver.email not in recipients  # not their step yet
    assert editor.email not in recipients
    to_reviewer = next(m for m in mail.outbox if reviewer.email in m.to)
    assert draft.title in to_reviewer.subject + to_reviewer.body
