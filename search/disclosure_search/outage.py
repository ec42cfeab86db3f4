"""When the search engine is down, one request per window waits for it, not every citizen.

A failure of the configured engine (Elasticsearch, OpenSearch) is remembered in the
default cache (Redis in production, so every worker knows): for
``DISCLOSURE_SEARCH_OUTAGE_WINDOW`` seconds (default 60) searches go straight to the
database engine, with the notice. After the window one request (whichever takes the
probe) tries the engine again; the others keep using the database until it answers.
The record outlives the window so that the webmasters' health view can say since when.
A cache that fails (Redis down) only loses this memory: searches still answer.
"""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger("disclosure_search")
T = TypeVar("T")

DEFAULT_WINDOW = 60
_KEY = "disclosure_search:outage:{name}"
_PROBE = "disclosure_search:outage-probe:{name}"


@dataclasses.dataclass(frozen=True)
class Outage:
    since: float  # first failure of this outage (epoch seconds)
    last_failure: float
    failures: int
    error: str

    @property
    def retry_at(self) -> float:
        return self.last_failure + window()


def window() -> int:
    return max(1, int(getattr(settings, "DISCLOSURE_SEARCH_OUTAGE_WINDOW", DEFAULT_WINDOW)))


def _cached(action: Callable[[], T], default: T) -> T:
    try:
        return action()
    except Exception:
        logger.warning("The cache failed; the search engine's outage window is not applied", exc_info=True)
        return default


def current(name: str) -> Outage | None:
    """The engine's outage as last seen, or None when it last answered."""
    stored = _cached(lambda: cache.get(_KEY.format(name=name)), None)
    return Outage(**stored) if isinstance(stored, dict) else None


def may_try(name: str, outage: Outage | None) -> bool:
    """Whether this request should ask the engine (``outage`` as :func:`current` gave it):
    always when it is up; after the window, one request at a time."""
    if outage is None:
        return True
    if time.time() < outage.retry_at:
        return False
    return _cached(lambda: cache.add(_PROBE.format(name=name), True, timeout=window()), True)


def failed(name: str, error: BaseException) -> Outage:
    now = time.time()
    previous = current(name)
    outage = Outage(
        since=previous.since if previous else now,
        last_failure=now,
        failures=(previous.failures if previous else 0) + 1,
        error=f"{type(error).__name__}: {error}"[:300],
    )
    # Kept well beyond the window, for the health view; may_try reads retry_at, not the expiry.
    _cached(lambda: cache.set(_KEY.format(name=name), dataclasses.asdict(outage), timeout=window() * 60), None)
    _cached(lambda: cache.delete(_PROBE.format(name=name)), None)
    return outage


def answered(name: str, outage: Outage | None) -> None:
    """The engine answered: forget the outage (one cache read per search when there was none)."""
    if outage is not None:
        _cached(lambda: cache.delete_many([_KEY.format(name=name), _PROBE.format(name=name)]), None)
