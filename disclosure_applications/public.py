"""What an applicant (and the API) may see of an application: no personal data but a masked name,
and the reply only once released (:mod:`.release`)."""

from __future__ import annotations

from typing import Any

from .downloads import signed_url
from .models import Application, ApplicationEvent
from .release import released_reply

#: Steps the applicant is told about; internal notes never leave the office.
PUBLIC_KINDS = {
    ApplicationEvent.Kind.RECEIVED,
    ApplicationEvent.Kind.CORRECTION_REQUESTED,
    ApplicationEvent.Kind.CORRECTED,
    ApplicationEvent.Kind.EXTENDED,
    ApplicationEvent.Kind.CONSULTATION_STARTED,
    ApplicationEvent.Kind.CONSULTATION_ENDED,
    ApplicationEvent.Kind.ANSWERED,
    ApplicationEvent.Kind.WITHDRAWN,
    ApplicationEvent.Kind.LAPSED,
}

#: Steps whose note is the notice the applicant received (what to correct, why extended).
NOTICE_KINDS = {ApplicationEvent.Kind.CORRECTION_REQUESTED, ApplicationEvent.Kind.EXTENDED}


def public_events(application: Application) -> list[ApplicationEvent]:
    return [event for event in application.events.all() if event.kind in PUBLIC_KINDS]


def reply_data(application: Application) -> dict[str, Any] | None:
    """The released reply with its download links, or None."""
    reply = released_reply(application)
    if reply is None:
        return None
    return {
        "outcome": reply.outcome,
        "outcome_label": str(reply.get_outcome_display()),
        "notice": reply.notice,
        "released": reply.released_on.isoformat(),
        "documents": [
            {"title": doc.title, "size": doc.size, "url": signed_url(application, doc)} for doc in reply.documents.all()
        ],
    }


def status_data(application: Application) -> dict[str, Any]:
    """The JSON the status API returns."""
    return {
        "number": application.number,
        "status": application.status,
        "status_label": str(application.get_status_display()),
        "organisation": application.organisation.name,
        "applicant": application.masked_name,
        "received": application.received_on.isoformat(),
        "due": application.due_on.isoformat() if application.due_on else None,
        "due_provisional": application.due_provisional,
        "outcome": application.outcome or None,
        "events": [
            {
                "kind": event.kind,
                "label": str(event.get_kind_display()),
                "date": event.date.isoformat(),
                "notice": event.note if event.kind in NOTICE_KINDS else "",
                "days": event.days if event.kind in NOTICE_KINDS else 0,
            }
            for event in public_events(application)
        ],
        "reply": reply_data(application),
    }
