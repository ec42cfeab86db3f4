"""The citizen's side: apply (no account, no JavaScript), the receipt, and the status query."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods

from disclosure_pages.conf import get_setting as get_pages_setting
from disclosure_pages.portal.lookup import portal_for_request

from . import register
from .charts import bars
from .downloads import file_response, unsign
from .forms import ApplicationForm, StatisticsForm
from .models import Application
from .public import public_events, reply_data
from .release import released_document
from .statistics import summary
from .throttle import allow

_RECEIPT = "disclosure_applications_receipt"


def _render(request: HttpRequest, template: str, context: dict, status: int = 200) -> HttpResponse:
    context |= {"base_template": get_pages_setting("DISCLOSURE_BASE_TEMPLATE"), "portal": portal_for_request(request)}
    return TemplateResponse(request, f"disclosure_applications/{template}", context, status=status)


@sensitive_post_parameters()  # an error report never carries an applicant's data
@require_http_methods(["GET", "POST"])
def apply(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _render(request, "apply.html", {"form": ApplicationForm()})
    form = ApplicationForm(request.POST, request.FILES)
    if not allow(request, "apply", "DISCLOSURE_APPLICATION_RATE"):
        form.is_valid()  # keep what was typed, with field errors if any
        form.add_error(None, _("提交过于频繁，请稍后再试。您填写的内容已保留。"))
        return _render(request, "apply.html", {"form": form}, status=429)
    if not form.is_valid():
        return _render(request, "apply.html", {"form": form}, status=400)
    application = form.save(commit=False)
    code = register.receive(application)
    register.send_receipt(application, code)
    request.session[_RECEIPT] = {"number": application.number, "code": code}
    return redirect(reverse("disclosure_applications:receipt"))


@require_GET
def receipt(request: HttpRequest) -> HttpResponse:
    """The number and query code, once: a reload or a shared link shows the query form."""
    shown = request.session.pop(_RECEIPT, None)
    if not shown:
        return redirect(reverse("disclosure_applications:track"))
    application = register.find(shown["number"], shown["code"])
    return _render(request, "receipt.html", {"application": application, "code": shown["code"]})


@sensitive_post_parameters("code")
@require_http_methods(["GET", "POST"])
def track(request: HttpRequest) -> HttpResponse:
    """The query form (GET, the number may be prefilled) and the answer (POST: the query
    code stays out of addresses, server logs, browser history and Referer headers)."""
    if request.method != "POST":
        return _render(request, "track.html", {"number": request.GET.get("number", "").strip()[:20]})
    number = request.POST.get("number", "").strip()[:20]
    code = request.POST.get("code", "").strip()[:20]
    context: dict = {"number": number}
    if not allow(request, "track", "DISCLOSURE_APPLICATION_QUERY_RATE"):
        context["error"] = _("查询过于频繁，请稍后再试。")
        return _render(request, "track.html", context, status=429)
    application = register.find(number, code) if number and code else None
    if application is None:
        context["error"] = _("受理编号或查询码不正确。")
        return _render(request, "track.html", context, status=404 if number and code else 400)
    context |= {"application": application, "events": public_events(application), "reply": reply_data(application)}
    response = _render(request, "status.html", context)
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def reply_document(request: HttpRequest, token: str):
    """A document of a released reply, through a signed link from the status page."""
    ids = unsign(token)
    application = Application.objects.filter(pk=ids[0]).first() if ids else None
    document = released_document(application, ids[1]) if application else None
    if document is None:
        raise Http404
    return file_response(document)


@require_GET
def statistics(request: HttpRequest) -> HttpResponse:
    """Public figures of one body and year, as a chart and as a table."""
    form = StatisticsForm(request.GET or None)
    context: dict = {"form": form}
    if form.is_bound and form.is_valid():
        organisation, year = form.cleaned_data["organisation"], form.cleaned_data["year"]
        figures = summary(organisation.pk, year, timezone.localdate())
        context |= {"organisation": organisation, "year": year, "figures": figures, "bars": bars(figures)}
    status = 400 if form.is_bound and not form.is_valid() else 200
    return _render(request, "statistics.html", context, status=status)
