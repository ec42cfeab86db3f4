"""Wagtail hooks of the reviewer's experience: dashboard queue, review history, report.

Imported at the end of ``wagtail_hooks.py`` so that it loads at startup with the other
hooks; importing ``moderation.history`` here connects the receiver that writes each
review to the page history.

E-mail: Wagtail's own ``GroupApprovalTaskStateSubmissionEmailNotifier`` handles every
``AbstractGroupApprovalTask`` subclass, ConfidentialityReviewTask included, so members
of the task's groups are e-mailed on submission and the editor gets Wagtail's usual
approval/rejection e-mails without a notifier of our own (see tests/test_review_ui.py).
"""

from __future__ import annotations

from wagtail import hooks

from .moderation import history  # noqa: F401  (connects the post_save receiver)
from .moderation.admin_views import report_menu_item, report_urls
from .moderation.panels import ReviewQueuePanel

__all__: list[str] = []

WAGTAIL_REVIEW_PANEL = "workflow_objects_to_moderate"


@hooks.register("register_log_actions")
def register_review_log_actions(actions) -> None:
    history.register_log_actions(actions)


@hooks.register("construct_homepage_panels")
def add_review_queue_panel(request, panels: list) -> None:
    has_wagtail_panel = any(getattr(panel, "name", "") == WAGTAIL_REVIEW_PANEL for panel in panels)
    panels.append(ReviewQueuePanel(include_action_script=not has_wagtail_panel))


@hooks.register("register_reports_menu_item")
def register_review_report_menu_item():
    return report_menu_item()


@hooks.register("register_admin_urls")
def register_review_report_urls() -> list:
    return report_urls()
