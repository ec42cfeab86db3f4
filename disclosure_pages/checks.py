"""System checks for settings the add-on's guarantees depend on."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.urls import get_resolver
from django.utils.translation import gettext_lazy as _
from django.views.static import serve

SERVE_VIEW = "serve_view"


@register(Tags.security)
def check_document_serve_method(app_configs=None, **kwargs) -> list[Error]:
    """Documents must pass Wagtail's serve view, where unreviewed files are refused.

    ``redirect`` and ``direct`` hand out storage URLs that no check stands in front of;
    unset, Wagtail picks ``redirect`` for remote storages.
    """
    method = getattr(settings, "WAGTAILDOCS_SERVE_METHOD", None)
    if method == SERVE_VIEW:
        return []
    return [
        Error(
            _("WAGTAILDOCS_SERVE_METHOD 必须设为 \"serve_view\"（当前为 %(value)r）。") % {"value": method},
            hint=_("其他方式直接提供存储地址，未经保密审查的文件会绕过检查被下载。"),
            id="disclosure_pages.E001",
        )
    ]


@register(Tags.security, Tags.urls)
def check_media_not_served(app_configs=None, **kwargs) -> list[Error]:
    """No URL pattern may serve MEDIA_ROOT directly: uploads are public only after review."""
    media_root = str(getattr(settings, "MEDIA_ROOT", "") or "")
    found = []

    def walk(patterns) -> None:
        for pattern in patterns:
            if hasattr(pattern, "url_patterns"):
                walk(pattern.url_patterns)
            elif getattr(pattern, "callback", None) is serve:
                root = str((pattern.default_args or {}).get("document_root", ""))
                if media_root and root.rstrip("/") == media_root.rstrip("/"):
                    found.append(str(pattern.pattern))

    try:
        walk(get_resolver().url_patterns)
    except Exception:  # a broken URLconf is reported by Django's own checks
        return []
    return [
        Error(
            _("网址 %(pattern)s 直接提供 MEDIA_ROOT 中的文件。") % {"pattern": pattern},
            hint=_("上传的文件只能经 Wagtail 的文件下载视图提供，请删除该网址配置。"),
            id="disclosure_pages.E002",
        )
        for pattern in found
    ]
