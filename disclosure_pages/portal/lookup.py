"""The portal a request belongs to: for the navigation of views that are not pages."""

from __future__ import annotations

from django.http import HttpRequest
from wagtail.models import Site

from ..visibility import visible
from .models import DisclosurePortalPage


def portal_for_request(request: HttpRequest) -> DisclosurePortalPage | None:
    """The site root if it is a portal, else its first live portal child."""
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    root = site.root_page.specific
    if isinstance(root, DisclosurePortalPage):
        return root
    return visible(DisclosurePortalPage.objects.child_of(root)).order_by("path").first()
