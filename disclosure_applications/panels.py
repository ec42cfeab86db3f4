"""依申请公开 on the admin dashboard: what is due, what is late, and an unknown calendar year."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from .choices import CLOSED, Status
from .identical import with_identical
from .models import Application, applications_for, due_soon_until


class WorkListPanel(Component):
    """Renders nothing for people who handle no applications."""

    name = "disclosure_applications_work_list"
    template_name = "disclosure_applications/admin/work_list_panel.html"
    order = 210

    def __init__(self, user) -> None:
        self.user = user

    def get_context_data(self, parent_context: dict[str, Any] | None = None) -> dict[str, Any]:
        today = timezone.localdate()
        open_ = applications_for(self.user).exclude(status__in=CLOSED)
        counts = open_.aggregate(
            open=Count("pk"),
            overdue=Count("pk", filter=Q(due_on__lt=today)),
            due_soon=Count("pk", filter=Q(due_on__gte=today, due_on__lte=due_soon_until(today))),
            correction=Count("pk", filter=Q(status=Status.CORRECTION)),
            provisional=Count("pk", filter=Q(due_provisional=True)),
        )  # one query for the five figures
        return {
            **counts,
            "identical": with_identical(open_).count(),
            "index_url": reverse("disclosure_applications_admin:index"),
        }

    def render_html(self, parent_context: dict[str, Any] | None = None) -> str:
        if not self.user.has_perm("disclosure_applications.view_application"):
            return ""
        return super().render_html(parent_context)


class ReplyReviewPanel(Component):
    """答复审查 for confidentiality reviewers: how many replies wait, and how many are past due."""

    name = "disclosure_applications_reply_reviews"
    template_name = "disclosure_applications/admin/reply_review_panel.html"
    order = 205

    def __init__(self, user) -> None:
        self.user = user

    def get_context_data(self, parent_context: dict[str, Any] | None = None) -> dict[str, Any]:
        counts = Application.objects.filter(status=Status.REPLY_IN_REVIEW).aggregate(
            waiting=Count("pk"), overdue=Count("pk", filter=Q(due_on__lt=timezone.localdate()))
        )
        return {**counts, "list_url": reverse("disclosure_applications_admin:review_list")}

    def render_html(self, parent_context: dict[str, Any] | None = None) -> str:
        if not self.user.has_perm("disclosure_applications.review_reply"):
            return ""
        return super().render_html(parent_context)
