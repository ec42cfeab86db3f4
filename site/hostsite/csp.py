"""One Content-Security-Policy for citizens, a looser one for the Wagtail admin.

The public pages run no inline script or style, so ``CONTENT_SECURITY_POLICY`` keeps
them strict. Wagtail's admin still writes inline styles and a few inline scripts and
shows previews in frames of its own origin; its paths (and the REST API's docs, for
admin users only) get ``DISCLOSURE_ADMIN_CSP`` in place of those directives. A view's
own ``@csp_replace`` still wins.
"""

from __future__ import annotations

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.urls import NoReverseMatch, reverse


def admin_prefixes() -> tuple[str, ...]:
    """Paths under the admin's policy: the Wagtail admin and the API's docs."""
    prefixes = []
    for name in ("wagtailadmin_home", "wagtailapi_v3:openapi-view", "wagtailapi_v3:openapi-json"):
        try:
            prefixes.append(reverse(name))
        except NoReverseMatch:
            continue
    return tuple(prefixes)


class PortalCSPMiddleware(CSPMiddleware):
    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if request.path_info.startswith(admin_prefixes()):
            admin = getattr(settings, "DISCLOSURE_ADMIN_CSP", {})
            parts.replace = {**admin, **(parts.replace or {})}
        return parts
