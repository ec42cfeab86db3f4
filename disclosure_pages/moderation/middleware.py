"""Turns a moderation refusal into a clear message with nothing changed, for every request.

Unsafe requests run in one transaction; when the moderation rules refuse something part
way (say the third page of a bulk publish), the whole request is rolled back, the refusal
is written to the audit log afterwards, and the user sees why — a message and a redirect
in the admin, a JSON 403 for APIs.
"""

from __future__ import annotations

from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail.admin import messages

from .guard import ModerationRefusal, collect_refusals, log_refusal, stop_collecting

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


class ModerationMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method in SAFE_METHODS:
            return self.get_response(request)
        refusals, token = collect_refusals()
        try:
            with transaction.atomic():
                response = self.get_response(request)
                if refusals:
                    # Refused part way (or refused and handled by the view): undo it all.
                    transaction.set_rollback(True)
            if refusals and not getattr(response, "is_moderation_refusal", False):
                # A view turned the refusal into its own generic answer (Wagtail's
                # "no permission" redirect, an API's 403): say what actually happened.
                response = self.refusal_response(request, refusals[0])
        except ModerationRefusal as refusal:
            # Raised by an on-commit callback (wagtail-localize publishes translations
            # after the commit): what was committed is a draft; the publication is refused.
            response = self.refusal_response(request, refusal)
        finally:
            stop_collecting(token)
        for refusal in dict.fromkeys(refusals):
            log_refusal(refusal, getattr(request, "user", None))
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, ModerationRefusal):
            return None
        return self.refusal_response(request, exception)

    def refusal_response(self, request: HttpRequest, exception: ModerationRefusal) -> HttpResponse:
        if request.headers.get("x-requested-with") == "XMLHttpRequest" and "/api/" not in request.path:
            # Wagtail's modal workflow reads JSON: send it to a page that shows the message.
            messages.error(request, exception.message)
            response = JsonResponse({"step": "success", "redirect": self.back_url(request, exception)})
            response.is_moderation_refusal = True
            return response
        wants_json = (
            "/api/" in request.path
            or request.content_type == "application/json"
            or "application/json" in request.headers.get("Accept", "")
        )
        if wants_json:
            response = JsonResponse({"error": exception.message, "code": "unreviewed_publication"}, status=403)
        else:
            messages.error(request, exception.message)
            response = redirect(self.back_url(request, exception))
        response.is_moderation_refusal = True
        return response

    @staticmethod
    def back_url(request: HttpRequest, exception: ModerationRefusal) -> str:
        referer = request.headers.get("Referer", "")
        if referer and url_has_allowed_host_and_scheme(referer, {request.get_host()}, request.is_secure()):
            return referer
        page = exception.page
        if page is not None and page.pk:
            return reverse("wagtailadmin_pages:edit", args=(page.pk,))
        return "/admin/"
