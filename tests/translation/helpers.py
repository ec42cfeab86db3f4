"""What an editor and a reviewer do with translations, for the translation tests."""

from __future__ import annotations

from wagtail.models import Locale, Page

from disclosure_pages.translation.section import translate_section
from tests import factories


def translate(page: Page, user, locale: Locale) -> list[Page]:
    """Translate ``page`` and its subpages in one action (OpenCC), then review and publish each."""
    published = []
    for target in translate_section(page, locale, user, submit=False):
        revision = Page.objects.get(pk=target.pk).get_latest_revision()
        factories.approve(revision)
        revision.publish()
        published.append(target)
    return published
