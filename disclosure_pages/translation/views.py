"""The admin action "translate with OpenCC, with subpages" (see section.py)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Locale, Page
from wagtail_localize.machine_translators import get_machine_translator

from .section import translate_section


def target_locales(page: Any) -> list[Locale]:
    """The locales the machine translator can translate ``page`` into."""
    translator = get_machine_translator()
    if translator is None:
        return []
    return [locale for locale in Locale.objects.exclude(pk=page.locale_id) if translator.can_translate(page.locale, locale)]


def may_translate(user: Any, page: Any) -> bool:
    return bool(
        not page.is_root()
        and user.has_perm("wagtail_localize.submit_translation")
        and page.permissions_for_user(user).can_edit()
    )


def translate_section_view(request: HttpRequest, page_id: int) -> HttpResponse:
    page = get_object_or_404(Page, pk=page_id).specific
    locales = target_locales(page)
    if not may_translate(request.user, page) or not locales:
        raise PermissionDenied
    if request.method == "POST":
        locale = next((each for each in locales if str(each.pk) == request.POST.get("locale")), None)
        if locale is None:
            messages.error(request, _("请选择要翻译成的语言。"))
        else:
            translated = translate_section(page, locale, request.user)
            messages.success(
                request,
                ngettext(
                    "已生成 %(count)d 个%(language)s页面的草稿并提交审核；审核通过并签发后才会发布。",
                    "已生成 %(count)d 个%(language)s页面的草稿并提交审核；审核通过并签发后才会发布。",
                    len(translated),
                )
                % {"count": len(translated), "language": locale.get_display_name()},
            )
            return redirect("wagtailadmin_explore", translated[0].get_parent().pk if translated else page.pk)
    descendants = page.get_descendants().count()
    return TemplateResponse(
        request,
        "disclosure_pages/translation/translate_section.html",
        {"page": page, "locales": locales, "descendants": descendants, "action": reverse("disclosure_translate_section", args=[page.pk])},
    )
