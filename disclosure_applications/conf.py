"""The application service's settings, each with a default (see README, "依申请公开")."""

from __future__ import annotations

from typing import Any

from django.conf import settings

DEFAULTS: dict[str, Any] = {
    # Applications one client (address) may submit, and the window in seconds.
    "DISCLOSURE_APPLICATION_RATE": (5, 600),
    # Status queries one client may make in the window (guessing query codes is pointless).
    "DISCLOSURE_APPLICATION_QUERY_RATE": (30, 600),
    # Days after an application is closed before ``erase_applicant_data`` removes the
    # applicant's personal data (the register's dates, outcome and statistics remain).
    "DISCLOSURE_APPLICATION_RETENTION_DAYS": 3 * 365,
}


def get_setting(name: str) -> Any:
    return getattr(settings, name, DEFAULTS[name])
