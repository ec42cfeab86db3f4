"""The four roles of the disclosure office and the default moderation workflow.

Defined here as data and applied by migration 0006 (with historical models) so that a
fresh installation starts with groups a webmaster only has to fill with people.
"""

from __future__ import annotations

import swapper
from django.utils.translation import gettext_noop

EDITORS = gettext_noop("信息编辑")
REVIEWERS = gettext_noop("保密审查员")
APPROVERS = gettext_noop("审核签发人")
WEBMASTERS = gettext_noop("网站管理员")
WORKFLOW_NAME = gettext_noop("信息公开发布审核")
REVIEW_TASK_NAME = gettext_noop("保密审查")
SIGN_OFF_TASK_NAME = gettext_noop("审核签发")

ADMIN_ACCESS = ("wagtailadmin", "access_admin")
SNIPPETS_VIEW = [("disclosure_pages", "view_organisation"), ("disclosure_pages", "view_classificationterm")]
SNIPPETS_MANAGE = [
    (app, f"{action}_{model}")
    for app, model in [("disclosure_pages", "organisation"), ("disclosure_pages", "classificationterm")]
    for action in ("add", "change", "delete", "view")
]

# (app_label, codename) model permissions per role.
MODEL_PERMISSIONS: dict[str, list[tuple[str, str]]] = {
    EDITORS: [ADMIN_ACCESS, *SNIPPETS_VIEW],
    REVIEWERS: [ADMIN_ACCESS, ("disclosure_pages", "view_confidentialityreview")],
    APPROVERS: [ADMIN_ACCESS, ("disclosure_pages", "view_confidentialityreview")],
    WEBMASTERS: [
        ADMIN_ACCESS,
        *SNIPPETS_MANAGE,
        ("disclosure_pages", "change_disclosuresettings"),
        ("disclosure_pages", "view_confidentialityreview"),
        ("auth", "add_user"), ("auth", "change_user"), ("auth", "delete_user"), ("auth", "view_user"),
        ("auth", "add_group"), ("auth", "change_group"), ("auth", "view_group"),
        ("wagtailcore", "add_workflow"), ("wagtailcore", "change_workflow"), ("wagtailcore", "delete_workflow"),
        ("wagtailcore", "add_task"), ("wagtailcore", "change_task"), ("wagtailcore", "delete_task"),
        ("wagtailcore", "add_site"), ("wagtailcore", "change_site"), ("wagtailcore", "view_site"),
        ("wagtailcore", "add_locale"), ("wagtailcore", "change_locale"), ("wagtailcore", "view_locale"),
        ("wagtailredirects", "add_redirect"), ("wagtailredirects", "change_redirect"), ("wagtailredirects", "delete_redirect"),
    ],
}

# Page permission types on the tree root (a webmaster can narrow them to one portal later).
PAGE_PERMISSIONS: dict[str, list[str]] = {
    EDITORS: ["add", "change", "lock", "unlock"],
    REVIEWERS: [],
    APPROVERS: ["publish"],
    WEBMASTERS: ["add", "change", "publish", "bulk_delete", "lock", "unlock"],
}
# Collection permissions on the root collection, for documents and images.
COLLECTION_PERMISSIONS: dict[str, list[tuple[str, str]]] = {
    EDITORS: [(app, f"{a}_{m}") for app, m in (("wagtaildocs", "document"), ("wagtailimages", "image")) for a in ("add", "change", "choose")],
    REVIEWERS: [("wagtaildocs", "choose_document"), ("wagtailimages", "choose_image")],
    APPROVERS: [("wagtaildocs", "choose_document"), ("wagtailimages", "choose_image")],
    WEBMASTERS: [(app, f"{a}_{m}") for app, m in (("wagtaildocs", "document"), ("wagtailimages", "image")) for a in ("add", "change", "delete", "choose")],
}


def _permission(apps, app_label: str, codename: str):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def setup_roles(apps) -> dict[str, object]:
    """Create the groups with their permissions; idempotent. Returns groups by name."""
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model(*swapper.get_model_name("wagtailcore", "Page").split("."))
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    groups = {}
    for name, permissions in MODEL_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*[_permission(apps, app, code) for app, code in permissions])
        if root_page is not None:
            for permission_type in PAGE_PERMISSIONS[name]:
                # Codenames follow the (possibly swapped) base page model: add_page, publish_page …
                codename = f"{permission_type}_{Page._meta.model_name}"
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root_page, permission=_permission(apps, Page._meta.app_label, codename)
                )
        if root_collection is not None:
            for app, codename in COLLECTION_PERMISSIONS[name]:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=_permission(apps, app, codename)
                )
        groups[name] = group
    return groups


def setup_default_workflow(apps, groups: dict[str, object]):
    """信息公开发布审核: 保密审查 → 审核签发 (a SignOffTask: the reviewer never signs off)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    ReviewTask = apps.get_model("disclosure_pages", "ConfidentialityReviewTask")
    try:
        SignOff = apps.get_model("disclosure_pages", "SignOffTask")
    except LookupError:  # migration 0006 runs before the model exists; 0009 converts the step
        SignOff = apps.get_model("wagtailcore", "GroupApprovalTask")

    def task(model, name, group):
        content_type, _ = ContentType.objects.get_or_create(
            app_label=model._meta.app_label, model=model._meta.model_name
        )
        obj = model.objects.filter(name=name).first()
        if obj is None:
            obj = model.objects.create(name=name, content_type=content_type, active=True)
        obj.groups.add(group)
        return obj

    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if created:
        review = task(ReviewTask, REVIEW_TASK_NAME, groups[REVIEWERS])
        sign_off = task(SignOff, SIGN_OFF_TASK_NAME, groups[APPROVERS])
        WorkflowTask.objects.create(workflow=workflow, task=review, sort_order=0)
        WorkflowTask.objects.create(workflow=workflow, task=sign_off, sort_order=1)
    return workflow


# Who may ask for translations (wagtail-localize's permission), when wagtail-localize is
# installed: granted after each ``migrate`` (its permission exists only then), see apps.py.
TRANSLATION_PERMISSION = ("wagtail_localize", "submit_translation")
TRANSLATORS = (EDITORS, WEBMASTERS)


def grant_translation(**kwargs) -> None:
    """``post_migrate`` receiver: editors and webmasters may submit pages for translation."""
    from django.contrib.auth.models import Group, Permission

    permission = Permission.objects.filter(
        content_type__app_label=TRANSLATION_PERMISSION[0], codename=TRANSLATION_PERMISSION[1]
    ).first()
    if permission is None:
        return
    for group in Group.objects.filter(name__in=TRANSLATORS).exclude(permissions=permission):
        group.permissions.add(permission)  # in the audit log, as every change to a role's permissions
