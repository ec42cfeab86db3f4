"""Behaviour every disclosure page type shares, as an abstract mixin a host can reuse."""

from __future__ import annotations

from django.db import models
from django.utils.functional import cached_property

from .conf import get_setting


class DisclosurePageMixin(models.Model):
    """Marks a page as government information subject to disclosure rules.

    Gives templates the portal the page belongs to (for the left navigation) and the
    base template configured by ``DISCLOSURE_BASE_TEMPLATE``.
    """

    is_disclosure_page = True

    class Meta:
        abstract = True

    @cached_property
    def disclosure_portal(self):
        from .portal.models import DisclosurePortalPage

        if isinstance(self, DisclosurePortalPage):
            return self
        return (
            DisclosurePortalPage.objects.ancestor_of(self).live().order_by("-depth").first()
        )

    def fingerprint_content(self, content: dict) -> dict:
        """The content as the confidentiality fingerprint sees it.

        A page type whose validation rewrites equivalent values (numbers typed as text)
        normalises them here, so that approving a draft and publishing it agree.
        """
        return content

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["base_template"] = get_setting("DISCLOSURE_BASE_TEMPLATE")
        context["portal"] = self.disclosure_portal
        return context

