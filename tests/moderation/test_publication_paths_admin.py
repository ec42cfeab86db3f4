"""The confidentiality invariant through the admin and the APIs, for a superuser.

Every path: refused without an approved review (nothing changes, a clear message, an
audit-log entry), allowed after approval of exactly that content, refused after an edit.
"""

from __future__ import annotations

import json

import pytest
from wagtail.models import APIToken, Page

from disclosure_pages.models import CatalogEntryPage
from tests import factories
from tests.publication_helpers import is_live, live_title, refusals_logged

from .helpers import entry_form

pytestmark = pytest.mark.django_db
PUBLISH = {"action-publish": "publish"}


def messages_of(client, response) -> str:
    follow = client.get(response["Location"]) if response.status_code == 302 else response
    return follow.content.decode()


def create_draft(client, catalog, org, **fields) -> CatalogEntryPage:
    response = client.post(
        f"/admin/pages/add/disclosure_pages/catalogentrypage/{catalog.pk}/", entry_form(org, **fields)
    )
    assert response.status_code == 302
    return CatalogEntryPage.objects.get(slug=fields.get("slug", "notice-2008-19"))


# --------------------------------------------------------------------------- 1. Publish buttons


def test_create_and_publish_is_refused_and_creates_nothing(admin_client, catalog, org):
    url = f"/admin/pages/add/disclosure_pages/catalogentrypage/{catalog.pk}/"
    response = admin_client.post(url, entry_form(org, **PUBLISH))
    assert response.status_code == 302
    assert not CatalogEntryPage.objects.filter(slug="notice-2008-19").exists()
    assert "未经保密审查" in messages_of(admin_client, response)


def test_edit_view_publish_refused_allowed_after_approval_refused_after_edit(admin_client, catalog, org):
    page = create_draft(admin_client, catalog, org)
    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", entry_form(org, **PUBLISH))
    assert not is_live(page)
    assert "未经保密审查" in messages_of(admin_client, response)
    assert refusals_logged(page) == 1

    factories.approve(page.get_latest_revision())
    admin_client.post(f"/admin/pages/{page.pk}/edit/", entry_form(org, **PUBLISH))
    assert is_live(page)

    admin_client.post(f"/admin/pages/{page.pk}/edit/", entry_form(org, title="审查后修改的标题", **PUBLISH))
    assert live_title(page) == "安庆市人民政府关于进一步推进政府信息公开工作的通知"
    assert refusals_logged(page) == 2


def test_no_publish_button_until_the_content_is_approved(admin_client, catalog, org):
    add = admin_client.get(f"/admin/pages/add/disclosure_pages/catalogentrypage/{catalog.pk}/").content.decode()
    assert 'name="action-publish"' not in add
    page = create_draft(admin_client, catalog, org)
    edit_url = f"/admin/pages/{page.pk}/edit/"
    assert 'name="action-publish"' not in admin_client.get(edit_url).content.decode()
    assert 'name="action-submit"' in admin_client.get(edit_url).content.decode()
    factories.approve(page.get_latest_revision())
    assert 'name="action-publish"' in admin_client.get(edit_url).content.decode()


# --------------------------------------------------------------------------- 2. revert


def test_reverting_publishes_only_an_approved_revision(admin_client, catalog, org):
    page = create_draft(admin_client, catalog, org, title="第一版")
    first = page.get_latest_revision()
    factories.approve(first)
    admin_client.post(f"/admin/pages/{page.pk}/edit/", entry_form(org, title="第一版", **PUBLISH))
    admin_client.post(f"/admin/pages/{page.pk}/edit/", entry_form(org, title="未审查的第二版"))
    second = page.get_latest_revision()

    revert = f"/admin/pages/{page.pk}/revisions/{second.pk}/revert/"
    assert admin_client.get(revert).status_code == 200
    admin_client.post(revert, entry_form(org, title="未审查的第二版", revision=second.pk, **PUBLISH))
    assert live_title(page) == "第一版"

    revert = f"/admin/pages/{page.pk}/revisions/{first.pk}/revert/"
    admin_client.post(revert, entry_form(org, title="第一版", revision=first.pk, **PUBLISH))
    assert is_live(page) and live_title(page) == "第一版"


# --------------------------------------------------------------------------- 4. bulk publish


def bulk_publish(client, pages, include_descendants=False):
    ids = "&".join(f"id={p.pk}" for p in pages)
    data = {"include_descendants": "on"} if include_descendants else {}
    return client.post(f"/admin/bulk/wagtailcore/page/publish/?{ids}", data)


def test_bulk_publish_is_all_or_nothing(admin_client, catalog):
    approved = factories.entry(catalog, publish=False, title="已审查")
    factories.approve(approved.get_latest_revision())
    unreviewed = factories.entry(catalog, publish=False, title="未审查")
    response = bulk_publish(admin_client, [approved, unreviewed])
    assert response.status_code in (200, 302)
    assert not is_live(approved) and not is_live(unreviewed)
    assert refusals_logged(unreviewed) == 1

    factories.approve(unreviewed.get_latest_revision())
    bulk_publish(admin_client, [approved, unreviewed])
    assert is_live(approved) and is_live(unreviewed)


def test_bulk_publish_with_descendants_is_refused(admin_client, portal, catalog):
    factories.entry(catalog, publish=False, title="目录下的草稿")
    response = bulk_publish(admin_client, [catalog], include_descendants=True)
    assert response.status_code in (200, 302)
    assert not CatalogEntryPage.objects.live().filter(title="目录下的草稿").exists()


# --------------------------------------------------------------------------- 9. copy in the admin


def test_admin_copy_with_publish_copies_is_refused(admin_client, catalog):
    entry = factories.entry(catalog, title="源条目")
    response = admin_client.post(
        f"/admin/pages/{entry.pk}/copy/",
        {"new_title": "副本", "new_slug": "copy-of-entry", "new_parent_page": catalog.pk, "publish_copies": "on"},
    )
    assert response.status_code == 302
    assert not Page.objects.filter(slug="copy-of-entry").exists()
    assert "未经保密审查" in messages_of(admin_client, response)


def test_admin_move_keeps_reviewed_content_live(admin_client, portal, catalog):
    from disclosure_pages.models import CatalogIndexPage

    entry = factories.entry(catalog, title="要移动的条目")
    other = factories.add_child(portal, CatalogIndexPage(title="另一个目录", slug="catalog-2"))
    response = admin_client.post(f"/admin/pages/{entry.pk}/move/{other.pk}/confirm/")
    assert response.status_code == 302
    assert is_live(entry) and Page.objects.get(pk=entry.pk).get_parent().pk == other.pk


# --------------------------------------------------------------------------- 6. APIs


def test_admin_api_publish_is_refused(admin_client, catalog):
    draft = factories.entry(catalog, publish=False)
    response = admin_client.post(
        f"/admin/api/main/pages/{draft.pk}/action/publish/", data="{}", content_type="application/json"
    )
    assert response.status_code == 403
    assert not is_live(draft)
    factories.approve(draft.get_latest_revision())
    response = admin_client.post(
        f"/admin/api/main/pages/{draft.pk}/action/publish/", data="{}", content_type="application/json"
    )
    assert response.status_code == 200
    assert is_live(draft)


@pytest.fixture
def token(superuser) -> str:
    return APIToken.create_token(user=superuser, name="tests")[1]


def v3(client, method: str, url: str, token: str, body: dict | None = None):
    return getattr(client, method)(
        url,
        data=json.dumps(body or {}),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )


def test_api_v3_publish_action_is_refused(client, catalog, token):
    draft = factories.entry(catalog, publish=False)
    response = v3(client, "post", f"/api/v3/pages/{draft.pk}/actions/publish/", token)
    assert response.status_code == 403
    assert not is_live(draft)
    assert refusals_logged(draft) == 1
    factories.approve(draft.get_latest_revision())
    assert v3(client, "post", f"/api/v3/pages/{draft.pk}/actions/publish/", token).status_code == 200
    assert is_live(draft)


def test_api_v3_create_and_publish_is_refused(client, portal, token):
    from disclosure_pages.models import DisclosureArticlePage

    body = {
        "meta": {"type": "disclosure_pages.DisclosureArticlePage", "parent_id": portal.pk, "action": "publish"},
        "title": "通过接口创建的文章",
        "slug": "api-created",
    }
    response = v3(client, "post", "/api/v3/pages/", token, body)
    assert response.status_code == 403, response.content
    assert "未经保密审查" in response.json()["error"]
    assert not DisclosureArticlePage.objects.filter(slug="api-created").exists()
    del body["meta"]["action"]  # a draft
    response = v3(client, "post", "/api/v3/pages/", token, body)
    assert response.status_code == 201, response.content
    assert DisclosureArticlePage.objects.filter(slug="api-created", live=False).exists()


def test_api_v3_update_and_publish_is_refused(client, catalog, token):
    entry = factories.entry(catalog, title="线上内容")
    body = {"meta": {"type": "disclosure_pages.CatalogEntryPage", "action": "publish"}, "title": "接口改写的标题"}
    response = v3(client, "patch", f"/api/v3/pages/{entry.pk}/", token, body)
    assert response.status_code in (400, 403), response.content
    assert live_title(entry) == "线上内容"
