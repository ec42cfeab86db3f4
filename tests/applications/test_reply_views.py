"""The reply in the admin: the handler writes it from the outcome's template and sends it to
review; a reviewer who wrote none of it releases it, without seeing the applicant's personal data."""

from __future__ import annotations

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

from disclosure_applications.choices import Outcome, Status
from disclosure_applications.models import OfficeHandler, Reply, ReplyReview
from disclosure_applications.replies import REPLY_CHECKLIST_KEYS
from disclosure_pages.moderation.roles import REVIEWERS

from .conftest import ID_NUMBER, letter

HANDLERS = "信息公开申请办理人"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)


@pytest.fixture
def people(office, django_user_model):
    handler = django_user_model.objects.create_user("handler", "h@example.gov.cn", "pw")
    handler.groups.add(Group.objects.get(name=HANDLERS))
    OfficeHandler.objects.create(user=handler, organisation=office)
    reviewer = django_user_model.objects.create_user("reviewer", "r@example.gov.cn", "pw")
    reviewer.groups.add(Group.objects.get(name=REVIEWERS))
    return handler, reviewer


@pytest.fixture
def application(office):
    return letter(office, datetime.date(2025, 9, 26), name="张三丰")


def write(client, application, action: str, **fields):
    data = {"outcome": Outcome.PARTLY, "notice": "", "action": action, **fields}
    return client.post(f"/admin/applications/reply/{application.pk}/", data)


def seen(html: str) -> str:
    return re.search(r'name="seen" value="([0-9a-f]{64})"', html).group(1)


def test_the_handler_drafts_the_notice_from_the_outcomes_template(client, people, application) -> None:
    client.force_login(people[0])
    assert write(client, application, "draft").status_code == 302
    reply = Reply.objects.get(application=application)
    assert "第三十七条" in reply.notice and application.number in reply.notice
    assert "张**：" in reply.notice and "张三丰" not in reply.notice  # reviewers see no personal data
    html = client.get(f"/admin/applications/reply/{application.pk}/").content.decode()
    assert "第三十七条" in html


def test_submitting_without_the_document_is_refused_with_a_message(client, people, application) -> None:
    client.force_login(people[0])
    response = write(client, application, "submit", notice="部分公开。")
    assert response.status_code == 302
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("须附上" in m for m in messages)
    application.refresh_from_db()
    assert application.status == Status.RECEIVED


def test_write_review_release_through_the_admin(client, people, application) -> None:
    handler, reviewer = people
    client.force_login(handler)
    document = SimpleUploadedFile("汇总表.txt", "汇总表（已遮盖）。".encode(), "text/plain")
    assert write(client, application, "submit", notice="部分公开，见附件。", documents=document).status_code == 302
    application.refresh_from_db()
    assert application.status == Status.REPLY_IN_REVIEW
    # The handler is not offered the review, and cannot post one.
    refused = client.get("/admin/applications/replies/")
    assert refused.status_code == 302 and refused["Location"] == "/admin/"  # Wagtail's "no permission"
    client.force_login(reviewer)
    listing = client.get("/admin/applications/replies/").content.decode()
    assert application.number in listing and "张三丰" not in listing
    page = client.get(f"/admin/applications/replies/{application.pk}/review/").content.decode()
    assert "部分公开，见附件。" in page and "汇总表.txt" in page
    assert "张三丰" not in page and ID_NUMBER not in page and application.phone not in page
    response = client.post(
        f"/admin/applications/replies/{application.pk}/review/",
        {"decision": "approve", "checklist": REPLY_CHECKLIST_KEYS, "comment": "同意。", "seen": seen(page)},
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Status.ANSWERED and application.outcome == Outcome.PARTLY
    assert ReplyReview.objects.get().reviewer == reviewer
    document_id = Reply.objects.get(application=application).documents.get().pk
    assert client.get(f"/admin/applications/replies/document/{document_id}/").status_code == 200


def test_reviewers_see_waiting_replies_on_the_dashboard_and_handlers_do_not(client, people, application) -> None:
    handler, reviewer = people
    client.force_login(handler)
    write(client, application, "submit", outcome=Outcome.UNABLE_1, notice="本机关不掌握。")
    assert "reply-review-panel-count" not in client.get("/admin/").content.decode()
    client.force_login(reviewer)
    html = client.get("/admin/").content.decode()
    assert "1 件申请答复等待保密审查" in html and "已超过答复期限" in html  # received in 2025: long overdue


def test_an_approval_of_content_the_reviewer_did_not_see_is_refused(client, people, application) -> None:
    handler, reviewer = people
    client.force_login(handler)
    write(client, application, "submit", outcome=Outcome.UNABLE_1, notice="本机关不掌握。")
    client.force_login(reviewer)
    page = client.get(f"/admin/applications/replies/{application.pk}/review/").content.decode()
    Reply.objects.filter(application=application).update(notice="审查期间被改动的内容")
    response = client.post(
        f"/admin/applications/replies/{application.pk}/review/",
        {"decision": "approve", "checklist": REPLY_CHECKLIST_KEYS, "seen": seen(page)},
    )
    assert response.status_code == 200 and "发生了变化" in response.content.decode()
    application.refresh_from_db()
    assert application.status == Status.REPLY_IN_REVIEW and not ReplyReview.objects.exists()


def test_a_rejection_needs_a_comment_and_returns_the_reply(client, people, application) -> None:
    handler, reviewer = people
    client.force_login(handler)
    write(client, application, "submit", outcome=Outcome.UNABLE_1, notice="本机关不掌握。")
    client.force_login(reviewer)
    url = f"/admin/applications/replies/{application.pk}/review/"
    page = client.get(url).content.decode()
    assert client.post(url, {"decision": "reject", "seen": seen(page)}).status_code == 200
    assert client.post(url, {"decision": "reject", "comment": "依据条款有误。", "seen": seen(page)}).status_code == 302
    application.refresh_from_db()
    assert application.status == Status.RECEIVED
    client.force_login(handler)
    assert "依据条款有误。" in client.get(f"/admin/applications/reply/{application.pk}/").content.decode()


def test_unsafe_uploads_are_refused_and_removed_documents_leave_storage(
    client, people, application, django_capture_on_commit_callbacks
) -> None:
    client.force_login(people[0])
    page = SimpleUploadedFile("答复.html", b"<script>alert(1)</script>", "text/html")
    response = write(client, application, "save", notice="部分公开。", documents=page)
    assert response.status_code == 200 and "答复.html" not in str(Reply.objects.values_list("documents__title"))
    assert "文件扩展" in response.content.decode() or "extension" in response.content.decode()
    good = SimpleUploadedFile("汇总表.txt", "汇总表。".encode(), "text/plain")
    write(client, application, "save", notice="部分公开。", documents=good)
    document = Reply.objects.get(application=application).documents.get()
    assert document.file.storage.exists(document.file.name)
    with django_capture_on_commit_callbacks(execute=True):
        write(client, application, "save", notice="部分公开。", remove=[document.pk])
    assert not Reply.objects.get(application=application).documents.exists()
    assert not document.file.storage.exists(document.file.name)


def test_another_bodys_handler_cannot_write_or_download(client, people, application, django_user_model) -> None:
    stranger = django_user_model.objects.create_user("stranger")
    stranger.groups.add(Group.objects.get(name=HANDLERS))
    client.force_login(people[0])
    write(client, application, "save", notice="部分公开。", documents=SimpleUploadedFile("a.txt", b"a", "text/plain"))
    document = Reply.objects.get(application=application).documents.get()
    client.force_login(stranger)
    assert write(client, application, "save", notice="x").status_code == 404
    assert Reply.objects.get(application=application).notice == "部分公开。"
    assert client.get(f"/admin/applications/replies/document/{document.pk}/").status_code == 404
