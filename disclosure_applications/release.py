"""The one home of "the applicant may see this reply".

A reply is released when its latest review is an approval of exactly its current content
(the fingerprint of outcome, notice and each document's bytes) by someone who wrote none
of it. The status page, the API and the download view ask :func:`released_reply` and
:func:`released_document` and nothing else; a document is served only while its bytes
still hash to what was reviewed. Writing a reply is in :mod:`.reply_drafts`, reviewing
it in :mod:`.reply_reviews`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable

from django.core.files.uploadedfile import UploadedFile

from disclosure_pages.moderation.models import Outcome as ReviewOutcome

from .choices import Status
from .models import Application
from .replies import Reply, ReplyDocument


class ReleaseRefused(ValueError):
    """A reply step the rules do not allow; nothing was written, the message says why."""


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
