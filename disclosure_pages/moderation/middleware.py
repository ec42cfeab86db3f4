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
from django.utils.http import url_has_allowed_host_and_scheme

from .guard import ModerationRefusal, log_refusal

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
REFUSAL_ATTR = "_disclosure_moderation_refusal"


class ModerationMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method in SAFE_METHODS:
            return self.get_response(request)
        with transaction.atomic():
            response = self.get_response(request)
            if getattr(request, REFUSAL_ATTR, None) is not None:
                transaction.set_rollback(True)
        refusal = getattr(request, REFUSAL_ATTR, None)
        if refusal is not None:
            log_refusal(refusal, getattr(request, "user", None))
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, ModerationRefusal):
            return None
        setattr(request, REFUSAL_ATTR, exception)
        wants_json = (
            "/api/" in request.path
            or request.content_type == "application/json"
            or "application/json" in request.headers.get("Accept", "")
        )
        if wants_json:
            return JsonResponse({"error": exception.message, "code": "unreviewed_publication"}, status=403)
        from wagtail.admin import messages

        messages.error(request, exception.message)
        return redirect(self.back_url(request, exception))

    @staticmethod
    def back_url(request: HttpRequest, exception: ModerationRefusal) -> str:
        referer = request.headers.get("Referer", "")
        if referer and url_has_allowed_host_and_scheme(referer, {request.get_host()}, request.is_secure()):
            return referer
        page = exception.page
        if page is not None and page.pk:
            from django.urls import reverse

            return reverse("wagtailadmin_pages:edit", args=(page.pk,))
        return "/admin/"
