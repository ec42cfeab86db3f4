"""Serves citizens' GETs from the public cache (see the package's docstring).

Goes right after ``LocaleMiddleware`` (the key holds the reader's language); what the
middleware after it adds to a response (CSP, frame options) is kept with the copy.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from . import store

HEADER = "X-Disclosure-Cache"


class PublicCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not (store.may_answer(request) and store.serves_public_pages(request)):
            return self.get_response(request)
        generation = store.current_generation()
        cache_key = store.key(request, generation) if generation is not None else None
        if cache_key is None:
            return self.get_response(request)
        cached = store.get(cache_key)
        if cached is not None:
            cached[HEADER] = "hit"
            return cached
        response = self.get_response(request)
        if store.may_keep(response):
            store.keep(cache_key, response)
            response[HEADER] = "miss"
        return response
