"""Cached copies of public responses, keyed by the content generation.

A response is kept only when its view marked it public (:func:`mark_public`) and the request
could not have been anyone's but a citizen's: a GET with no session, no login, no message and
no other cookie than the CSRF and language ones, and the response sets no cookie (a CSRF token
in the page would be one citizen's).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language

from ..conf import get_setting
from . import frontend
from .models import ContentGeneration

PUBLIC_ATTRIBUTE = "disclosure_public"
CACHEABLE_VIEW = "disclosure_public_cache"
logger = logging.getLogger("disclosure_pages")


def mark_public(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """Lets the caches keep ``response`` when it can be anyone's: an anonymous citizen's plain GET
    (a session could hold a page password, and a front-end cache would then serve that page to all)."""
    user = getattr(request, "user", None)
    if (user is None or not user.is_authenticated) and is_anyones(request):
        setattr(response, PUBLIC_ATTRIBUTE, True)
        if frontend.enabled():  # how long a front-end cache may keep it without being told (frontend.py)
            patch_cache_control(response, public=True, max_age=0, s_maxage=get_setting("DISCLOSURE_FRONTEND_CACHE_SECONDS"))
    return response


def serves_public_pages(request: HttpRequest) -> bool:
    """Whether the view of the request's URL may give a public copy: Wagtail's page serving, or
    a view flagged with :func:`cacheable` (feeds, the sitemap); the others cost nothing extra."""
    from wagtail import views as wagtail_views  # it loads models: not while they are being loaded

    try:
        match = resolve(request.path_info, getattr(request, "urlconf", None))
    except Resolver404:
        return False
    return match.func is wagtail_views.serve or getattr(match.func, CACHEABLE_VIEW, False)


def cacheable(view: Callable) -> Callable:
    """Flags a view whose responses :func:`mark_public` may mark."""
    setattr(view, CACHEABLE_VIEW, True)
    return view


def allowed_cookies() -> set[str]:
    return {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME, *get_setting("DISCLOSURE_PUBLIC_CACHE_COOKIES")}


def is_anyones(request: HttpRequest) -> bool:
    """A GET carrying nothing that could make its page one person's: no login, no session, no message."""
    return (
        request.method == "GET"
        and "HTTP_AUTHORIZATION" not in request.META
        and set(request.COOKIES) <= allowed_cookies()
    )


def may_answer(request: HttpRequest) -> bool:
    """A request the cache may answer."""
    return get_setting("DISCLOSURE_PUBLIC_CACHE_SECONDS") > 0 and is_anyones(request)


def may_keep(response: HttpResponse) -> bool:
    return (
        getattr(response, PUBLIC_ATTRIBUTE, False)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


def current_generation() -> str | None:
    """The committed content generation's token, or None where the table is missing (before ``migrate``)."""
    try:
        return ContentGeneration.objects.values_list("token", flat=True).get(pk=1)
    except (ContentGeneration.DoesNotExist, DatabaseError):
        return None


def key(request: HttpRequest, generation: str) -> str | None:
    try:
        host = request.get_host()
    except DisallowedHost:
        return None  # the view answers it, as without the cache
    digest = hashlib.sha256(f"{host}\n{request.get_full_path()}".encode()).hexdigest()
    return f"disclosure:public:{generation}:{get_language()}:{digest}"


def cache() -> Any:
    return caches[get_setting("DISCLOSURE_PUBLIC_CACHE_ALIAS")]


def get(cache_key: str) -> HttpResponse | None:
    """The copy, or None; a cache that fails costs speed, never the page."""
    try:
        return cache().get(cache_key)
    except Exception:  # any backend's own errors (Redis down, say)
        logger.warning("Public cache unavailable: serving %s uncached", cache_key, exc_info=True)
        return None


def keep(cache_key: str, response: HttpResponse) -> None:
    try:
        cache().set(cache_key, response, get_setting("DISCLOSURE_PUBLIC_CACHE_SECONDS"))
    except Exception:
        logger.warning("Public cache unavailable: %s not kept", cache_key, exc_info=True)
