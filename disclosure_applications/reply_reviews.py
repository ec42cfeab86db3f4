"""Reviewing the reply (保密审查): pre-screen warnings, four eyes, and approval (which
releases it and tells the applicant) or return with reasons. Records are immutable."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from disclosure_pages.moderation.models import Outcome as ReviewOutcome
from disclosure_pages.moderation.prescreen.attachments import describe_unreadable, extract_text
from disclosure_pages.moderation.prescreen.scan import scan_fields

from .choices import Status
from .models import Application, ApplicationEvent
from .register import refresh_deadline
from .release import ReleaseRefused, fingerprint
from .replies import REPLY_CHECKLIST_KEYS, Reply, ReplyReview

Kind = ApplicationEvent.Kind
RELEASED_ACTION = "disclosure_applications.reply_released"
RETURNED_ACTION = "disclosure_applications.reply_returned"


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
