"""The one home of "the applicant may see this reply", and the steps that lead there.

A reply is released when its latest review is an approval of exactly its current content
(the fingerprint of outcome, notice and each document's bytes) by someone who wrote none
of it. The status page, the API and the download view ask :func:`released_reply` and
:func:`released_document` and nothing else; a document is served only while its bytes
still hash to what was reviewed.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Iterable

from django.core.files.uploadedfile import UploadedFile
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from disclosure_pages.moderation.models import Outcome as ReviewOutcome
from disclosure_pages.moderation.prescreen.attachments import describe_unreadable, extract_text
from disclosure_pages.moderation.prescreen.scan import scan_fields

from .choices import Outcome, Status
from .models import Application, ApplicationEvent
from .register import refresh_deadline
from .replies import REPLY_CHECKLIST_KEYS, Reply, ReplyDocument, ReplyReview

Kind = ApplicationEvent.Kind
RELEASED_ACTION = "disclosure_applications.reply_released"
RETURNED_ACTION = "disclosure_applications.reply_returned"
#: Statuses in which the office may write the reply (the clock is running).
DRAFTING = frozenset({Status.RECEIVED, Status.EXTENDED})


class ReleaseRefused(ValueError):
    """A reply step the rules do not allow; nothing was written, the message says why."""


# --- the rule ---------------------------------------------------------------------------


def file_digest(file) -> tuple[str, int]:
    """SHA-256 and size of a stored or uploaded file, read in chunks."""
    digest, size = hashlib.sha256(), 0
    file.open("rb")
    try:
        for chunk in file.chunks():
            digest.update(chunk)
            size += len(chunk)
    finally:
        if not isinstance(file, UploadedFile):
            file.close()
    return digest.hexdigest(), size


def fingerprint(reply: Reply, documents: Iterable[ReplyDocument] | None = None) -> str:
    """What a review approves: outcome, notice, and each document's name and recorded hash."""
    documents = reply.documents.all() if documents is None else documents
    content = {
        "outcome": reply.outcome,
        "notice": reply.notice,
        "documents": sorted([doc.pk, doc.title, doc.file.name, doc.sha256] for doc in documents),
    }
    return hashlib.sha256(json.dumps(content, ensure_ascii=False).encode()).hexdigest()


def released_reply(application: Application) -> Reply | None:
    """The reply the applicant may see, or None (not answered, not approved, changed since)."""
    if application.status != Status.ANSWERED:
        return None
    reply = Reply.objects.filter(application=application).prefetch_related("documents").first()
    if reply is None or reply.released_on is None:
        return None
    latest = reply.reviews.order_by("-created_at", "-pk").first()
    if latest is None or latest.outcome != ReviewOutcome.APPROVED or latest.fingerprint != fingerprint(reply):
        return None
    return reply


def released_document(application: Application, document_id: int) -> ReplyDocument | None:
    """A document of the released reply whose stored bytes are still the reviewed ones."""
    reply = released_reply(application)
    document = next((doc for doc in reply.documents.all() if doc.pk == document_id), None) if reply else None
    if document is None:
        return None
    try:
        digest, _size = file_digest(document.file)
    except OSError:
        return None
    return document if digest == document.sha256 else None


# --- writing the reply ----------------------------------------------------------------------


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


# --- reviewing it -------------------------------------------------------------------------------


def findings(reply: Reply) -> list[dict[str, str]]:
    """Pre-screen warnings on the notice and the documents, masked as the pages' are."""
    texts = [(str(_("答复告知书")), reply.notice)]
    unreadable = []
    for document in reply.documents.all():
        text = extract_text(document)
        if text is None:
            unreadable.append(
                {
                    "kind": "unreadable",
                    "label": str(describe_unreadable(document)),
                    "field": document.title,
                    "excerpt": "",
                    "context": "",
                }
            )
        else:
            texts.append((document.title, text))
    found = [
        {"kind": f.kind, "label": str(f.label), "field": f.field, "excerpt": f.excerpt, "context": f.context}
        for f in scan_fields(texts)
    ]
    return found + unreadable


def may_review(reply: Reply, user) -> bool:
    """Four eyes: a reviewer with the permission who wrote no part of this reply."""
    return (
        user.is_active
        and user.has_perm("disclosure_applications.review_reply")
        and not reply.authors.filter(pk=user.pk).exists()
        and not reply.documents.filter(uploaded_by=user).exists()
    )


def _in_review(reply: Reply, user) -> tuple[Application, Reply]:
    """The application, locked, and the reply as stored now (never a caller's stale copy)."""
    application = Application.objects.select_for_update().get(pk=reply.application_id)
    if application.status != Status.REPLY_IN_REVIEW:
        raise ReleaseRefused(_("该答复不在审查中。"))
    reply = Reply.objects.select_related("application").get(pk=reply.pk)
    if not may_review(reply, user):
        raise ReleaseRefused(_("撰写答复的人不能审查该答复，审查须由有审查权限的其他人进行。"))
    return application, reply


def _record(reply: Reply, user, outcome: str, *, checklist: list, found: list, comment: str) -> ReplyReview:
    return ReplyReview.objects.create(
        reply=reply,
        application_number=reply.application.number,
        fingerprint=fingerprint(reply),
        outcome=outcome,
        checklist=checklist,
        findings=found,
        comment=comment,
        reviewer=user,
        reviewer_name=user.get_full_name() or user.get_username(),
    )


@transaction.atomic
def approve(
    reply: Reply, user, *, checklist: Iterable[str], acknowledged: bool, comment: str = "",
    on: datetime.date | None = None, seen: str | None = None,
) -> ReplyReview:  # fmt: skip
    """Approve and release: the applicant sees the reply from now on (and is told by email).

    ``seen`` is the fingerprint of the content the reviewer was shown (the review form
    carries it): an approval never applies to content the reviewer did not see.
    """
    application, reply = _in_review(reply, user)
    if seen is not None and seen != fingerprint(reply):
        raise ReleaseRefused(_("答复在审查期间发生了变化，请重新审查。"))
    ticked = set(checklist)
    if not set(REPLY_CHECKLIST_KEYS) <= ticked:
        raise ReleaseRefused(_("请逐项核对审查事项。"))
    found = findings(reply)
    if found and not acknowledged:
        raise ReleaseRefused(_("存在 %(count)d 条自动预审提示，请逐条核查并勾选确认。") % {"count": len(found)})
    record = [{"item": key, "checked": key in ticked} for key in REPLY_CHECKLIST_KEYS]
    review = _record(reply, user, ReviewOutcome.APPROVED, checklist=record, found=found, comment=comment)
    day = on or timezone.localdate()
    reply.released_on = day
    reply.save(update_fields=["released_on"])
    ApplicationEvent.objects.create(application=application, kind=Kind.ANSWERED, date=day, created_by=user)
    application.status, application.outcome, application.answered_on = Status.ANSWERED, reply.outcome, day
    application.save(update_fields=["status", "outcome", "answered_on"])
    log(application, RELEASED_ACTION, user=user)
    transaction.on_commit(lambda: _tell_applicant(application))
    return review


@transaction.atomic
def reject(reply: Reply, user, *, comment: str) -> ReplyReview:
    """退回修改: back to the office with the reviewer's reasons; the clock was never stopped."""
    application, reply = _in_review(reply, user)
    if not comment.strip():
        raise ReleaseRefused(_("退回时必须填写意见。"))
    review = _record(reply, user, ReviewOutcome.REJECTED, checklist=[], found=findings(reply), comment=comment)
    ApplicationEvent.objects.create(
        application=application, kind=Kind.REPLY_RETURNED, date=timezone.localdate(), note=comment, created_by=user
    )
    computed = refresh_deadline(application, strict=False)
    application.status = Status.EXTENDED if computed.extended_days else Status.RECEIVED
    application.save(update_fields=["status"])
    log(application, RETURNED_ACTION, user=user)
    return review


def _tell_applicant(application: Application) -> None:
    """Only that there is a reply: its content is read on the status page, with the query code."""
    if not application.email:
        return
    subject = _("政府信息公开申请已答复：%(number)s") % {"number": application.number}
    body = _(
        "您的政府信息公开申请（受理编号 %(number)s）已答复。请凭受理编号和查询码在网站查看答复和下载相关文件。"
    ) % {"number": application.number}
    send_mail(subject, body, None, [application.email])
