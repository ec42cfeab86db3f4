"""Per-client rate limits for the public form, the status query and the API.

Counted in the cache (Redis in production, shared by the workers) per client address as
django-ipware reads it behind the configured proxies; a fixed window is enough here.
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.http import HttpRequest
from ipware import get_client_ip

from .conf import get_setting


def allow(request: HttpRequest, scope: str, setting: str) -> bool:
    """Count one request of ``scope`` for this client; False once over the limit."""
    limit, window = get_setting(setting)
    address, _routable = get_client_ip(request)
    client = hashlib.sha256((address or "unknown").encode()).hexdigest()[:32]  # no address in cache keys
    key = f"disclosure_applications:throttle:{scope}:{client}"
    if cache.add(key, 1, window):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, window)
        return True
    return count <= limit
