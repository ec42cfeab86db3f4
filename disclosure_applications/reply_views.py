"""Admin views of the reply: the handler writes it, another person reviews and releases it."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from . import release, reply_drafts, reply_reviews
from .choices import Outcome, Status
from .downloads import file_response
from .models import Application, applications_for
from .notices import draft_notice
from .replies import Reply, ReplyDocument
from .reply_forms import ReplyForm, ReviewForm

REVIEW_PERMISSION = "disclosure_applications.review_reply"


def _handled(request: HttpRequest, pk: int) -> Application:
    application = get_object_or_404(applications_for(request.user).select_related("organisation"), pk=pk)
    if not request.user.has_perm("disclosure_applications.change_application"):
        raise PermissionDenied
    return application


def write(request: HttpRequest, pk: int) -> HttpResponse:
    """撰写答复: save, regenerate the notice from the outcome's template, or send to review."""
    application = _handled(request, pk)
    reply = reply_drafts.editable_reply(application)
    if reply is None:
        messages.error(request, _("答复送审后或办结后不能修改。"))
        return redirect("disclosure_applications_admin:handle", pk)
    initial = {"outcome": reply.outcome, "notice": reply.notice} if reply.pk else {}
    form = ReplyForm(request.POST or None, request.FILES or None, reply=reply, initial=initial)
    if request.method == "POST" and form.is_valid():
        data, action = form.cleaned_data, request.POST.get("action", "save")
        notice = data["notice"]
        if action == "draft" or not notice.strip():
            notice = draft_notice(application, data["outcome"], timezone.localdate())
        try:
            reply_drafts.save_draft(
                application, outcome=data["outcome"], notice=notice, user=request.user,
                uploads=data["documents"], remove=[doc.pk for doc in data.get("remove") or []],
            )  # fmt: skip
            if action == "submit":
                reply_drafts.submit(application, request.user)
        except release.ReleaseRefused as refusal:
            messages.error(request, str(refusal))
            return redirect("disclosure_applications_admin:reply", pk)
        if action == "submit":
            messages.success(request, _("答复已送保密审查，审查通过后申请人才能看到。"))
            return redirect("disclosure_applications_admin:handle", pk)
        messages.success(request, _("答复已保存。"))
        return redirect("disclosure_applications_admin:reply", pk)
    context = {"application": application, "reply": reply if reply.pk else None, "form": form}
    return TemplateResponse(request, "disclosure_applications/admin/reply.html", context)


def review_list(request: HttpRequest) -> HttpResponse:
    """答复审查: every reply waiting for review, oldest first; one's own are marked, not offered."""
    if not request.user.has_perm(REVIEW_PERMISSION):
        raise PermissionDenied
    replies = (
        Reply.objects.filter(application__status=Status.REPLY_IN_REVIEW)
        .select_related("application__organisation")
        .prefetch_related("authors")
        .order_by("submitted_at", "pk")
    )
    rows = [(reply, request.user not in reply.authors.all()) for reply in replies]
    return TemplateResponse(request, "disclosure_applications/admin/review_list.html", {"rows": rows})


def review(request: HttpRequest, pk: int) -> HttpResponse:
    """The reply under review, its pre-screen warnings, and the decision (four eyes)."""
    if not request.user.has_perm(REVIEW_PERMISSION):
        raise PermissionDenied
    reply = get_object_or_404(
        Reply.objects.select_related("application__organisation"),
        application_id=pk,
        application__status=Status.REPLY_IN_REVIEW,
    )
    form = ReviewForm(request.POST or None, initial={"seen": release.fingerprint(reply)})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["decision"] == "approve":
                reply_reviews.approve(
                    reply, request.user, checklist=data["checklist"], acknowledged=data["acknowledge_findings"],
                    comment=data["comment"], seen=data["seen"],
                )  # fmt: skip
                messages.success(request, _("审查通过，答复已发出。"))
            else:
                reply_reviews.reject(reply, request.user, comment=data["comment"])
                messages.success(request, _("已退回修改。"))
        except release.ReleaseRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            return redirect("disclosure_applications_admin:review_list")
    context = {
        "reply": reply,
        "application": reply.application,
        "documents": reply.documents.all(),
        "findings": reply_reviews.findings(reply),
        "article": Outcome(reply.outcome).article,
        "may_review": reply_reviews.may_review(reply, request.user),
        "form": form,
    }
    return TemplateResponse(request, "disclosure_applications/admin/review.html", context)


def document(request: HttpRequest, pk: int) -> FileResponse:
    """A reply document, for the body's handlers and for reviewers."""
    document = get_object_or_404(ReplyDocument.objects.select_related("reply"), pk=pk)
    handles = applications_for(request.user).filter(pk=document.reply.application_id).exists()
    if not (handles or request.user.has_perm(REVIEW_PERMISSION)):
        raise Http404
    return file_response(document)
