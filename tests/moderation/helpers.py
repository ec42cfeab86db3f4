"""Helpers the moderation tests share: the editor's forms, and the reviewer's workflow actions.

``entry_form`` is also what tests/pages posts to create an entry in the admin.
"""

from __future__ import annotations

from django.urls import reverse
from wagtail.models import TaskState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from disclosure_pages.models import CatalogEntryPage, Dimension
from disclosure_pages.moderation.models import CHECKLIST_KEYS
from disclosure_pages.visibility import DisclosureMode
from tests import factories

CLEAN_BODY = "<p>各县（市）区人民政府，市政府各部门：现将有关事项通知如下。</p>"
# The editor's browser keeps block ids.
BLOCK_ID = "3f1c2a55-0000-4000-8000-000000000001"


def entry_form(org, **overrides) -> dict:
    """The add form of a new catalog entry, every field filled, as an editor would post it."""
    data = {
        "title": "安庆市人民政府关于进一步推进政府信息公开工作的通知",
        "slug": "notice-2008-19",
        "publisher": org.pk,
        "doc_number": "宜政发[2008]19号",
        "validity": "in_force",
        "written_date": "2008-06-10",
        "publish_date": "2008-06-18",
        "disclosure_mode": "proactive",
        "disclosure_scope": "public",
        "keywords": "政府信息公开 通知",
        "assembled_category": factories.term(Dimension.ASSEMBLED, "决策").pk,
        "topic_category": factories.term(Dimension.TOPIC, "政务公开").pk,
        "genre_category": factories.term(Dimension.GENRE, "通知").pk,
        "format_category": factories.term(Dimension.FORMAT, "HTML").pk,
        "summary": "部署全市政府信息公开工作。",
        "body": streamfield([("paragraph", rich_text("<p>各县（市）区人民政府，市政府各部门：……</p>"))]),
        "attachments": inline_formset([]),
    }
    data.update(overrides)
    form = nested_form_data(data)
    form["body-0-id"] = BLOCK_ID
    form["audience_categories"] = [str(factories.term(Dimension.AUDIENCE, "公民").pk)]
    return form


def edit_form(page: CatalogEntryPage, **overrides) -> dict:
    """The edit form of an existing catalog entry, as the editor's browser would post it."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "publisher": page.publisher_id,
        "doc_number": page.doc_number,
        "validity": page.validity,
        "publish_date": page.publish_date.isoformat(),
        "disclosure_mode": page.disclosure_mode,
        "disclosure_scope": page.disclosure_scope,
        "keywords": page.keywords,
        "summary": page.summary,
        "body": streamfield([("paragraph", rich_text(overrides.pop("body_html", CLEAN_BODY)))]),
        "attachments": inline_formset([]),
    }
    data.update(overrides)
    form = nested_form_data(data)
    form["body-0-id"] = BLOCK_ID
    return form


def submit(client, page: CatalogEntryPage, **overrides):
    """The editor presses 提交审核 (Submit for moderation) in the page editor."""
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(page.pk,)), edit_form(page, **{"action-submit": "1", **overrides})
    )
    assert response.status_code == 302, getattr(response, "context", {}) and response.context["form"].errors
    return response


def current_task_state(page) -> TaskState:
    return TaskState.objects.get(workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS).specific


def action_url(page, action: str, task_state: TaskState) -> str:
    return reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))


def approval_data(**overrides) -> dict:
    """What the review modal posts for 审查通过 (None drops a field)."""
    data = {
        "decision": DisclosureMode.PROACTIVE,
        "exemption_ground": "",
        "checklist": CHECKLIST_KEYS,
        "acknowledge_findings": "on",
        "comment": "已逐项核对。",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}
