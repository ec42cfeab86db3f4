"""Only superusers grant the reviewer and sign-off roles, or superuser status.

A person is a confidentiality reviewer or a sign-off person by membership of a group
that a review or approval task names (保密审查员, 审核签发人, or any group a superuser
put on such a task). So a non-superuser — a webmaster with every user, group and task
permission — cannot: add anyone (themself, a new account) to such a group; change the
groups of such a task; set or clear anyone's superuser status; take over the account
of a reviewer, sign-off person or superuser (its password, username or e-mail); or
delete a superuser. Group permissions are not guarded: they do not make a reviewer,
and publishing is bound by the review and by four eyes whoever holds the permission.

Checked in the model layer (``m2m_changed``, ``pre_save``, ``pre_delete``) so that the
admin forms, bulk actions and code obey alike; the acting person is the request's user
(``actor.py``). Code and commands with no person acting are not refused.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, pre_delete, pre_save
from django.utils.translation import gettext as _
from wagtail.models import GroupApprovalTask

from .actor import current_actor
from .guard import ModerationRefusal
from .roles import APPROVERS, REVIEWERS
from .tasks import ConfidentialityReviewTask, SignOffTask

User = get_user_model()

ROLE_TASK_MODELS = (ConfidentialityReviewTask, SignOffTask, GroupApprovalTask)
# Changing these on someone else's account is taking it over.
ACCOUNT_FIELDS = frozenset({"password", User.USERNAME_FIELD, User.get_email_field_name()})


class RoleGrantRefused(ModerationRefusal):
    """A non-superuser tried to grant a review or sign-off role, or superuser status."""

    log_action = "disclosure_pages.role_grant_refused"


def role_group_ids() -> set[int]:
    """Groups whose members review or sign off: the two named roles and every approval task's groups."""
    ids = set(Group.objects.filter(name__in=[REVIEWERS, APPROVERS]).values_list("pk", flat=True))
    for model in ROLE_TASK_MODELS:
        ids |= set(model.groups.through.objects.values_list("group_id", flat=True))
    return ids


def holds_role(user_id: int) -> bool:
    """A superuser, or a member of a reviewing or sign-off group."""
    row = User._default_manager.filter(pk=user_id).values_list("is_superuser", flat=True).first()
    return bool(row) or User.groups.through.objects.filter(user_id=user_id, group_id__in=role_group_ids()).exists()


def _non_superuser_actor():
    actor = current_actor()
    return actor if actor is not None and not actor.is_superuser else None


def _refuse(message: str) -> None:
    """Refuse; the audit-log entry is written on the account of the person who tried."""
    raise RoleGrantRefused(message, subject=current_actor())


def refuse_role_membership(sender, instance, action: str, reverse: bool, pk_set, **kwargs) -> None:
    if action != "pre_add" or not pk_set or _non_superuser_actor() is None:
        return
    group_ids = {instance.pk} if reverse else set(pk_set)
    granted = group_ids & role_group_ids()
    if granted:
        names = "、".join(Group.objects.filter(pk__in=granted).order_by("name").values_list("name", flat=True))
        _refuse(_("只有超级管理员可以把用户加入保密审查或审核签发用户组（%(groups)s）。") % {"groups": names})


def refuse_task_groups_change(sender, instance, action: str, **kwargs) -> None:
    if action not in ("pre_add", "pre_remove", "pre_clear") or _non_superuser_actor() is None:
        return
    if action != "pre_clear" and not kwargs.get("pk_set"):
        return
    _refuse(_("只有超级管理员可以更改审核步骤“%(task)s”的用户组。") % {"task": getattr(instance, "name", instance)})


def refuse_superuser_and_account_changes(sender, instance, raw: bool = False, update_fields=None, **kwargs) -> None:
    actor = _non_superuser_actor()
    if raw or actor is None:
        return
    if update_fields is not None and not set(update_fields) & (ACCOUNT_FIELDS | {"is_superuser"}):
        return
    old = None
    if instance.pk is not None:
        old = User._default_manager.filter(pk=instance.pk).values("is_superuser", *ACCOUNT_FIELDS).first()
    if old is None:
        if instance.is_superuser:
            _refuse(_("只有超级管理员可以创建超级管理员。"))
        return
    if old["is_superuser"] != instance.is_superuser:
        _refuse(_("只有超级管理员可以授予或取消超级管理员身份。"))
    changed = {name for name in ACCOUNT_FIELDS if old[name] != getattr(instance, name)}
    if changed and instance.pk != actor.pk and holds_role(instance.pk):
        _refuse(
            _("只有超级管理员可以修改保密审查员、审核签发人或超级管理员的账号（用户名、电子邮件、密码）：%(user)s。")
            % {"user": old[User.USERNAME_FIELD]}
        )


def refuse_superuser_deletion(sender, instance, **kwargs) -> None:
    if instance.is_superuser and _non_superuser_actor() is not None:
        _refuse(_("只有超级管理员可以删除超级管理员。"))


def connect() -> None:
    m2m_changed.connect(refuse_role_membership, sender=User.groups.through, dispatch_uid="disclosure_grants_membership")
    for model in ROLE_TASK_MODELS:
        m2m_changed.connect(
            refuse_task_groups_change, sender=model.groups.through, dispatch_uid=f"disclosure_grants_task_{model.__name__}"
        )
    pre_save.connect(refuse_superuser_and_account_changes, sender=User, dispatch_uid="disclosure_grants_user")
    pre_delete.connect(refuse_superuser_deletion, sender=User, dispatch_uid="disclosure_grants_user_delete")
