"""How a reply document leaves the server: signed, short-lived links and a private download.

The applicant reaches the status page with the number and query code; its download links
carry a signature instead of the code, valid for a day, so that the code never appears in
an address. Each download asks :mod:`.release` again: a link stops working the moment the
reply is no longer released or the file's bytes are no longer the reviewed ones.
"""

from __future__ import annotations

from django.core import signing
from django.http import FileResponse
from django.urls import reverse

from .models import Application
from .replies import ReplyDocument

SALT = "disclosure_applications.reply_document"
MAX_AGE = 24 * 3600


def signed_url(application: Application, document: ReplyDocument) -> str:
    token = signing.dumps([application.pk, document.pk], salt=SALT, compress=True)
    return reverse("disclosure_applications:reply_document", args=[token])


def unsign(token: str) -> tuple[int, int] | None:
    """(application id, document id) from a link, or None if forged, altered or expired."""
    try:
        value = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None
    if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) for v in value)):
        return None
    return value[0], value[1]


def file_response(document: ReplyDocument) -> FileResponse:
    """The file as an attachment that no shared cache keeps."""
    name = document.file.name.rsplit("/", 1)[-1]
    response = FileResponse(document.file.open("rb"), as_attachment=True, filename=name)
    response["Cache-Control"] = "private, no-store"
    return response
