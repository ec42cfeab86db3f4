"""The four roles created by migration: what each may and may not do."""

from __future__ import annotations

import importlib
from types import SimpleNamespace

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from wagtail.models import Page, Workflow, WorkflowPage, WorkflowState

from disclosure_pages.moderation import roles
from disclosure_pages.moderation.permissions import is_confidentiality_reviewer
from disclosure_pages.moderation.roles import APPROVERS, EDITORS, REVIEWERS, WEBMASTERS
from tests import factories
from tests.people import client_for
from tests.publication_helpers import is_live

from .helpers import entry_form

pytestmark = pytest.mark.django_db


def user_in(django_user_model, group: str, username: str | None = None):
    user = django_user_model.objects.create_user(username or group, password="pw-for-tests-only")
    user.groups.add(Group.objects.get(name=group))
    return user


def test_the_four_groups_exist_with_translatable_names():
    from django.utils import translation

    names = set(Group.objects.values_list("name", flat=True))
    assert {EDITORS, REVIEWERS, APPROVERS, WEBMASTERS} <= names
    with translation.override("en"):
        assert translation.gettext(REVIEWERS) != REVIEWERS


def test_editor_creates_and_submits_but_cannot_publish(client, catalog, org, django_user_model):
    editor = user_in(django_user_model, EDITORS)
    c = client_for(type(client), editor)
    url = f"/admin/pages/add/disclosure_pages/catalogentrypage/{catalog.pk}/"
    page_html = c.get(url).content.decode()
    assert 'name="action-publish"' not in page_html
    response = c.post(url, entry_form(org, **{"action-submit": "submit"}))
    assert response.status_code == 302
    from disclosure_pages.models import CatalogEntryPage

    page = CatalogEntryPage.objects.get(slug="notice-2008-19")
    assert page.workflow_in_progress
    assert page.current_workflow_task.name == "保密审查"
    perms = page.permissions_for_user(editor)
    assert perms.can_edit() and not perms.can_publish()
    # Even with an approval on file, an editor cannot publish.
    factories.approve(page.get_latest_revision())
    assert not page.permissions_for_user(editor).can_publish()


def test_reviewer_can_review_but_not_edit(catalog, django_user_model):
    reviewer = user_in(django_user_model, REVIEWERS)
    draft = factories.entry(catalog, publish=False)
    perms = draft.permissions_for_user(reviewer)
    assert not perms.can_edit() and not perms.can_publish() and not perms.can_add_subpage()
    assert is_confidentiality_reviewer(reviewer)


def test_approver_publishes_only_reviewed_content(catalog, django_user_model):
    approver = user_in(django_user_model, APPROVERS)
    draft = factories.entry(catalog, publish=False)
    perms = draft.permissions_for_user(approver)
    assert perms.can_publish() and not perms.can_edit()
    assert not is_confidentiality_reviewer(approver)


def test_webmaster_manages_structure_settings_users_and_workflows(client, portal, django_user_model):
    webmaster = user_in(django_user_model, WEBMASTERS)
    c = client_for(type(client), webmaster)
    site = portal.get_site()
    assert c.get(f"/admin/settings/disclosure_pages/disclosuresettings/{site.pk}/").status_code == 200
    assert c.get("/admin/users/").status_code == 200
    assert c.get("/admin/workflows/list/").status_code == 200
    assert c.get("/admin/snippets/disclosure_pages/organisation/").status_code == 200
    assert Page.objects.get(pk=portal.pk).permissions_for_user(webmaster).can_publish()


def test_editor_cannot_reach_webmaster_areas(client, portal, django_user_model):
    editor = user_in(django_user_model, EDITORS)
    c = client_for(type(client), editor)
    site = portal.get_site()
    for url in (f"/admin/settings/disclosure_pages/disclosuresettings/{site.pk}/", "/admin/users/", "/admin/workflows/list/"):
        assert c.get(url).status_code in (302, 403), url


def test_webmasters_are_bound_by_the_review_too(client, catalog, org, django_user_model):
    webmaster = user_in(django_user_model, WEBMASTERS)
    c = client_for(type(client), webmaster)
    response = c.post(
        f"/admin/pages/add/disclosure_pages/catalogentrypage/{catalog.pk}/", entry_form(org, **{"action-publish": "1"})
    )
    assert response.status_code == 302
    from disclosure_pages.models import CatalogEntryPage

    assert not CatalogEntryPage.objects.filter(slug="notice-2008-19", live=True).exists()
    draft = factories.entry(catalog, publish=False)
    assert not is_live(draft)


# --- what a fresh Wagtail database starts with, retired by migration 0014 -----------------------

retirement = importlib.import_module("disclosure_pages.migrations.0014_retire_wagtail_defaults")


@pytest.mark.django_db
def test_a_fresh_install_has_only_the_add_on_s_roles_and_workflow():
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    assert list(Workflow.objects.values_list("name", flat=True)) == [roles.WORKFLOW_NAME]
    root = Page.objects.get(depth=1)
    assert WorkflowPage.objects.get(page=root).workflow.name == roles.WORKFLOW_NAME


@pytest.mark.django_db
def test_a_wagtail_group_with_members_or_a_used_workflow_stays(django_user_model):
    moderators = Group.objects.create(name="Moderators")
    django_user_model.objects.create_user("mod", "mod@example.gov.cn", "x").groups.add(moderators)
    Group.objects.create(name="Editors")
    used = Workflow.objects.create(name="Moderators approval")
    WorkflowState.objects.create(
        workflow=used, base_content_type=ContentType.objects.get_for_model(Page),
        content_type=ContentType.objects.get_for_model(Page), object_id=str(Page.objects.get(depth=1).pk),
        status=WorkflowState.STATUS_CANCELLED,
    )
    retirement.retire(django_apps, SimpleNamespace(connection=connection))
    assert list(Group.objects.filter(name__in=["Editors", "Moderators"]).values_list("name", flat=True)) == ["Moderators"]
    assert Workflow.objects.filter(name="Moderators approval").exists()
