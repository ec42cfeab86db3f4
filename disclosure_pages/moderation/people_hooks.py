"""Wagtail hooks of the people rules: audit-log labels and the emergency-override banner.

Imported from ``moderation/wagtail_hooks.py``.
"""

from __future__ import annotations

from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.log_actions import LogFormatter

from . import audit, four_eyes
from .grants import RoleGrantRefused


class _DataFormatter(LogFormatter):
    """A message built from the entry's data: who, and what was added or removed."""

    template = ""

    def format_message(self, log_entry) -> str:
        data = log_entry.data or {}
        parts = []
        if data.get("added"):
            parts.append(_("增加：%(items)s") % {"items": "、".join(data["added"])})
        if data.get("removed"):
            parts.append(_("移除：%(items)s") % {"items": "、".join(data["removed"])})
        return str(self.template) % {"subject": data.get("user") or data.get("group") or data.get("task") or ""} + "；".join(parts)


class MembershipFormatter(_DataFormatter):
    label = gettext_lazy("用户组成员变更")
    template = gettext_lazy("用户“%(subject)s”的用户组变更：")


class PermissionsFormatter(_DataFormatter):
    label = gettext_lazy("用户组权限变更")
    template = gettext_lazy("用户组“%(subject)s”的权限变更：")


class TaskGroupsFormatter(_DataFormatter):
    label = gettext_lazy("审核步骤用户组变更")
    template = gettext_lazy("审核步骤“%(subject)s”的用户组变更：")


class SuperuserFormatter(LogFormatter):
    label = gettext_lazy("超级管理员身份变更")

    def format_message(self, log_entry) -> str:
        data = log_entry.data or {}
        if data.get("is_superuser"):
            return _("授予用户“%(user)s”超级管理员身份") % {"user": data.get("user", "")}
        return _("取消用户“%(user)s”的超级管理员身份") % {"user": data.get("user", "")}


class OverrideFormatter(LogFormatter):
    label = gettext_lazy("紧急例外：一人完成审查与签发")

    def format_message(self, log_entry) -> str:
        return _("启用紧急例外设置放行：%(reason)s") % {"reason": (log_entry.data or {}).get("reason", "")}


@hooks.register("register_log_actions")
def register_people_log_actions(actions) -> None:
    actions.register_action(audit.MEMBERSHIP_ACTION)(MembershipFormatter)
    actions.register_action(audit.PERMISSIONS_ACTION)(PermissionsFormatter)
    actions.register_action(audit.TASK_GROUPS_ACTION)(TaskGroupsFormatter)
    actions.register_action(audit.SUPERUSER_ACTION)(SuperuserFormatter)
    actions.register_action(four_eyes.OVERRIDE_ACTION)(OverrideFormatter)
    actions.register_action(RoleGrantRefused.log_action, gettext_lazy("授予角色被拒绝"), gettext_lazy("授予角色被拒绝"))
    actions.register_action(
        four_eyes.REFUSED_ACTION, _("审核与发布分离：操作被拒绝"), _("审核与发布分离：操作被拒绝")
    )


class OverrideBanner(Component):
    """Shown on every dashboard while DISCLOSURE_ALLOW_SINGLE_PERSON_EMERGENCY is on."""

    name = "disclosure_four_eyes_override"
    order = 10

    def render_html(self, parent_context=None) -> str:
        return format_html(
            '<div class="help-block help-critical" role="alert" id="four-eyes-override-banner">'
            "<strong>{}</strong> {}</div>",
            _("紧急例外已开启："),
            _("DISCLOSURE_ALLOW_SINGLE_PERSON_EMERGENCY 设置允许同一人撰写、审查并签发同一内容；"
              "每次使用都记入日志。紧急情况结束后请立即关闭。"),
        )


@hooks.register("construct_homepage_panels")
def add_override_banner(request, panels: list) -> None:
    if four_eyes.override_enabled():
        panels.insert(0, OverrideBanner())
