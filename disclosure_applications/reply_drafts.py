"""Writing the reply: the handler saves the outcome, the notice and the documents, then sends
it to review (送审), after which it is locked until a reviewer returns or releases it."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .choices import Outcome, Status
from .models import Application, ApplicationEvent
from .release import ReleaseRefused, file_digest
from .replies import Reply, ReplyDocument

Kind = ApplicationEvent.Kind
#: Statuses in which the office may write the reply (the clock is running).
DRAFTING = frozenset({Status.RECEIVED, Status.EXTENDED})


def editable_reply(application: Application) -> Reply | None:
    """The reply being written, if the application is at the stage where it may be written."""
    if application.status not in DRAFTING:
        return None
    return Reply.objects.filter(application=application).first() or Reply(application=application)


@transaction.atomic
def save_draft(
    application: Application,
    *,
    outcome: str,
    notice: str,
    user,
    uploads: Iterable[UploadedFile] = (),
    remove: Iterable[int] = (),
) -> Reply:
    application = Application.objects.select_for_update().get(pk=application.pk)
    reply = editable_reply(application)
    if reply is None:
        raise ReleaseRefused(_("答复送审后或办结后不能修改。"))
    reply.outcome, reply.notice = Outcome(outcome).value, notice
    reply.save()
    reply.authors.add(user)
    for document in reply.documents.filter(pk__in=list(remove)):
        storage, name = document.file.storage, document.file.name
        document.delete()
        transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))  # kept if this rolls back
    for upload in uploads:
        sha256, size = file_digest(upload)
        document = ReplyDocument(reply=reply, title=upload.name[:200], sha256=sha256, size=size, uploaded_by=user)
        document.file.save(upload.name, upload, save=True)
    return reply


@transaction.atomic
def submit(application: Application, user) -> Reply:
    """送审: the reply is locked and waits for a reviewer; the clock keeps running."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    reply = Reply.objects.filter(application=application).first()
    if application.status not in DRAFTING or reply is None:
        raise ReleaseRefused(_("只能在办理中送审已撰写的答复。"))
    if not reply.notice.strip():
        raise ReleaseRefused(_("答复告知书不能为空。"))
    if Outcome(reply.outcome).releases_information and not reply.documents.exists():
        raise ReleaseRefused(_("予以公开或部分公开的答复须附上提供的信息。"))
    reply.submitted_at = timezone.now()
    reply.save(update_fields=["submitted_at"])
    ApplicationEvent.objects.create(
        application=application, kind=Kind.REPLY_SUBMITTED, date=timezone.localdate(), created_by=user
    )
    application.status = Status.REPLY_IN_REVIEW
    application.save(update_fields=["status"])
    return reply
