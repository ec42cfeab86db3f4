"""Every Wagtail hook of moderation: the publish button, review history, the queue, the report, files.

Imported from ``disclosure_pages/wagtail_hooks.py`` (Wagtail loads an app's own
``wagtail_hooks`` only); the people rules' hooks are in ``people_hooks.py``, imported here.

E-mail: Wagtail's own ``GroupApprovalTaskStateSubmissionEmailNotifier`` handles every
``AbstractGroupApprovalTask`` subclass, ConfidentialityReviewTask included, so members
of the task's groups are e-mailed on submission and the editor gets Wagtail's usual
approval/rejection e-mails without a notifier of our own.
"""

from __future__ import annotations

from django.apps import apps
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.documents.models import AbstractDocument

from . import history, people_hooks  # noqa: F401  (people_hooks registers its own hooks)
from .admin_views import report_menu_item, report_urls
from .file_changes import DocumentEditAction
from .files import is_reviewed_document, may_see_unreviewed_documents
from .guard import approval_for, is_disclosure_model
from .panels import ReviewQueuePanel

WAGTAIL_REVIEW_PANEL = "workflow_objects_to_moderate"


@hooks.register("register_log_actions")
def register_moderation_log_actions(actions) -> None:
    actions.register_action("disclosure_pages.publish_refused", _("发布被拒绝（未经保密审查）"), _("发布被拒绝"))
    actions.register_action("disclosure_pages.review_refused", _("保密审查记录不完整"), _("审查被拒绝"))
    actions.register_action("disclosure_pages.workflow_refused", _("审核流程缺少保密审查"), _("流程被拒绝"))
    actions.register_action(
        "disclosure_pages.file_change_refused", _("修改已公开文件被拒绝（需重新保密审查）"), _("文件修改被拒绝")
    )
    history.register_log_actions(actions)


# --------------------------------------------------------------------------- publishing


def _page_model_being_created(request):
    """The create view's context has no page; its URL names the type."""
    match = getattr(request, "resolver_match", None)
    kwargs = match.kwargs if match else {}
    try:
        return apps.get_model(kwargs["content_type_app_name"], kwargs["content_type_model_name"])
    except (KeyError, LookupError):
        return None


@hooks.register("construct_page_action_menu")
def hide_publish_without_approval(menu_items, request, context) -> None:
    """No Publish button on a disclosure page while its content has no approval."""
    page = context.get("page")
    model = (page.specific_class if page.pk else type(page)) if page is not None else _page_model_being_created(request)
    if model is None or not is_disclosure_model(model):
        return
    if page is None or page.pk is None or approval_for(page.get_latest_revision_as_object()) is None:
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


# --------------------------------------------------------------------------- reviewing


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


# --------------------------------------------------------------------------- files (see files.py)


@hooks.register("before_serve_document")
def serve_only_reviewed_documents(document, request):
    """The public gets a document only while reviewed; admin users with a document permission get drafts' files."""
    if may_see_unreviewed_documents(getattr(request, "user", None), document):
        return None
    if not is_reviewed_document(document):
        raise Http404
    return None


@hooks.register("register_actions")
def register_document_edit_action(registry) -> None:
    """Wagtail's document edit action (admin and API), refusing changes to files in live use first."""
    registry.register(AbstractDocument, DocumentEditAction)
