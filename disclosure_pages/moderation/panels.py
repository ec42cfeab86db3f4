"""The dashboard panel 待我审查: the confidentiality review queue of the signed-in reviewer.

Oldest first, because the statutory clock (20 working days for proactive disclosure)
runs from the day the information was made, not from the day a reviewer looks. The
queries are fixed in number whatever the length of the queue: task states with their
revision, workflow state and requester in one query, pages in one query per page type,
organs in one query.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Mapping
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.models import TaskState

from ..page_text import organisation_field
from ..pagebase import BasePage
from ..taxonomy.models import Organisation
from .four_eyes import prime_review_checks
from .tasks import ConfidentialityReviewTask

QUEUE_LIMIT = 30


@dataclasses.dataclass(frozen=True)
class QueueItem:
    task_state: TaskState
    title: str
    edit_url: str
    preview_url: str
    organ: str
    submitted_by: str
    started_at: datetime.datetime
    actions: list[tuple[str, str, bool]]


def review_tasks_for(user) -> list[ConfidentialityReviewTask]:
    """Active 保密审查 tasks ``user`` may act on (all of them for a superuser)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return []
    tasks = ConfidentialityReviewTask.objects.filter(active=True)
    if not user.is_superuser:
        tasks = tasks.filter(groups__in=user.groups.all()).distinct()
    return list(tasks)


def reviewable_states(user, tasks: list[ConfidentialityReviewTask]) -> QuerySet[TaskState]:
    """In-progress task states of ``tasks`` that ``user`` can moderate (Wagtail's own rule)."""
    states = TaskState.objects.none()
    for task in tasks:
        states = states | task.get_task_states_user_can_moderate(user)
    return states


def _user_name(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def _organ_names(pages: list) -> dict[int, str]:
    """Page id → organ name, with one query for all organs."""
    wanted: dict[int, int] = {}
    for page in pages:
        name = organisation_field(page)
        organ_id = getattr(page, f"{name}_id", None) if name else None
        if organ_id is not None:
            wanted[page.pk] = organ_id
    organs = Organisation.objects.in_bulk(set(wanted.values())) if wanted else {}
    return {page_id: organs[organ_id].name for page_id, organ_id in wanted.items() if organ_id in organs}


def review_queue(
    user, limit: int = QUEUE_LIMIT, tasks: list[ConfidentialityReviewTask] | None = None
) -> tuple[int, list[QueueItem]]:
    """(number of items waiting, the oldest ``limit`` of them) for ``user``."""
    tasks = review_tasks_for(user) if tasks is None else tasks
    if not tasks:
        return 0, []
    states = reviewable_states(user, tasks)
    total = states.count()
    if not total:
        return 0, []
    rows = list(
        states.select_related("revision", "revision__user", "workflow_state__requested_by").order_by(
            "started_at", "pk"
        )[:limit]
    )
    page_ids = {int(state.revision.object_id) for state in rows}
    pages = {page.pk: page for page in BasePage.objects.filter(pk__in=page_ids).specific()}
    organs = _organ_names(list(pages.values()))
    tasks_by_id = {task.pk: task for task in tasks}
    for task in tasks:  # four eyes: whether the user wrote any of them, in one query
        prime_review_checks(user, task, list(pages.values()))
    items = []
    for state in rows:
        page = pages.get(int(state.revision.object_id))
        if page is None:  # deleted while in moderation
            continue
        task = tasks_by_id[state.task_id]
        requester = state.workflow_state.requested_by or state.revision.user
        items.append(
            QueueItem(
                task_state=state,
                title=state.revision.object_str or page.draft_title,
                edit_url=reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                preview_url=reverse("wagtailadmin_pages:workflow_preview", args=(page.pk, state.task_id)),
                organ=organs.get(page.pk, ""),
                submitted_by=_user_name(requester),
                started_at=state.started_at,
                actions=task.get_actions(page, user),
            )
        )
    return total, items


class ReviewQueuePanel(Component):
    """待我审查 on the admin dashboard; renders nothing for users who review nothing."""

    name = "confidentiality_review_queue"
    template_name = "disclosure_pages/moderation/review_queue_panel.html"
    order = 200

    def __init__(self, include_action_script: bool = True) -> None:
        # Wagtail's "awaiting your review" panel loads workflow-action.js for the same
        # buttons; loading it twice would open two modals per click.
        self.include_action_script = include_action_script
        self._tasks: list[ConfidentialityReviewTask] | None = None

    def get_context_data(self, parent_context: Mapping[str, Any] | None = None) -> dict[str, Any]:
        request = parent_context["request"]
        total, items = review_queue(request.user, tasks=self._tasks)
        return {
            "request": request,
            "csrf_token": parent_context.get("csrf_token"),
            "total": total,
            "items": items,
            "limit": QUEUE_LIMIT,
            "include_action_script": self.include_action_script,
        }

    def render_html(self, parent_context: Mapping[str, Any] | None = None) -> str:
        self._tasks = review_tasks_for(parent_context["request"].user)
        if not self._tasks:
            return ""
        return super().render_html(parent_context)
