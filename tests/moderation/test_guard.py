"""Everything a live page shows stays as reviewed: child rows, database writes, review records.

Issue 8, items 4–6: child rows changed in code, database writes that skip Python
(``QuerySet.update``, raw SQL, ``alias_of``), and review records that could disappear.
Each write is tried on a live, approved page and must be refused, by the model layer
with a clear message where Python runs, by the database where it does not.
"""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from django.db import DatabaseError, IntegrityError, connection, models, transaction
from wagtail.models import Page

from disclosure_pages.models import (
    CatalogEntryAttachment,
    CatalogEntryPage,
    ClassificationTerm,
    ConfidentialityReview,
    GuidePage,
    InterpretationIndexPage,
    Outcome,
    PolicyInterpretationPage,
    PolicyLink,
    ReadingRoom,
)
from disclosure_pages.models import GuideIndexPage as GuideIndex
from disclosure_pages.moderation.guard import UnreviewedPublication
from disclosure_pages.moderation.passes import PublicationPass
from disclosure_pages.moderation.publication import UnreviewedChange
from disclosure_pages.moderation.review import record_review
from tests import factories
from tests.publication_helpers import is_live, live_title

pytestmark = pytest.mark.django_db
DB_REFUSAL = (IntegrityError, DatabaseError)
triggers = importlib.import_module("disclosure_pages.migrations.0007_publication_passes")


def refused_by_database(write) -> None:
    with pytest.raises(DB_REFUSAL):
        with transaction.atomic():
            write()


def make_document(title: str = "附件", content: bytes = b"approved bytes"):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    document = get_document_model()(title=title)
    document.file.save(f"{title}.txt", ContentFile(content), save=False)
    document.save()
    return document


@pytest.fixture
def live_entry(catalog):
    page = factories.entry(catalog, publish=False, title="已审查并公开的条目")
    page.attachments.add(CatalogEntryAttachment(document=make_document(), title="原附件"))
    page.audience_categories.add(ClassificationTerm.objects.filter(dimension="audience").first())
    return factories.publish(page)


@pytest.fixture
def live_interpretation(portal, live_entry, catalog):
    other = factories.entry(catalog, title="另一份政策文件")
    index = factories.section(portal, InterpretationIndexPage)
    page = PolicyInterpretationPage(
        title="政策解读", slug="jiedu", publish_date=live_entry.publish_date, interpreting_organ=factories.organisation()
    )
    page.policy_links.add(PolicyLink(policy=live_entry))
    factories.add_child(index, page)
    return page, other


@pytest.fixture
def live_guide(portal):
    page = GuidePage(
        title="公开指南", slug="zhinan-2024", revision_year=2024, body_name="政务公开科", body_address="龙门路1号",
        body_office_hours="工作日", body_phone="0556-5500000", proactive_scope="<p>范围</p>",
        proactive_channels="<p>网站</p>", supervision="<p>投诉</p>",
    )
    page.reading_rooms.add(ReadingRoom(name="政务服务中心查阅点", address="人民路1号"))
    return factories.add_child(factories.section(portal, GuideIndex), page)


# --------------------------------------------------------------------------- 4. child rows


def test_an_attachment_title_changed_in_code_is_refused(live_entry):
    attachment = CatalogEntryAttachment.objects.get(page=live_entry)
    attachment.title = "偷偷改掉的附件名"
    with pytest.raises(UnreviewedChange, match="已审查并公开的条目"):
        attachment.save()
    refused_by_database(lambda: CatalogEntryAttachment.objects.filter(pk=attachment.pk).update(title="改名"))
    assert CatalogEntryAttachment.objects.get(pk=attachment.pk).title == "原附件"


def test_a_new_attachment_on_live_content_is_refused(live_entry):
    document = make_document("新附件", b"unreviewed")
    with pytest.raises(UnreviewedChange):
        CatalogEntryAttachment.objects.create(page=live_entry, document=document, title="未经审查")
    refused_by_database(
        lambda: CatalogEntryAttachment.objects.bulk_create([CatalogEntryAttachment(page_id=live_entry.pk, document=document)])
    )
    assert CatalogEntryAttachment.objects.filter(page=live_entry).count() == 1


def test_removing_an_attachment_from_live_content_is_refused(live_entry):
    # Django deletes inside atomic(savepoint=False): a refusal there ends the whole
    # transaction (in a request, ModerationMiddleware rolls it back), hence the savepoints.
    with pytest.raises(UnreviewedChange), transaction.atomic():
        CatalogEntryAttachment.objects.get(page=live_entry).delete()
    with pytest.raises(UnreviewedChange), transaction.atomic():
        CatalogEntryAttachment.objects.filter(page=live_entry).delete()
    refused_by_database(lambda: CatalogEntryAttachment.objects.filter(page=live_entry)._raw_delete(connection.alias))
    assert CatalogEntryAttachment.objects.filter(page=live_entry).count() == 1


def test_a_policy_link_pointed_elsewhere_is_refused(live_interpretation):
    page, other = live_interpretation
    link = PolicyLink.objects.get(interpretation=page)
    link.policy = other
    with pytest.raises(UnreviewedChange):
        link.save()
    refused_by_database(lambda: PolicyLink.objects.filter(pk=link.pk).update(policy=other))
    assert PolicyLink.objects.get(pk=link.pk).policy_id != other.pk


def test_a_guide_reading_room_changed_in_code_is_refused(live_guide):
    room = ReadingRoom.objects.get(page=live_guide)
    room.address = "另一个地址"
    with pytest.raises(UnreviewedChange):
        room.save()
    refused_by_database(lambda: ReadingRoom.objects.filter(pk=room.pk).update(address="另一个地址"))
    assert ReadingRoom.objects.get(pk=room.pk).address == "人民路1号"


def test_many_to_many_rows_of_live_content_are_refused(live_entry):
    through = CatalogEntryPage.audience_categories.through
    linked = through.objects.filter(catalogentrypage_id=live_entry.pk).values_list("classificationterm_id", flat=True)
    term = ClassificationTerm.objects.filter(dimension="audience").exclude(pk__in=list(linked)).first()
    refused_by_database(lambda: through.objects.create(catalogentrypage_id=live_entry.pk, classificationterm_id=term.pk))
    refused_by_database(lambda: through.objects.filter(catalogentrypage_id=live_entry.pk).delete())
    assert through.objects.filter(catalogentrypage_id=live_entry.pk).count() == 1


def test_child_rows_change_with_a_reviewed_publication(live_entry):
    """The way that works: edit the page, have it reviewed, publish it."""
    live_entry.attachments.add(CatalogEntryAttachment(document=make_document("第二个附件"), title="新增附件"))
    revision = live_entry.save_revision()
    assert live_entry.attachments.model.objects.filter(page=live_entry).count() == 1  # a draft only
    with pytest.raises(UnreviewedPublication):
        revision.publish()
    factories.approve(revision)
    revision.publish()
    assert CatalogEntryAttachment.objects.filter(page=live_entry).count() == 2
    assert not PublicationPass.objects.exists()  # passes never outlive their save


def test_child_rows_of_drafts_change_freely(catalog):
    draft = factories.entry(catalog, publish=False)
    CatalogEntryAttachment.objects.create(page=draft, document=make_document("草稿附件"), title="草稿")
    CatalogEntryAttachment.objects.filter(page=draft).update(title="草稿改名")
    CatalogEntryAttachment.objects.filter(page=draft).delete()


def test_deleting_a_live_page_takes_its_child_rows_with_it(live_entry):
    live_entry.delete()
    assert not CatalogEntryAttachment.objects.filter(page_id=live_entry.pk).exists()
    assert not PublicationPass.objects.exists()


def test_unpublishing_then_editing_child_rows_is_free(live_entry):
    live_entry.unpublish()
    attachment = CatalogEntryAttachment.objects.get(page=live_entry)
    attachment.title = "下线后修改"
    attachment.save()
    assert not is_live(live_entry)


# --------------------------------------------------------------------------- 5. the database


def test_an_old_approval_does_not_let_new_content_live_by_queryset(live_entry):
    live_entry.unpublish()
    page = CatalogEntryPage.objects.get(pk=live_entry.pk)
    page.title = "下线后写入的未审查内容"
    page.summary = "未经审查"
    page.save()  # a draft: allowed
    refused_by_database(lambda: Page.objects.filter(pk=live_entry.pk).update(live=True))
    assert not is_live(live_entry)


def test_alias_of_cannot_smuggle_a_draft_live(live_entry, catalog):
    draft = factories.entry(catalog, publish=False, title="从未审查的草稿")
    refused_by_database(lambda: Page.objects.filter(pk=draft.pk).update(alias_of_id=live_entry.pk, live=True))
    assert not is_live(draft)


def test_content_columns_of_a_live_row_do_not_change_outside_a_publication(live_entry):
    refused_by_database(lambda: Page.objects.filter(pk=live_entry.pk).update(title="绕过审查的标题"))
    refused_by_database(lambda: Page.objects.filter(pk=live_entry.pk).update(search_description="描述"))
    refused_by_database(lambda: CatalogEntryPage.objects.filter(pk=live_entry.pk).update(summary="绕过审查"))
    refused_by_database(lambda: CatalogEntryPage.objects.filter(pk=live_entry.pk).update(doc_number="某发〔2024〕1号"))

    def raw_sql():
        with connection.cursor() as cursor:
            cursor.execute(f"UPDATE {CatalogEntryPage._meta.db_table} SET summary = %s WHERE page_ptr_id = %s",
                           ["原始SQL", live_entry.pk])

    refused_by_database(raw_sql)
    assert live_title(live_entry) == "已审查并公开的条目"
    assert CatalogEntryPage.objects.get(pk=live_entry.pk).summary == ""


def test_bookkeeping_of_a_live_row_may_change(live_entry):
    """Tree position, locks, menus and drafts' bookkeeping are not what citizens read."""
    Page.objects.filter(pk=live_entry.pk).update(locked=True, show_in_menus=True, draft_title="草稿标题")
    Page.objects.filter(pk=live_entry.pk).update(live=False)  # withdrawing is always allowed
    assert not is_live(live_entry)


def test_a_pass_for_another_page_does_not_open_this_one(live_entry, catalog):
    other = factories.entry(catalog, title="另一条")
    with transaction.atomic():
        PublicationPass.objects.create(page_id=other.pk)
        refused_by_database(lambda: Page.objects.filter(pk=live_entry.pk).update(title="借别人的许可"))
        PublicationPass.objects.filter(page_id=other.pk).delete()


def test_a_pass_without_an_approval_of_that_page_does_not_put_it_live(live_entry, catalog):
    draft = factories.entry(catalog, publish=False, title="未经审查")
    approval = ConfidentialityReview.objects.filter(page_id=live_entry.pk).first()
    with transaction.atomic():
        PublicationPass.objects.create(page_id=draft.pk, review_id=approval.pk)
        refused_by_database(lambda: Page.objects.filter(pk=draft.pk).update(live=True))
        PublicationPass.objects.filter(page_id=draft.pk).delete()
    assert not is_live(draft)


# --------------------------------------------------------------------------- 6. review records


def test_a_rejection_cannot_be_deleted_below_the_model_layer(catalog):
    draft = factories.entry(catalog, publish=False, title="被退回的条目")
    revision = draft.get_latest_revision()
    factories.approve(revision)
    rejection = record_review(revision, reviewer=None, outcome=Outcome.REJECTED, comment="含个人信息")
    # The plain QuerySet's delete (what a careless script or the admin's collector uses).
    refused_by_database(lambda: models.QuerySet(ConfidentialityReview).filter(pk=rejection.pk).delete())
    refused_by_database(lambda: ConfidentialityReview.objects.filter(pk=rejection.pk)._raw_delete(connection.alias))

    def raw_delete():
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {ConfidentialityReview._meta.db_table}")

    refused_by_database(raw_delete)
    assert ConfidentialityReview.objects.filter(pk=rejection.pk).exists()
    with pytest.raises(UnreviewedPublication):
        revision.publish()  # the rejection still wins over the earlier approval


@pytest.mark.skipif(connection.vendor != "postgresql", reason="TRUNCATE exists on PostgreSQL only")
def test_review_records_cannot_be_truncated(catalog):
    factories.entry(catalog)

    def truncate():
        with connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {ConfidentialityReview._meta.db_table}")

    refused_by_database(truncate)
    assert ConfidentialityReview.objects.exists()


# --------------------------------------------------------------------------- coverage


def installed_triggers() -> set[tuple[str, str]]:
    """(table, trigger name) of the triggers in the database."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'")
        else:
            cursor.execute(
                "SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal"
            )
        return set(cursor.fetchall())


def test_every_table_of_a_disclosure_page_is_guarded():
    """A new page type or child relation needs its triggers: this fails until it has them."""
    page, specific, children = triggers.disclosure_tables(apps)
    tables = {table for table, _name in installed_triggers()}
    missing = [t for t in [page, *specific, *(t for t, _c in children)] if t not in tables]
    assert not missing, f"no confidentiality trigger on {missing}: add a migration that installs them"
    assert {"disclosure_pages_catalogentryattachment", "disclosure_pages_readingroom", "disclosure_pages_policylink",
            "disclosure_pages_catalogentrypage_audience_categories"} <= {t for t, _c in children}
