"""The webmasters' view of the search engines: which one answers citizens now, and a check.

Each configured backend is listed with its outage record (:mod:`.outage`); 立即检查 runs a
one-word search on each and times it. A failure found here opens the outage window as a
citizen's search would; a success closes it.
"""

from __future__ import annotations

import dataclasses
import datetime
import time

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_http_methods
from modelsearch.conf import get_app_config

from . import outage
from .query import build_query, query_word_sets
from .retrieval import find

PROBE_WORD = "信息公开"
PERMISSION = "disclosure_search.change_searchsynonym"  # the webmasters who keep the vocabulary


@dataclasses.dataclass(frozen=True)
class EngineState:
    name: str
    backend: str
    outage: outage.Outage | None
    checked_ms: float | None = None
    check_error: str = ""

    @property
    def since(self) -> datetime.datetime | None:
        return _when(self.outage.since) if self.outage else None

    @property
    def retry_at(self) -> datetime.datetime | None:
        return _when(self.outage.retry_at) if self.outage else None


def _when(epoch: float) -> datetime.datetime:
    return datetime.datetime.fromtimestamp(epoch, tz=datetime.UTC).astimezone(timezone.get_current_timezone())


def check(name: str) -> tuple[float, str]:
    """(milliseconds, error or "") of one search for :data:`PROBE_WORD` on backend ``name``."""
    started = time.perf_counter()
    try:
        find(name, query_word_sets(PROBE_WORD), build_query(PROBE_WORD), None, sort="relevance", page=1, page_size=1)
    except Exception as error:
        outage.failed(name, error)
        return (time.perf_counter() - started) * 1000, f"{type(error).__name__}: {error}"[:300]
    outage.answered(name, outage.current(name))
    return (time.perf_counter() - started) * 1000, ""


@require_http_methods(["GET", "POST"])
def health_view(request):
    if not (request.user.is_superuser or request.user.has_perm(PERMISSION)):
        raise PermissionDenied
    engines = []
    for name, params in get_app_config().get_search_backend_config().items():
        checked_ms, error = check(name) if request.method == "POST" else (None, "")
        engines.append(EngineState(name, str(params.get("BACKEND", "")), outage.current(name), checked_ms, error))
    answering = next((e.name for e in engines if e.outage is None), None)
    context = {"engines": engines, "answering": answering, "window": outage.window()}
    return TemplateResponse(request, "disclosure_search/admin/health.html", context)
