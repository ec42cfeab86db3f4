"""Wagtail audit-log entries for what the review does not cover, and for every change of roles.

Outside the review, on purpose: organisation names (Organisation), taxonomy labels
(ClassificationTerm) and the site settings shown in the header and footer
(DisclosureSettings). They are shared by many pages and are not government
information themselves, so they are not reviewed — but every change is logged, also
when made in code or by a command. The admin's own entry (Wagtail logs snippet and
settings edits) is kept, with the changed fields added; no second entry is written.

Roles: group membership, superuser status, group permissions and the groups of the
review and sign-off tasks are logged with the acting person (None for code).
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from wagtail.log_actions import get_active_log_context, log
from wagtail.models import ModelLogEntry

from ..taxonomy.models import ClassificationTerm, Organisation
from .actor import current_actor
from .grants import ROLE_TASK_MODELS

User = get_user_model()

MEMBERSHIP_ACTION = "disclosure_pages.group_membership"
SUPERUSER_ACTION = "disclosure_pages.superuser_status"
PERMISSIONS_ACTION = "disclosure_pages.group_permissions"
TASK_GROUPS_ACTION = "disclosure_pages.task_groups"
WAGTAIL_ACTIONS = ("wagtail.create", "wagtail.edit", "wagtail.delete")
SOURCE = "disclosure_pages.audit"


def _actor():
    return current_actor() or get_active_log_context().user


def _value(value: Any) -> Any:
    return value if value is None or isinstance(value, (bool, int, float, str)) else str(value)


# --------------------------------------------------------------------------- outside the review


def outside_review_models() -> tuple[type, ...]:
    # The site settings sit above moderation: known by name, like the portal in workflow.py.
    return (Organisation, ClassificationTerm, apps.get_model("disclosure_pages", "DisclosureSettings"))


def _snapshot(instance) -> dict[str, Any]:
    return {f.attname: _value(getattr(instance, f.attname)) for f in instance._meta.concrete_fields}


def remember_old_values(sender, instance, raw: bool = False, **kwargs) -> None:
    if raw or instance.pk is None:
        return
    old = sender._default_manager.filter(pk=instance.pk).first()
    instance._disclosure_audit_old = _snapshot(old) if old is not None else None


def _wagtail_entry(instance, action: str) -> ModelLogEntry | None:
    """The entry Wagtail's admin wrote (or will write) for the same object in the same request."""
    uuid = get_active_log_context().uuid
    if uuid is None:
        return None
    candidates = ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(instance, for_concrete_model=False),
        object_id=str(instance.pk), action=action, uuid=uuid,
    )
    # Not .exclude(data__source=…): a JSON key that is missing would exclude the row too.
    return next((e for e in candidates if (e.data or {}).get("source") != SOURCE), None)


def log_saved(sender, instance, created: bool, raw: bool = False, **kwargs) -> None:
    if raw:
        return
    new = _snapshot(instance)
    old = getattr(instance, "_disclosure_audit_old", None) or {}
    changes = {k: [old.get(k), v] for k, v in new.items() if created or old.get(k) != v}
    instance.__dict__.pop("_disclosure_audit_old", None)
    if not changes:
        return
    action = "wagtail.create" if created else "wagtail.edit"
    log(instance=instance, action=action, user=_actor(), data={"source": SOURCE, "changes": changes})


def log_deleted(sender, instance, **kwargs) -> None:
    if _wagtail_entry(instance, "wagtail.delete") is not None:
        return  # Wagtail's delete view logged it before deleting
    log(instance=instance, action="wagtail.delete", user=_actor(), data={"source": SOURCE, "changes": {}})


def merge_admin_entry(sender, instance: ModelLogEntry, raw: bool = False, **kwargs) -> None:
    """Wagtail's admin logs its own create/edit after the save: keep one entry, with the changes."""
    if raw or instance.pk is not None or instance.action not in WAGTAIL_ACTIONS or instance.uuid is None:
        return
    if (instance.data or {}).get("source") == SOURCE:
        return
    if instance.content_type.model_class() not in outside_review_models():
        return
    ours = ModelLogEntry.objects.filter(
        content_type_id=instance.content_type_id, object_id=instance.object_id,
        action=instance.action, uuid=instance.uuid, data__source=SOURCE,
    )
    for entry in ours:
        instance.data = {**(instance.data or {}), "changes": entry.data.get("changes", {})}
    ours.delete()


# --------------------------------------------------------------------------- roles


def _names(model, pks) -> list[str]:
    return sorted(str(obj) for obj in model._default_manager.filter(pk__in=pks or ()))


def _before_clear(instance, attr: str) -> None:
    instance.__dict__[f"_disclosure_cleared_{attr}"] = set(getattr(instance, attr).values_list("pk", flat=True))


def remember_raw_load(sender, instance, raw: bool = False, **kwargs) -> None:
    """Fixtures (and tests' serialized rollback) save rows raw, then set their m2m rows:
    that restores data, it changes no role, and the log's own rows may not exist yet."""
    instance.__dict__["_disclosure_raw_load"] = raw


def _m2m_change(instance, action: str, pk_set, attr: str) -> tuple[str, set] | None:
    """("added"|"removed", ids) for a finished m2m change, or None."""
    if instance.__dict__.get("_disclosure_raw_load"):
        return None
    if action == "pre_clear":
        _before_clear(instance, attr)
        return None
    if action == "post_clear":
        return "removed", instance.__dict__.pop(f"_disclosure_cleared_{attr}", set())
    if action in ("post_add", "post_remove") and pk_set:
        return ("added" if action == "post_add" else "removed"), set(pk_set)
    return None


def log_membership(sender, instance, action: str, reverse: bool, pk_set, **kwargs) -> None:
    change = _m2m_change(instance, action, pk_set, "user_set" if reverse else "groups")
    if change is None:
        return
    kind, ids = change
    users, groups = (User._default_manager.filter(pk__in=ids), [instance]) if reverse else ([instance], Group.objects.filter(pk__in=ids))
    names = sorted(g.name for g in groups)
    for user in users:
        log(instance=user, action=MEMBERSHIP_ACTION, user=_actor(),
            data={kind: names, "user": user.get_username()})


def log_superuser_status(sender, instance, created: bool, raw: bool = False, **kwargs) -> None:
    old = instance.__dict__.pop("_disclosure_was_superuser", None)
    if raw or (created and not instance.is_superuser) or (not created and old in (None, instance.is_superuser)):
        return
    log(instance=instance, action=SUPERUSER_ACTION, user=_actor(),
        data={"is_superuser": instance.is_superuser, "user": instance.get_username()})


def remember_superuser_status(sender, instance, raw: bool = False, **kwargs) -> None:
    if not raw and instance.pk is not None:
        instance._disclosure_was_superuser = (
            User._default_manager.filter(pk=instance.pk).values_list("is_superuser", flat=True).first()
        )


def log_group_permissions(sender, instance, action: str, reverse: bool, pk_set, **kwargs) -> None:
    change = _m2m_change(instance, action, pk_set, "group_set" if reverse else "permissions")
    if change is None:
        return
    kind, ids = change
    pairs = [(instance, Permission.objects.filter(pk__in=ids))] if not reverse else [
        (group, [instance]) for group in Group.objects.filter(pk__in=ids)
    ]
    for group, permissions in pairs:
        codes = sorted(f"{p.content_type.app_label}.{p.codename}" for p in permissions)
        log(instance=group, action=PERMISSIONS_ACTION, user=_actor(), data={kind: codes, "group": group.name})


def log_task_groups(sender, instance, action: str, reverse: bool, pk_set, model, **kwargs) -> None:
    if instance.__dict__.get("_disclosure_raw_load"):
        return
    if reverse:  # group.<task>_set.add(…): the tasks changed are in pk_set
        if action in ("post_add", "post_remove") and pk_set:
            kind = "added" if action == "post_add" else "removed"
            for task in model.objects.filter(pk__in=pk_set):
                log(instance=task, action=TASK_GROUPS_ACTION, user=_actor(), data={kind: [instance.name], "task": task.name})
        return
    change = _m2m_change(instance, action, pk_set, "groups")
    if change is not None:
        kind, ids = change
        log(instance=instance, action=TASK_GROUPS_ACTION, user=_actor(), data={kind: _names(Group, ids), "task": instance.name})


def connect() -> None:
    for model in outside_review_models():
        uid = f"disclosure_audit_{model.__name__}"
        pre_save.connect(remember_old_values, sender=model, dispatch_uid=f"{uid}_pre")
        post_save.connect(log_saved, sender=model, dispatch_uid=f"{uid}_save")
        post_delete.connect(log_deleted, sender=model, dispatch_uid=f"{uid}_delete")
    pre_save.connect(merge_admin_entry, sender=ModelLogEntry, dispatch_uid="disclosure_audit_merge")
    m2m_changed.connect(log_membership, sender=User.groups.through, dispatch_uid="disclosure_audit_membership")
    pre_save.connect(remember_superuser_status, sender=User, dispatch_uid="disclosure_audit_superuser_pre")
    post_save.connect(log_superuser_status, sender=User, dispatch_uid="disclosure_audit_superuser")
    m2m_changed.connect(log_group_permissions, sender=Group.permissions.through, dispatch_uid="disclosure_audit_perms")
    for model in (User, Group, *ROLE_TASK_MODELS):
        pre_save.connect(remember_raw_load, sender=model, dispatch_uid=f"disclosure_audit_raw_{model.__name__}")
    for model in ROLE_TASK_MODELS:
        m2m_changed.connect(log_task_groups, sender=model.groups.through, dispatch_uid=f"disclosure_audit_task_{model.__name__}")
