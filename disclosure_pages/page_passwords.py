"""Password-protected pages throttled like the admin login, by django-axes.

Wagtail checks a page's shared password in ``wagtail.views.authenticate_with_password``
without calling ``authenticate()``, so axes never sees those attempts and anyone could
try passwords without limit. This wrapper reports each wrong password to axes
(``user_login_failed`` with the request, the way Django's login does) and asks axes
before checking a password, so the same lockout rules apply: a client is locked out of
one restriction (the "username" axes counts is ``page-restriction:<id>``) after
``AXES_FAILURE_LIMIT`` wrong passwords, for ``AXES_COOLOFF_TIME``; other clients and
other restrictions are unaffected. The count starts again after a right password.

The host mounts :data:`urlpatterns` inside ``i18n_patterns`` before Wagtail's URLs, so
that it answers the same path in every language and Wagtail's own view is not reachable.
Without django-axes installed the view is Wagtail's.
"""

from __future__ import annotations

from django.apps import apps
from django.contrib.auth.signals import user_login_failed
from django.http import HttpRequest, HttpResponse
from django.urls import path
from wagtail import views as wagtail_views


def credentials_for(page_view_restriction_id: int) -> dict[str, str]:
    """What axes counts failures against, together with the client's address."""
    return {"username": f"page-restriction:{page_view_restriction_id}"}


def authenticate_with_password(request: HttpRequest, page_view_restriction_id: int, page_id: int) -> HttpResponse:
    if request.method != "POST" or not apps.is_installed("axes"):
        return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    # django-axes is optional: imported only when installed.
    from axes.handlers.proxy import AxesProxyHandler
    from axes.helpers import get_lockout_response

    credentials = credentials_for(page_view_restriction_id)
    if not AxesProxyHandler.is_allowed(request, credentials):
        return get_lockout_response(request, None, credentials)
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    if response.status_code in (301, 302):  # the password was right: Wagtail redirects to the page
        AxesProxyHandler.reset_attempts(
            ip_address=request.axes_ip_address, username=credentials["username"]  # type: ignore[attr-defined]
        )
    elif response.status_code == 200:  # the form again: a wrong password
        user_login_failed.send(sender=__name__, credentials=credentials, request=request)
        if getattr(request, "axes_locked_out", False):
            return get_lockout_response(request, response, credentials)
    return response


urlpatterns = [
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
]
