"""依申请公开 on the admin dashboard: what is due, what is late, and an unknown calendar year."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from .choices import CLOSED, Status
from .identical import with_identical
from .models import Application, applications_for, load_calendar


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
        soon = load_calendar().add(today, 3).date
        index = reverse("disclosure_applications_admin:index")
        return {
            "overdue": open_.filter(due_on__lt=today).count(),
            "due_soon": open_.filter(due_on__gte=today, due_on__lte=soon).count(),
            "correction": open_.filter(status=Status.CORRECTION).count(),
            "provisional": open_.filter(due_provisional=True).count(),
            "identical": with_identical(open_).count(),
            "open": open_.count(),
            "index_url": index,
        }

    def render_html(self, parent_context: dict[str, Any] | None = None) -> str:
        if not self.user.has_perm("disclosure_applications.view_application"):
            return ""
        return super().render_html(parent_context)


class ReplyReviewPanel(Component):
    """答复审查 for confidentiality reviewers: how many replies wait, and whether any is due soon."""

    name = "disclosure_applications_reply_reviews"
    template_name = "disclosure_applications/admin/reply_review_panel.html"
    order = 205

    def __init__(self, user) -> None:
        self.user = user

    def get_context_data(self, parent_context: dict[str, Any] | None = None) -> dict[str, Any]:
        waiting = Application.objects.filter(status=Status.REPLY_IN_REVIEW)
        today = timezone.localdate()
        return {
            "waiting": waiting.count(),
            "overdue": waiting.filter(due_on__lt=today).count(),
            "list_url": reverse("disclosure_applications_admin:review_list"),
        }

    def render_html(self, parent_context: dict[str, Any] | None = None) -> str:
        if not self.user.has_perm("disclosure_applications.review_reply"):
            return ""
        return super().render_html(parent_context)
