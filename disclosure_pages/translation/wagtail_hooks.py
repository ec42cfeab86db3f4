"""Admin hooks of translations: the page header button and URL of "translate with OpenCC, with subpages"."""

from __future__ import annotations

from typing import Any

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import ListingButton

from .views import may_translate, target_locales, translate_section_view


def _translate_section_button(page: Any, user: Any, view_name: str | None = None, next_url: str | None = None):
    if may_translate(user, page) and target_locales(page):
        yield ListingButton(
            _("机器翻译（含下级页面）"),
            reverse("disclosure_translate_section", args=[page.pk]),
            priority=61,
            icon_name="wagtail-localize-language",
        )


# On the page's own header only: in a listing, the checks would cost queries on every row.
hooks.register("register_page_header_buttons", _translate_section_button)


@hooks.register("register_admin_urls")
def _translate_section_urls() -> list:
    return [path("disclosure/translate/<int:page_id>/", translate_section_view, name="disclosure_translate_section")]
