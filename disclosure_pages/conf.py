"""The add-on's own settings, each with a documented default (see README)."""

from __future__ import annotations

from typing import Any

from django.conf import settings

DEFAULTS: dict[str, Any] = {
    # 索引号 format used when a site has not set its own (placeholders: org_code,
    # year, month, seq). Like gov.cn: 000014349/2024-00001.
    "DISCLOSURE_INDEX_NUMBER_FORMAT": "{org_code}/{year}-{seq:05d}",
    # Catalog listing page size, and the largest size a visitor may ask for.
    "DISCLOSURE_CATALOG_PAGE_SIZE": 20,
    "DISCLOSURE_CATALOG_MAX_PAGE_SIZE": 100,
    # Template every public disclosure page extends; a host site may point it at its own.
    "DISCLOSURE_BASE_TEMPLATE": "disclosure_pages/base.html",
    # Four eyes (审核与发布分离): when True, an author may review their own content and a
    # reviewer may sign off what they reviewed. For emergencies only; every use is logged
    # (audit log ``disclosure_pages.four_eyes_override`` and a warning) and the admin
    # shows a banner while it is on.
    "DISCLOSURE_ALLOW_SINGLE_PERSON_EMERGENCY": False,
    # The public page cache (public_cache/): how long a copy may live at most (0 turns the
    # cache off), which of CACHES holds it, cookies that do not make a request personal
    # (besides the CSRF and language ones) and the host's own models ("app_label.Model")
    # whose changes citizens can see on the add-on's pages.
    "DISCLOSURE_PUBLIC_CACHE_SECONDS": 600,
    "DISCLOSURE_PUBLIC_CACHE_ALIAS": "default",
    "DISCLOSURE_PUBLIC_CACHE_COOKIES": (),
    "DISCLOSURE_PUBLIC_CACHE_MODELS": (),
    # With a front-end cache (WAGTAILFRONTENDCACHE): the s-maxage of public responses, the
    # longest a change no signal announces (the ORM, SQL) stays in it (public_cache/frontend.py).
    "DISCLOSURE_FRONTEND_CACHE_SECONDS": 300,
}


def get_setting(name: str) -> Any:
    return getattr(settings, name, DEFAULTS[name])
