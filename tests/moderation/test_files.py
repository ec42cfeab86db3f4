"""Files follow reviews (issue 8, items 1–3): only reviewed files of public content are served.

Real documents in a real storage, real publications through the guard, downloads through
Wagtail's serve view and changes through the admin's document views.
"""

from __future__ import annotations

import hashlib

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import path
from django.views.static import serve
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageLogEntry, PageViewRestriction

from disclosure_pages.checks import check_document_serve_method, check_media_not_served
from disclosure_pages.models import AnnualReportIndexPage, AnnualReportPage, CatalogEntryAttachment, DisclosureMode
from disclosure_pages.moderation import roles
from disclosure_pages.moderation.file_changes import LiveFileChange
from disclosure_pages.moderation.files import is_public_document, public_documents
from disclosure_pages.moderation.guard import UnreviewedPublication, approval_for
from disclosure_pages.moderation.models import Outcome
from disclosure_pages.moderation.review import record_review
from tests import factories
from tests.publication_helpers import is_live

pytestmark = pytest.mark.django_db
Document = get_document_model()
REFUSED_FILE = "disclosure_pages.file_change_refused"
APPROVED_BYTES = "经保密审查的附件：第一版。".encode()
UNREVIEWED_BYTES = "未经审查的替换文件：含内部信息。".encode()

# For the media check: a URLconf that serves MEDIA_ROOT directly, as the old DEBUG block did.
urlpatterns: list = []


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


def make_document(content: bytes = APPROVED_BYTES, name: str = "fujian.txt", title: str = "附件", **fields):
    document = Document(title=title, **fields)
    document.file.save(name, ContentFile(content), save=False)
    document.file_hash = hashlib.sha1(content).hexdigest()
    document.file_size = len(content)
    document.save()
    return document


def replace_file(document, content: bytes, name: str = "tihuan.txt") -> None:
    document.file.save(name, ContentFile(content), save=False)
    document.file_hash = hashlib.sha1(content).hexdigest()
    document.file_size = len(content)
    document.save()


def download(document, client: Client | None = None):
    document.refresh_from_db()
    return (client or Client()).get(document.url)


def body_of(response) -> bytes:
    return b"".join(response.streaming_content)


def live_entry_with(catalog, document, **fields):
    page = factories.entry(catalog, publish=False, **fields)
    page.attachments = [CatalogEntryAttachment(document=document)]
    return factories.publish(page)


def draft_entry_with(catalog, document, **fields):
    page = factories.entry(catalog, publish=False, **fields)
    page.attachments = [CatalogEntryAttachment(document=document)]
    page.save()
    page.save_revision()
    return page


def user_in(django_user_model, username: str, group: str | None):
    user = django_user_model.objects.create_user(username, f"{username}@example.gov.cn", "pw-for-tests-only")
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


# --------------------------------------------------------------------------- 2. uploads before review


def test_an_upload_attached_to_nothing_is_not_served(catalog):
    document = make_document()
    assert download(document).status_code == 404


def test_attachments_of_a_draft_a_rejected_and_a_withheld_entry_are_not_served(catalog):
    draft_doc, rejected_doc, withheld_doc = make_document(), make_document(), make_document()
    draft_entry_with(catalog, draft_doc)
    rejected = draft_entry_with(catalog, rejected_doc)
    record_review(rejected.get_latest_revision(), reviewer=None, outcome=Outcome.REJECTED, comment="含个人信息")
    draft_entry_with(catalog, withheld_doc, disclosure_mode=DisclosureMode.WITHHELD)
    for document in (draft_doc, rejected_doc, withheld_doc):
        assert download(document).status_code == 404
        assert not is_public_document(document)


def test_an_approved_live_attachment_is_served_until_unpublished(catalog):
    document = make_document()
    entry = live_entry_with(catalog, document)
    response = download(document)
    assert response.status_code == 200 and body_of(response) == APPROVED_BYTES
    assert document.url in Client().get(entry.url).content.decode()

    entry.unpublish()
    assert download(document).status_code == 404


def test_a_view_restriction_on_the_entry_or_an_ancestor_hides_its_files(portal, catalog):
    document = make_document()
    entry = live_entry_with(catalog, document)
    restriction = PageViewRestriction.objects.create(page=catalog, restriction_type="login")
    assert download(document).status_code == 404
    restriction.delete()
    assert download(document).status_code == 200
    PageViewRestriction.objects.create(page=entry, restriction_type="password", password="secret")
    assert download(document).status_code == 404


def test_reviewers_get_a_drafts_attachment_people_without_admin_access_do_not(catalog, django_user_model):
    document = make_document()
    draft_entry_with(catalog, document)
    reviewer = Client()
    reviewer.force_login(user_in(django_user_model, "reviewer", roles.REVIEWERS))
    response = download(document, reviewer)
    assert response.status_code == 200 and body_of(response) == APPROVED_BYTES
    citizen = Client()
    citizen.force_login(user_in(django_user_model, "citizen", None))
    assert download(document, citizen).status_code == 404


def test_public_documents_lists_only_reviewed_public_files_in_one_query(catalog, django_assert_num_queries):
    published = make_document()
    live_entry_with(catalog, published)
    for _ in range(4):
        draft_entry_with(catalog, make_document())
    hidden = Collection.get_first_root_node().add_child(name="内部")
    private = make_document(collection=hidden)
    live_entry_with(catalog, private)
    CollectionViewRestriction.objects.create(collection=hidden, restriction_type="login")

    # Restrictions are read once each (pages, collections), then one query whatever the count.
    with django_assert_num_queries(3):
        assert list(public_documents()) == [published]
    assert list(public_documents(Document.objects.filter(pk=private.pk))) == []


# --------------------------------------------------------------------------- 1. replacing a file


def test_replacing_a_live_file_in_the_admin_is_refused_and_the_public_bytes_stay(catalog, admin_client):
    document = make_document()
    entry = live_entry_with(catalog, document)
    url = document.url
    response = admin_client.post(
        f"/admin/documents/edit/{document.pk}/",
        {
            "title": document.title,
            "collection": document.collection_id,
            "tags": "",
            "file": SimpleUploadedFile("tihuan.txt", UNREVIEWED_BYTES, content_type="text/plain"),
        },
        HTTP_REFERER=f"http://testserver/admin/documents/edit/{document.pk}/",
    )
    assert response.status_code == 302
    shown = admin_client.get(response["Location"]).content.decode()
    assert "不能直接替换" in shown and entry.title in shown

    document.refresh_from_db()
    assert document.url == url and document.file_hash == hashlib.sha1(APPROVED_BYTES).hexdigest()
    public = Client().get(url)
    assert public.status_code == 200 and body_of(public) == APPROVED_BYTES
    assert is_live(entry)
    assert PageLogEntry.objects.filter(page=entry, action=REFUSED_FILE).count() == 1


def test_replacing_a_live_file_from_code_is_refused(catalog, media):
    document = make_document()
    entry = live_entry_with(catalog, document)
    with pytest.raises(LiveFileChange, match="不能直接替换"):
        replace_file(document, UNREVIEWED_BYTES)
    stored = Document.objects.get(pk=document.pk)
    assert stored.file_hash == hashlib.sha1(APPROVED_BYTES).hexdigest()
    assert body_of(download(stored)) == APPROVED_BYTES
    # Bytes swapped under the same name (a storage edit) no longer match the review: 404.
    Document.objects.filter(pk=document.pk).update(file_hash=hashlib.sha1(UNREVIEWED_BYTES).hexdigest())
    assert download(stored).status_code == 404
    # Another stored file under the reviewed hash (an update that skips Python): 404 too.
    other = make_document(UNREVIEWED_BYTES, name="other.txt")
    Document.objects.filter(pk=document.pk).update(file=other.file.name, file_hash=stored.file_hash)
    assert download(stored).status_code == 404
    assert is_live(entry)


def test_a_live_files_title_is_content_its_tags_are_not(catalog, admin_client):
    document = make_document(title="关于预算的说明")
    live_entry_with(catalog, document)
    document.title = "关于预算的说明（内部）"
    with pytest.raises(LiveFileChange, match="不能直接修改"):
        document.save()
    document.refresh_from_db()
    document.tags.add("预算")
    response = admin_client.post(
        f"/admin/documents/edit/{document.pk}/",
        {"title": document.title, "collection": document.collection_id, "tags": "预算, 2024"},
    )
    assert response.status_code == 302
    assert sorted(document.tags.names()) == ["2024", "预算"]


def test_files_not_in_live_use_may_be_replaced_and_renamed(catalog, admin_client):
    document = make_document()
    draft_entry_with(catalog, document)
    response = admin_client.post(
        f"/admin/documents/edit/{document.pk}/",
        {
            "title": "新标题",
            "collection": document.collection_id,
            "tags": "",
            "file": SimpleUploadedFile("xin.txt", UNREVIEWED_BYTES, content_type="text/plain"),
        },
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.title == "新标题" and document.file_hash == hashlib.sha1(UNREVIEWED_BYTES).hexdigest()


def test_deleting_a_file_of_live_content_is_refused_in_the_admin_and_in_code(catalog, admin_client):
    linked = make_document()
    block = make_document()
    entry = factories.entry(
        catalog,
        publish=False,
        body=[
            ("paragraph", f'<p>详见<a linktype="document" id="{linked.pk}">附件</a>。</p>'),
            ("document", block),
        ],
    )
    factories.publish(entry)
    response = admin_client.post(f"/admin/documents/delete/{linked.pk}/")
    assert response.status_code == 302
    assert Document.objects.filter(pk=linked.pk).exists()
    assert PageLogEntry.objects.filter(page=entry, action=REFUSED_FILE).count() == 1
    with pytest.raises(LiveFileChange, match="不能删除"), transaction.atomic():
        Document.objects.get(pk=block.pk).delete()
    page = Client().get(entry.url)
    assert page.status_code == 200
    assert linked.url in page.content.decode() and block.url in page.content.decode()
    assert download(linked).status_code == 200 and download(block).status_code == 200

    # Once the page is withdrawn, the files may go and the page keeps rendering for editors.
    entry.unpublish()
    linked.delete()
    block.delete()
    assert admin_client.get(f"/admin/pages/{entry.pk}/edit/").status_code == 200


def test_the_new_version_is_public_after_a_reviewed_publication_of_the_page(catalog):
    old = make_document()
    entry = live_entry_with(catalog, old)
    new = make_document(UNREVIEWED_BYTES, name="xin.txt")
    assert download(new).status_code == 404
    entry.attachments = [CatalogEntryAttachment(document=new)]
    factories.publish(entry)
    assert body_of(download(new)) == UNREVIEWED_BYTES
    assert download(old).status_code == 404


# --------------------------------------------------------------------------- 3. rich-text links


def test_replacing_a_file_linked_from_rich_text_needs_a_new_review(catalog):
    document = make_document()
    entry = factories.entry(
        catalog, publish=False, body=[("paragraph", f'<p>见<a id="{document.pk}" linktype="document">附件</a></p>')]
    )
    revision = entry.save_revision()
    factories.approve(revision)
    assert approval_for(revision.as_object()) is not None
    replace_file(document, UNREVIEWED_BYTES)  # allowed: no live content uses it yet
    assert approval_for(revision.as_object()) is None
    with pytest.raises(UnreviewedPublication):
        revision.publish()


def test_a_rich_text_field_link_is_covered_and_served_once_published(portal, org):
    document = make_document()
    reports = factories.section(portal, AnnualReportIndexPage)
    report = factories.add_child(
        reports,
        AnnualReportPage(
            title="2024年政府信息公开工作年度报告", slug="report-2024", organisation=org, year=2024,
            section_overview=f'<p>统计表见<a linktype="document" id="{document.pk}">附表</a>。</p>',
        ),
        publish=False,
    )
    revision = report.get_latest_revision()
    factories.approve(revision)
    replace_file(document, UNREVIEWED_BYTES)
    assert approval_for(revision.as_object()) is None
    factories.publish(report)
    assert body_of(download(document)) == UNREVIEWED_BYTES
    with pytest.raises(LiveFileChange):
        replace_file(document, APPROVED_BYTES, name="third.txt")


def test_upgrading_records_files_of_live_content_that_still_has_its_approval(catalog):
    from io import StringIO

    from disclosure_pages.models import PublishedFile

    kept, swapped = make_document(), make_document()
    live_entry_with(catalog, kept)
    tampered = live_entry_with(catalog, swapped)
    PublishedFile.objects.all().delete()  # as before migration 0008
    # Replaced without review before the upgrade (issue 8, item 1): its approval no longer fits.
    Document.objects.filter(pk=swapped.pk).update(file_hash=hashlib.sha1(UNREVIEWED_BYTES).hexdigest())
    out = StringIO()
    call_command("record_published_files", stdout=out)
    assert download(kept).status_code == 200
    assert download(swapped).status_code == 404
    assert tampered.title in out.getvalue()


# --------------------------------------------------------------------------- settings


def test_documents_are_served_only_through_the_view(settings):
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    call_command("check")  # the real URLconf and settings pass (raises on an error)
    assert check_document_serve_method() == []
    assert check_media_not_served() == []
    for method in ("redirect", "direct", None):
        settings.WAGTAILDOCS_SERVE_METHOD = method
        assert [e.id for e in check_document_serve_method()] == ["disclosure_pages.E001"]


def test_a_url_serving_media_root_is_an_error(settings):
    urlpatterns[:] = [path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]
    settings.ROOT_URLCONF = __name__
    assert [e.id for e in check_media_not_served()] == ["disclosure_pages.E002"]
