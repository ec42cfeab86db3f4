"""A file used by live content changes only through a new review: direct changes are refused.

Replacing the file of a document that a live page publishes, renaming it (its title is
shown on the page) or deleting it would change what citizens see without a review. We
refuse rather than keep a second copy: the editor uploads a new document, puts it in
the page and submits the page for review. The check runs before anything is written
or deleted — on ``pre_save``/``pre_delete`` for code and commands, and in the admin's
and the API's edit action *before* Wagtail's document form deletes the old file from
storage (it does that before saving the row).
"""

from __future__ import annotations

import logging

from django.db.models.signals import pre_delete, pre_save
from django.utils.translation import gettext_lazy as _
from wagtail.actions.edit import EditAction
from wagtail.documents import get_document_model

from .files import pages_showing
from .guard import ModerationRefusal

logger = logging.getLogger("disclosure_pages.moderation")

WATCHED_FIELDS = frozenset({"file", "file_hash", "title"})


class LiveFileChange(ModerationRefusal):
    """A document that live content publishes would change without a review."""

    log_action = "disclosure_pages.file_change_refused"


def _stored(document) -> dict | None:
    if document.pk is None:
        return None
    return type(document)._base_manager.filter(pk=document.pk).values("file", "file_hash", "title").first()


def _what_changes(document, stored: dict) -> str | None:
    """"file" or "title" when ``document`` differs from its row in what citizens get, else None."""
    stored_hash = stored["file_hash"] or ""
    if (document.file.name or "") != (stored["file"] or ""):
        return "file"
    if stored_hash and (document.file_hash or "") != stored_hash:
        return "file"
    if document.title != stored["title"]:
        return "title"
    return None


def check_document_change(document) -> None:
    """Raise LiveFileChange if saving ``document`` would change a file that live content shows."""
    stored = _stored(document)
    if stored is None:
        return
    change = _what_changes(document, stored)
    if change is None:
        return
    page = pages_showing(document).specific().first()
    if page is None:
        return
    if change == "file":
        message = _("该文件已用于已公开的“%(title)s”，不能直接替换。请上传新文件，在页面中替换附件后提交审核。")
    else:
        message = _("该文件已用于已公开的“%(title)s”，其名称显示在页面上，不能直接修改。请上传新文件或在页面中修改附件名称后提交审核。")
    logger.warning("Refused a change (%s) of document %s used by live page %s", change, document.pk, page.pk)
    raise LiveFileChange(str(message % {"title": page.title}), page=page)


def check_document_deletion(document) -> None:
    page = pages_showing(document).specific().first()
    if page is not None:
        message = _("该文件已用于已公开的“%(title)s”，不能删除。请先在页面中移除该附件并提交审核，发布后再删除。")
        raise LiveFileChange(str(message % {"title": page.title}), page=page)


def refuse_live_document_change(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    if update_fields is not None and not WATCHED_FIELDS.intersection(update_fields):
        return  # file size or a late file hash: bookkeeping, not a change
    check_document_change(instance)


def refuse_live_document_deletion(sender, instance, **kwargs) -> None:
    check_document_deletion(instance)


class DocumentEditAction(EditAction):
    """Wagtail's edit action for documents, refusing before the form deletes the old file."""

    def _save_instance(self):
        check_document_change(self.instance)
        return super()._save_instance()


def connect() -> None:
    model = get_document_model()
    pre_save.connect(refuse_live_document_change, sender=model, dispatch_uid="disclosure_pages_live_document_change")
    pre_delete.connect(
        refuse_live_document_deletion, sender=model, dispatch_uid="disclosure_pages_live_document_deletion"
    )
