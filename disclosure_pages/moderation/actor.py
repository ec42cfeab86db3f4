"""Who is acting: the person behind a model-layer check that Wagtail gives no user.

Signals (``pre_save`` of a page, ``m2m_changed`` of a user's groups) carry no user.
``ActorMiddleware`` makes the request's user known for the request; code that acts for
someone wraps the work in ``acting_as(user)``. Commands, ``publish_scheduled`` and
imports have no actor: they are not a person acting, and the people rules skip them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.http import HttpRequest, HttpResponse

# A callable so that the request's user is read when needed (a login in the same
# request changes it), not when the request starts.
_actor: ContextVar[Callable[[], object] | None] = ContextVar("disclosure_actor", default=None)
# The request itself, for what the people it acts for are told (confirmations.py).
_request: ContextVar[HttpRequest | None] = ContextVar("disclosure_request", default=None)


def current_actor():
    """The authenticated user acting now, or None (code, commands, anonymous visitors)."""
    getter = _actor.get()
    user = getter() if getter is not None else None
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return user


def current_request() -> HttpRequest | None:
    """The request being answered, or None outside one (commands, scheduled publishing)."""
    return _request.get()


def code_is_acting() -> bool:
    """Whether the running code said it acts for no person (``acting_as(None)``)."""
    getter = _actor.get()
    return getter is not None and getter() is None


@contextmanager
def acting_as(user) -> Iterator[None]:
    """Run the block as ``user`` (None: as code, which no people rule refuses)."""
    token = _actor.set(lambda: user)
    try:
        yield
    finally:
        _actor.reset(token)


class ActorMiddleware:
    """Makes ``request.user`` the actor of everything the request does.

    Place it after ``AuthenticationMiddleware`` and before ``ModerationMiddleware``.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _actor.set(lambda: getattr(request, "user", None))
        request_token = _request.set(request)
        try:
            return self.get_response(request)
        finally:
            _request.reset(request_token)
            _actor.reset(token)
