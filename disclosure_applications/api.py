"""JSON API for provincial platforms: submit an application, query its status.

``POST /api/applications/`` takes the form's fields as JSON (``organisation`` is the
body's organisation code) and answers 201 with the number and query code; ``GET
/api/applications/<number>/?code=…`` answers the status without personal data. Bad input
is a 400 with errors per field, too many requests a 429; README "依申请公开" documents it.
"""

from __future__ import annotations

import json

from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_variables
from django.views.decorators.http import require_GET, require_POST

from . import register
from .choices import Channel
from .forms import ApplicationForm
from .public import status_data
from .throttle import allow

MAX_BODY_BYTES = 64 * 1024
#: Fields a client may send; anything else is an error, not silently dropped.
ACCEPTED = {
    "applicant_type", "name", "id_type", "id_number", "phone", "email", "address", "postcode",
    "organisation", "description", "delivery",
}  # fmt: skip


def _errors(errors: dict[str, list[str]], status: int = 400) -> JsonResponse:
    return JsonResponse({"errors": errors}, status=status, json_dumps_params={"ensure_ascii": False})


@csrf_exempt  # no cookies are read: a client proves nothing but the query code
@require_POST
@sensitive_variables()  # an error report never carries an applicant's data (innermost: it marks this frame)
def submit(request: HttpRequest) -> JsonResponse:
    if not allow(request, "apply", "DISCLOSURE_APPLICATION_RATE"):
        return _errors({"__all__": [_("提交过于频繁，请稍后再试。")]}, status=429)
    if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_BODY_BYTES:
        return _errors({"__all__": [_("请求过大。")]}, status=413)
    try:
        data = json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return _errors({"__all__": [_("请求正文应为 UTF-8 编码的 JSON 对象。")]})
    if not isinstance(data, dict):
        return _errors({"__all__": [_("请求正文应为 UTF-8 编码的 JSON 对象。")]})
    unknown = sorted(str(key) for key in data if key not in ACCEPTED)
    if unknown:
        return _errors({key: [_("不接受此字段。")] for key in unknown})
    wrong = [key for key, value in data.items() if isinstance(value, bool) or not isinstance(value, str | int)]
    if wrong:
        return _errors({key: [_("应为字符串。")] for key in wrong})
    data = {key: str(value) for key, value in data.items()}
    data.setdefault("id_type", "id_card" if data.get("applicant_type") == "natural_person" else "credit_code")
    form = ApplicationForm(data)
    if not form.is_valid():
        return _errors({field: [str(m) for m in messages] for field, messages in form.errors.items()})
    application = form.save(commit=False)
    application.channel = Channel.ONLINE
    code = register.receive(application)
    register.send_receipt(application, code)
    body = {"query_code": code, **status_data(application)}
    return JsonResponse(body, status=201, json_dumps_params={"ensure_ascii": False})


@require_GET
def status(request: HttpRequest, number: str) -> JsonResponse:
    if not allow(request, "track", "DISCLOSURE_APPLICATION_QUERY_RATE"):
        return JsonResponse({"detail": _("查询过于频繁，请稍后再试。")}, status=429)
    application = register.find(number, request.GET.get("code", "")[:40])
    if application is None:
        return JsonResponse(
            {"detail": _("受理编号或查询码不正确。")}, status=404, json_dumps_params={"ensure_ascii": False}
        )
    data = status_data(application)
    for document in (data["reply"] or {}).get("documents", []):
        document["url"] = request.build_absolute_uri(document["url"])
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = "private, no-store"
    return response
