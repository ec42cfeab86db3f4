"""Only superusers grant the reviewer and sign-off roles or superuser status; every role change is logged.

Through Wagtail's own user, bulk-action and task views, as a 网站管理员 (not a superuser)
who holds every user, group and task permission; then as a superuser, who may.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import ModelLogEntry

from disclosure_pages.moderation import roles
from disclosure_pages.moderation.audit import (
    MEMBERSHIP_ACTION,
    PERMISSIONS_ACTION,
    SUPERUSER_ACTION,
    TASK_GROUPS_ACTION,
)
from disclosure_pages.moderation.tasks import ConfidentialityReviewTask, SignOffTask
from tests import factories
from tests.people import client_for, person

from .helpers import action_url, approval_data, current_task_state, submit

pytestmark = pytest.mark.django_db

PASSWORD = "Tr0ub4dor&3-horse"


def group(name: str) -> Group:
    return Group.objects.get(name=name)


def user_form(user=None, **overrides) -> dict:
    data = {
        "username": user.username if user else "fake-reviewer",
        "email": user.email if user else "fake@example.gov.cn",
        "first_name": (user.first_name if user else "") or "某",
        "last_name": (user.last_name if user else "") or "某",
        "is_active": "on",
        "groups": [str(g.pk) for g in user.groups.all()] if user else [],
        "password1": "" if user else PASSWORD,
        "password2": "" if user else PASSWORD,
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def messages_after(client) -> str:
    return " ".join(str(m) for m in client.get(reverse("wagtailadmin_home")).context["messages"])


@pytest.fixture
def webmaster(django_user_model):
    return person(django_user_model, "webmaster", roles.WEBMASTERS)


@pytest.fixture
def webmaster_client(client, webmaster):
    return client_for(type(client), webmaster)


@pytest.fixture
def reviewer(django_user_model):
    return person(django_user_model, "reviewer", roles.REVIEWERS)


def edit_user(client, user, **overrides):
    return client.post(reverse("wagtailusers_users:edit", args=(user.pk,)), user_form(user, **overrides))


# --------------------------------------------------------------------------- the webmaster


def test_webmaster_cannot_join_the_reviewer_and_sign_off_groups(webmaster_client, webmaster):
    groups = [str(group(n).pk) for n in (roles.WEBMASTERS, roles.REVIEWERS, roles.APPROVERS)]
    response = edit_user(webmaster_client, webmaster, groups=groups)
    assert response.status_code == 302
    assert "只有超级管理员" in messages_after(webmaster_client)
    assert set(webmaster.groups.values_list("name", flat=True)) == {roles.WEBMASTERS}
    # Nor through the bulk action "assign role".
    url = reverse("wagtail_bulk_action", args=("auth", "user", "assign_role")) + f"?id={webmaster.pk}"
    webmaster_client.post(url, {"role": group(roles.REVIEWERS).pk})
    assert set(webmaster.groups.values_list("name", flat=True)) == {roles.WEBMASTERS}
    # Each attempt is in the audit log, on the account of the person who tried.
    from wagtail.models import ModelLogEntry

    attempts = ModelLogEntry.objects.filter(action="disclosure_pages.role_grant_refused", object_id=str(webmaster.pk))
    assert attempts.count() == 2 and all(e.user_id == webmaster.pk for e in attempts)


def test_webmaster_cannot_create_a_fake_reviewer_or_a_superuser(webmaster_client, django_user_model):
    add = reverse("wagtailusers_users:add")
    webmaster_client.post(add, user_form(groups=[str(group(roles.REVIEWERS).pk)]))
    assert "只有超级管理员" in messages_after(webmaster_client)
    webmaster_client.post(add, user_form(username="fake-admin", is_superuser="on"))
    assert not django_user_model.objects.filter(username__startswith="fake").exists()
    # An ordinary editor account is still theirs to create.
    webmaster_client.post(add, user_form(username="new-editor", groups=[str(group(roles.EDITORS).pk)]))
    assert django_user_model.objects.get(username="new-editor").groups.get().name == roles.EDITORS


def test_webmaster_cannot_grant_or_remove_superuser_status(webmaster_client, django_user_model, superuser):
    editor = person(django_user_model, "editor", roles.EDITORS)
    edit_user(webmaster_client, editor, is_superuser="on")
    edit_user(webmaster_client, superuser, is_superuser=None)
    assert not django_user_model.objects.get(pk=editor.pk).is_superuser
    assert django_user_model.objects.get(pk=superuser.pk).is_superuser


def test_webmaster_cannot_take_over_a_reviewer_account(webmaster_client, reviewer, django_user_model):
    edit_user(webmaster_client, reviewer, password1=PASSWORD, password2=PASSWORD)
    edit_user(webmaster_client, reviewer, email="webmaster@example.gov.cn")
    fresh = django_user_model.objects.get(pk=reviewer.pk)
    assert not fresh.check_password(PASSWORD) and fresh.email == reviewer.email


def test_webmaster_cannot_change_the_groups_of_review_and_sign_off_tasks(webmaster_client):
    for model in (ConfidentialityReviewTask, SignOffTask):
        task = model.objects.get(active=True)
        before = set(task.groups.values_list("pk", flat=True))
        webmaster_client.post(
            reverse("wagtailadmin_workflows:edit_task", args=(task.pk,)),
            {"name": task.name, "groups": [str(pk) for pk in before | {group(roles.WEBMASTERS).pk}]},
        )
        assert set(task.groups.values_list("pk", flat=True)) == before, model
    # Nor create a new review task naming their own group.
    webmaster_client.post(
        reverse("wagtailadmin_workflows:add_task", args=("disclosure_pages", "confidentialityreviewtask")),
        {"name": "我的审查", "groups": [str(group(roles.WEBMASTERS).pk)]},
    )
    assert not ConfidentialityReviewTask.objects.filter(name="我的审查").exists()


def test_the_one_person_scenario_fails_for_a_webmaster(client, webmaster_client, webmaster, catalog):
    """Issue 8, item 7: writes an entry, cannot review it (not a reviewer, cannot become one)."""
    edit_user(webmaster_client, webmaster, groups=[str(group(n).pk) for n in (roles.WEBMASTERS, roles.REVIEWERS)])
    page = factories.entry(catalog, publish=False, user=webmaster, owner=webmaster)
    submit(webmaster_client, page)
    webmaster_client.post(action_url(page, "approve", current_task_state(page)), approval_data())
    assert current_task_state(page).task.name == roles.REVIEW_TASK_NAME


# --------------------------------------------------------------------------- superusers may, and it is logged


def test_superuser_grants_roles_and_every_change_is_logged(admin_client, superuser, webmaster, django_user_model):
    edit_user(admin_client, webmaster, groups=[str(group(n).pk) for n in (roles.WEBMASTERS, roles.REVIEWERS)])
    assert webmaster.groups.filter(name=roles.REVIEWERS).exists()
    entry = ModelLogEntry.objects.get(action=MEMBERSHIP_ACTION, object_id=str(webmaster.pk), user=superuser)
    assert entry.data["added"] == [roles.REVIEWERS]

    edit_user(admin_client, webmaster, is_superuser="on")
    assert ModelLogEntry.objects.get(action=SUPERUSER_ACTION, object_id=str(webmaster.pk)).data["is_superuser"] is True

    task = SignOffTask.objects.get(active=True)
    admin_client.post(
        reverse("wagtailadmin_workflows:edit_task", args=(task.pk,)),
        {"name": task.name, "groups": [str(group(roles.APPROVERS).pk), str(group(roles.WEBMASTERS).pk)]},
    )
    assert ModelLogEntry.objects.get(action=TASK_GROUPS_ACTION, object_id=str(task.pk)).data["added"] == [roles.WEBMASTERS]

    history = admin_client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "用户组成员变更" in history or "用户“webmaster”的用户组变更" in history


def test_code_changes_are_logged_without_a_user(django_user_model):
    # Entries made before this test (migrate's own grants are logged too) are not its changes.
    before = ModelLogEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    user = django_user_model.objects.create_user("by-code")
    user.groups.add(group(roles.REVIEWERS))
    group(roles.REVIEWERS).user_set.remove(user)
    group(roles.EDITORS).permissions.add(Permission.objects.get(codename="view_user"))
    django_user_model.objects.create_superuser("root-by-command", password="x")
    entries = ModelLogEntry.objects.filter(user__isnull=True, pk__gt=before)
    membership = entries.filter(action=MEMBERSHIP_ACTION, object_id=str(user.pk)).order_by("pk")
    assert [sorted(e.data) for e in membership] == [["added", "user"], ["removed", "user"]]
    assert entries.get(action=PERMISSIONS_ACTION).data["added"] == ["auth.view_user"]
    assert entries.filter(action=SUPERUSER_ACTION, data__user="root-by-command").exists()
