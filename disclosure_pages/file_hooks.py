"""Wagtail hooks that keep files behind reviews (see ``moderation/files.py``).

Imported at the end of ``wagtail_hooks.py``. Downloads: the public gets a document only
while reviewed, public content publishes exactly its current file; admin users with a
document permission (reviewers open drafts' attachments) get the current file.
Edits: Wagtail's document edit action (admin edit view and the v3 API) is replaced by
one that refuses changes to files in live use before the old file is deleted.
"""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

__all__: list[str] = []


@hooks.register("before_serve_document")
def serve_only_reviewed_documents(document, request):
    from .moderation.files import is_reviewed_document, may_see_unreviewed_documents

    if may_see_unreviewed_documents(getattr(request, "user", None), document):
        return None
    if not is_reviewed_document(document):
        raise Http404
    return None


@hooks.register("register_actions")
def register_document_edit_action(registry) -> None:
    from wagtail.documents.models import AbstractDocument

    from .moderation.file_changes import DocumentEditAction

    registry.register(AbstractDocument, DocumentEditAction)


@hooks.register("register_log_actions")
def register_file_log_actions(actions) -> None:
    actions.register_action(
        "disclosure_pages.file_change_refused", _("修改已公开文件被拒绝（需重新保密审查）"), _("文件修改被拒绝")
    )
