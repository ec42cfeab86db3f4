"""Replies are disclosures: the applicant sees a reply and its documents only after an approved
review of exactly that content by someone who wrote none of it, on every path that could show them."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail, signing
from django.core.files.base import ContentFile
from django.db import DatabaseError, connection, transaction
from django.test.utils import CaptureQueriesContext

from disclosure_applications import release, reply_drafts, reply_reviews, transitions
from disclosure_applications.choices import Outcome, Status
from disclosure_applications.downloads import SALT, signed_url
from disclosure_applications.models import ApplicationEvent, Reply, ReplyDocument, ReplyReview
from disclosure_applications.replies import REPLY_CHECKLIST_KEYS
from disclosure_pages.moderation.models import ImmutableRecord
from disclosure_pages.moderation.roles import REVIEWERS

from .conftest import letter, person, upload

Kind = ApplicationEvent.Kind
NOTICE = "张*：\n\n　　经审查，现予部分公开，见所附文件。"
DOCUMENT = "2024年城乡低保资金发放汇总表（已区分处理）。".encode()


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)


@pytest.fixture
def application(office):
    return letter(office, datetime.date(2025, 9, 26))


@pytest.fixture
def in_review(application) -> Reply:
    """部分公开 with one document, written by the handler and sent to review."""
    reply_drafts.save_draft(
        application, outcome=Outcome.PARTLY, notice=NOTICE, user=person("handler"),
        uploads=[upload("汇总表.txt", DOCUMENT)],
    )  # fmt: skip
    reply_drafts.submit(application, person("handler"))
    reply = Reply.objects.get(application=application)
    reply.application = application  # with its query code
    return reply


def approve(reply: Reply, user=None) -> None:
    reply_reviews.approve(reply, user or person("reviewer", REVIEWERS), checklist=REPLY_CHECKLIST_KEYS, acknowledged=True)


def track(client, application) -> str:
    response = client.post("/applications/track/", {"number": application.number, "code": application.query_code})
    assert response.status_code == 200
    return response.content.decode()


def api(client, application) -> dict:
    response = client.get(f"/api/applications/{application.number}/", {"code": application.query_code})
    assert response.status_code == 200
    return response.json()


def download(client, reply: Reply):
    return client.get(signed_url(reply.application, reply.documents.get()))


def test_nothing_of_the_reply_is_shown_before_its_review(client, in_review) -> None:
    application = in_review.application
    application.refresh_from_db()
    assert application.status == Status.REPLY_IN_REVIEW and not application.outcome
    assert "经审查" not in track(client, application) and "部分公开" not in track(client, application)
    body = api(client, application)
    assert body["reply"] is None and body["outcome"] is None
    assert download(client, in_review).status_code == 404


def test_after_approval_the_applicant_reads_the_notice_and_downloads_the_document(client, in_review) -> None:
    approve(in_review)
    application = in_review.application
    application.refresh_from_db()
    assert application.status == Status.ANSWERED and application.outcome == Outcome.PARTLY
    html = track(client, application)
    assert "经审查，现予部分公开" in html and "汇总表.txt" in html
    body = api(client, application)
    assert body["reply"]["notice"] == NOTICE and body["reply"]["documents"][0]["url"].startswith("http://testserver/")
    response = download(client, in_review)
    assert response.status_code == 200 and b"".join(response.streaming_content) == DOCUMENT
    assert "no-store" in response["Cache-Control"] and "attachment" in response["Content-Disposition"]


def test_the_applicant_is_told_by_email_that_there_is_a_reply_but_not_what_it_says(
    in_review, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        approve(in_review)
    [message] = [m for m in mail.outbox if "已答复" in m.subject]
    assert in_review.application.number in message.body and "部分公开" not in message.body


def test_the_writer_cannot_review_the_reply_even_as_a_reviewer(in_review) -> None:
    writer = person("handler")
    writer.groups.add(*person("reviewer", REVIEWERS).groups.all())
    with pytest.raises(release.ReleaseRefused, match="撰写答复的人不能审查"):
        approve(in_review, writer)
    with pytest.raises(release.ReleaseRefused):
        reply_reviews.reject(in_review, writer, comment="退回。")
    assert not ReplyReview.objects.exists()


def test_nobody_without_the_review_permission_releases_a_reply(in_review, django_user_model) -> None:
    other_handler = django_user_model.objects.create_user("other")
    with pytest.raises(release.ReleaseRefused):
        approve(in_review, other_handler)
    in_review.application.refresh_from_db()
    assert in_review.application.status == Status.REPLY_IN_REVIEW


def test_an_incomplete_checklist_or_unacknowledged_finding_is_refused(application) -> None:
    notice = "张*：经审查予以公开。联系人：13912345678。"
    reply_drafts.save_draft(
        application, outcome=Outcome.DISCLOSED, notice=notice, user=person("handler"), uploads=[upload()]
    )
    reply_drafts.submit(application, person("handler"))
    reply = Reply.objects.get(application=application)
    reviewer = person("reviewer", REVIEWERS)
    with pytest.raises(release.ReleaseRefused, match="逐项核对"):
        reply_reviews.approve(reply, reviewer, checklist=REPLY_CHECKLIST_KEYS[:2], acknowledged=True)
    with pytest.raises(release.ReleaseRefused, match="自动预审提示"):
        reply_reviews.approve(reply, reviewer, checklist=REPLY_CHECKLIST_KEYS, acknowledged=False)
    assert not ReplyReview.objects.exists()
    review = reply_reviews.approve(reply, reviewer, checklist=REPLY_CHECKLIST_KEYS, acknowledged=True)
    assert review.findings and "13912345678" not in str(review.findings)  # masked, as the pages' findings


def test_a_rejected_reply_goes_back_to_the_office_and_is_not_released(client, in_review) -> None:
    reply_reviews.reject(in_review, person("reviewer", REVIEWERS), comment="附件未遮盖第三方姓名。")
    application = in_review.application
    application.refresh_from_db()
    assert application.status == Status.RECEIVED and api(client, application)["reply"] is None
    assert application.events.filter(kind=Kind.REPLY_RETURNED, note="附件未遮盖第三方姓名。").exists()
    reply_drafts.save_draft(application, outcome=Outcome.PARTLY, notice=NOTICE + "（已遮盖）", user=person("handler"))
    reply_drafts.submit(application, person("handler"))
    approve(in_review)
    assert "（已遮盖）" in api(client, application)["reply"]["notice"]


def test_a_reply_in_review_or_released_cannot_be_edited(in_review) -> None:
    with pytest.raises(release.ReleaseRefused):
        reply_drafts.save_draft(in_review.application, outcome=Outcome.DISCLOSED, notice="x", user=person("handler"))
    approve(in_review)
    with pytest.raises(release.ReleaseRefused):
        reply_drafts.save_draft(in_review.application, outcome=Outcome.DISCLOSED, notice="x", user=person("handler"))


def test_content_changed_after_approval_behind_the_rules_back_is_not_shown(client, in_review) -> None:
    approve(in_review)
    application = in_review.application
    Reply.objects.filter(pk=in_review.pk).update(notice="未经审查的内容")
    assert api(client, application)["reply"] is None and "未经审查的内容" not in track(client, application)
    assert download(client, in_review).status_code == 404


def test_a_document_added_or_whose_bytes_changed_after_approval_is_not_served(client, in_review) -> None:
    approve(in_review)
    document = in_review.documents.get()
    document.file.storage.delete(document.file.name)
    document.file.storage.save(document.file.name, ContentFile("被替换的内容".encode()))
    assert download(client, in_review).status_code == 404
    assert api(client, in_review.application)["reply"] is not None  # the notice itself is unchanged
    extra = ReplyDocument(reply=in_review, title="追加.txt", sha256="0" * 64)
    extra.file.save("extra.txt", ContentFile(b"extra"), save=True)
    assert api(client, in_review.application)["reply"] is None


def test_releasing_outcomes_need_a_document_and_every_reply_a_notice(application) -> None:
    reply_drafts.save_draft(application, outcome=Outcome.DISCLOSED, notice=NOTICE, user=person("handler"))
    with pytest.raises(release.ReleaseRefused, match="须附上"):
        reply_drafts.submit(application, person("handler"))
    reply_drafts.save_draft(application, outcome=Outcome.UNABLE_1, notice="  ", user=person("handler"))
    with pytest.raises(release.ReleaseRefused, match="不能为空"):
        reply_drafts.submit(application, person("handler"))
    application.refresh_from_db()
    assert application.status == Status.RECEIVED


def test_withdrawn_while_in_review_is_never_released(client, in_review) -> None:
    transitions.record(in_review.application, Kind.WITHDRAWN, datetime.date(2025, 10, 10))
    with pytest.raises(release.ReleaseRefused, match="不在审查中"):
        approve(in_review)
    assert api(client, in_review.application)["reply"] is None


@pytest.mark.parametrize("token", ["", "abc", "W10:1:x"])
def test_forged_or_foreign_download_links_are_not_found(client, in_review, token) -> None:
    approve(in_review)
    assert client.get(f"/applications/reply/{token or 'x'}/").status_code == 404
    other = letter(in_review.application.organisation, datetime.date(2025, 9, 29))
    foreign = signing.dumps([other.pk, in_review.documents.get().pk], salt=SALT, compress=True)
    assert client.get(f"/applications/reply/{foreign}/").status_code == 404


def test_review_records_are_immutable(in_review) -> None:
    approve(in_review)
    review = ReplyReview.objects.get()
    with pytest.raises(ImmutableRecord):
        review.save()
    with pytest.raises(ImmutableRecord):
        ReplyReview.objects.all().delete()
    with pytest.raises(ImmutableRecord):
        ReplyReview.objects.update(comment="改")


def test_the_status_page_and_api_with_a_reply_have_a_fixed_query_budget(client, application) -> None:
    uploads = [upload(f"附件{n}.txt", f"第{n}份".encode()) for n in range(4)]
    reply_drafts.save_draft(application, outcome=Outcome.DISCLOSED, notice=NOTICE, user=person("handler"), uploads=uploads)
    reply_drafts.submit(application, person("handler"))
    approve(Reply.objects.get(application=application))
    assert track(client, application).count("附件") == 4  # the first request of a site also creates its settings
    with CaptureQueriesContext(connection) as page_queries:
        track(client, application)
    with CaptureQueriesContext(connection) as api_queries:
        assert len(api(client, application)["reply"]["documents"]) == 4
    # Application, events, reply, its documents, its latest review; the rest is the page chrome.
    assert len(page_queries) <= 11 and len(api_queries) <= 5


def test_review_records_refuse_raw_sql_too(in_review) -> None:
    """Below the model: the database itself refuses to change a record (and, on PostgreSQL, to delete one)."""
    approve(in_review)
    review = ReplyReview.objects.get()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"UPDATE {ReplyReview._meta.db_table} SET fingerprint = 'x' WHERE id = %s", [review.pk])
    if connection.vendor == "postgresql":
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {ReplyReview._meta.db_table} WHERE id = %s", [review.pk])
    assert ReplyReview.objects.get().fingerprint == review.fingerprint
