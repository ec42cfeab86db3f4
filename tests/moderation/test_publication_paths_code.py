"""The confidentiality invariant on paths that do not go through an admin form.

Each path: refused without an approved review, allowed after approval, refused again
after an edit — from code, commands, the workflow, copies, aliases, moves, raw saves,
fixtures, queryset updates (database trigger), data migrations and translations.
"""

from __future__ import annotations

import datetime
import json

import pytest
from django.core.management import call_command
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from wagtail.actions.move_page import MovePageAction
from wagtail.models import Locale, Page, Revision, Workflow

from disclosure_pages.models import CatalogEntryPage, CatalogIndexPage, ConfidentialityReview, DisclosureMode, Outcome
from disclosure_pages.moderation.guard import UnreviewedPublication, approval_for
from disclosure_pages.moderation.models import ImmutableRecord, Source
from disclosure_pages.moderation.review import record_review, record_workflow_review
from disclosure_pages.moderation.roles import REVIEWERS, WORKFLOW_NAME
from tests import factories
from tests.publication_helpers import is_live, live_title, refusals_logged

pytestmark = pytest.mark.django_db
DB_REFUSAL = (IntegrityError, DatabaseError)


@pytest.fixture
def draft(catalog):
    return factories.entry(catalog, publish=False, title="未经审查的草稿")


@pytest.fixture
def live_entry(catalog):
    return factories.entry(catalog, title="已审查并公开的条目")


def reject(revision, reviewer=None):
    return record_review(revision, reviewer=reviewer, outcome=Outcome.REJECTED, comment="含个人信息")


# --------------------------------------------------------------------------- 7. code


@pytest.mark.parametrize("how", ["revision.publish", "page.publish", "save_revision().publish"])
def test_code_publication_refused_then_allowed_then_refused_after_edit(draft, superuser, how):
    def publish():
        if how == "revision.publish":
            draft.get_latest_revision().publish(user=superuser)
        elif how == "page.publish":
            draft.publish(draft.get_latest_revision(), user=superuser)
        else:
            draft.save_revision(user=superuser).publish(user=superuser)

    with pytest.raises(UnreviewedPublication):
        publish()
    assert not is_live(draft)
    factories.approve(draft.get_latest_revision())
    publish()
    assert is_live(draft)

    draft.title = "审查后又修改的标题"
    with pytest.raises(UnreviewedPublication):
        draft.save_revision(user=superuser).publish(user=superuser)
    assert live_title(draft) == "未经审查的草稿"


def test_skip_permission_checks_does_not_skip_the_review(draft, superuser):
    with pytest.raises(UnreviewedPublication):
        draft.get_latest_revision().publish(user=superuser, skip_permission_checks=True)


def test_a_rejection_after_an_approval_of_the_same_content_wins(draft):
    revision = draft.get_latest_revision()
    factories.approve(revision)
    reject(revision)
    with pytest.raises(UnreviewedPublication):
        revision.publish()


@pytest.mark.parametrize("decision", [DisclosureMode.ON_APPLICATION, DisclosureMode.WITHHELD])
def test_decisions_other_than_proactive_never_go_live(draft, decision):
    record_review(
        draft.get_latest_revision(), reviewer=None, outcome=Outcome.APPROVED, decision=decision,
        exemption_ground="internal_affairs",
    )
    with pytest.raises(UnreviewedPublication):
        draft.get_latest_revision().publish()


def test_replacing_an_attachment_file_invalidates_the_approval(catalog, tmp_path, settings):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    from disclosure_pages.models import CatalogEntryAttachment

    settings.MEDIA_ROOT = str(tmp_path)
    document = Document.objects.create(title="附件", file=ContentFile(b"first version", name="a.txt"))
    document.file_hash = "hash-1"
    document.save()
    entry = factories.entry(catalog, publish=False)
    entry.attachments = [CatalogEntryAttachment(document=document)]
    revision = entry.save_revision()
    factories.approve(revision)
    document.file_hash = "hash-2"  # the office uploaded a different file under the same title
    document.save()
    with pytest.raises(UnreviewedPublication):
        revision.publish()


# --------------------------------------------------------------------------- 2. reverts


def test_reverting_to_an_unreviewed_revision_is_refused(live_entry):
    approved = live_entry.get_latest_revision()
    live_entry.title = "一个从未审查的版本"
    unreviewed = live_entry.save_revision()
    live_entry.title = "第二次修改"
    latest = live_entry.save_revision()
    factories.approve(latest)
    latest.publish()
    with pytest.raises(UnreviewedPublication):
        unreviewed.publish()
    assert live_title(live_entry) == "第二次修改"
    approved.publish()  # an old revision that was approved may be brought back
    assert live_title(live_entry) == "已审查并公开的条目"


def test_an_unreviewed_draft_cannot_replace_reviewed_live_content(live_entry):
    live_entry.title = "覆盖线上内容的草稿"
    with pytest.raises(UnreviewedPublication):
        live_entry.save_revision().publish()
    assert is_live(live_entry) and live_title(live_entry) == "已审查并公开的条目"


# --------------------------------------------------------------------------- 3. workflow


def start_default_workflow(page, user):
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    workflow_state = workflow.start(page, user)
    return workflow_state


def review_data(**overrides):
    data = {
        "decision": DisclosureMode.PROACTIVE,
        "exemption_ground": "",
        "checklist": ["no_state_secrets", "no_personal_information", "no_commercial_secrets",
                      "attachments_checked", "links_checked"],
        "acknowledge_findings": False,
        "comment": "同意公开",
    }
    data.update(overrides)
    return data


def test_workflow_publishes_only_reviewed_content(portal, draft, django_user_model):
    from django.contrib.auth.models import Group

    reviewer = django_user_model.objects.create_user("reviewer", password="x")
    reviewer.groups.add(Group.objects.get(name=REVIEWERS))
    approver = django_user_model.objects.create_superuser("approver", password="x")
    state = start_default_workflow(draft, draft.owner or approver)
    review_state = state.current_task_state.specific
    record_workflow_review(review_state.task.specific, review_state, reviewer, "approve", review_data())
    state.refresh_from_db()
    assert state.current_task_state.task.name == "审核签发"

    # Content changes after the review (a new revision): the sign-off must not publish it.
    # With WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT (the project's setting) the review
    # starts again; without it Wagtail would publish the latest revision, which the guard refuses.
    draft.title = "审查后修改"
    draft.save_revision()
    sign_off = state.current_task_state.specific
    sign_off.approve(user=approver)
    state.refresh_from_db()
    assert not is_live(draft)
    assert state.current_task_state.task.name == "保密审查"


@pytest.mark.parametrize("reapproval", [False])
def test_workflow_completion_without_reapproval_setting_still_refuses(portal, draft, django_user_model, settings, reapproval):
    from django.contrib.auth.models import Group

    settings.WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = reapproval
    reviewer = django_user_model.objects.create_user("reviewer", password="x")
    reviewer.groups.add(Group.objects.get(name=REVIEWERS))
    approver = django_user_model.objects.create_superuser("approver", password="x")
    state = start_default_workflow(draft, approver)
    review_state = state.current_task_state.specific
    record_workflow_review(review_state.task.specific, review_state, reviewer, "approve", review_data())
    draft.title = "审查后修改"
    draft.save_revision()  # publish_workflow_state publishes the LATEST revision
    state.refresh_from_db()
    with pytest.raises(UnreviewedPublication):
        with transaction.atomic():
            state.current_task_state.specific.approve(user=approver)
    assert not is_live(draft)


def test_workflow_sign_off_publishes_the_reviewed_content(portal, draft, django_user_model):
    from django.contrib.auth.models import Group

    reviewer = django_user_model.objects.create_user("reviewer", password="x")
    reviewer.groups.add(Group.objects.get(name=REVIEWERS))
    approver = django_user_model.objects.create_superuser("approver", password="x")
    state = start_default_workflow(draft, approver)
    review_state = state.current_task_state.specific
    record_workflow_review(review_state.task.specific, review_state, reviewer, "approve", review_data())
    state.refresh_from_db()
    state.current_task_state.specific.approve(user=approver)
    assert is_live(draft)
    assert ConfidentialityReview.objects.get(page_id=draft.pk).reviewer == reviewer


def test_a_workflow_without_the_review_step_cannot_be_used(portal, draft, superuser):
    from wagtail.models import GroupApprovalTask, WorkflowTask

    workflow = Workflow.objects.create(name="只有签发的流程")
    task = GroupApprovalTask.objects.create(name="签发")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    with pytest.raises(UnreviewedPublication.__mro__[1]):  # ModerationRefusal
        workflow.start(draft, superuser)


def test_a_workflow_without_the_review_step_cannot_be_assigned(portal):
    from wagtail.models import GroupApprovalTask, WorkflowPage, WorkflowTask

    from disclosure_pages.moderation.workflow import WorkflowWithoutReview

    workflow = Workflow.objects.create(name="只有签发的流程")
    WorkflowTask.objects.create(workflow=workflow, task=GroupApprovalTask.objects.create(name="签发"), sort_order=0)
    assignment = WorkflowPage.objects.get(page=portal)
    assignment.workflow = workflow
    with pytest.raises(WorkflowWithoutReview):
        assignment.save()
    assert WorkflowPage.objects.get(page=portal).workflow.name == WORKFLOW_NAME


def test_the_portal_gets_the_default_workflow(portal):
    assert portal.get_workflow().name == WORKFLOW_NAME
    assert factories.section(portal, CatalogIndexPage).get_workflow().name == WORKFLOW_NAME


# --------------------------------------------------------------------------- 5. schedules


def test_scheduling_unreviewed_content_is_refused(draft):
    draft.go_live_at = timezone.now() + datetime.timedelta(days=1)
    revision = draft.save_revision()
    with pytest.raises(UnreviewedPublication):
        revision.publish()
    assert not Revision.objects.filter(approved_go_live_at__isnull=False).exists()


def test_publish_scheduled_refuses_content_that_lost_its_approval(draft, capsys):
    draft.go_live_at = timezone.now() + datetime.timedelta(days=1)
    revision = draft.save_revision()
    factories.approve(revision)
    revision.publish()  # scheduled, not yet live
    assert not is_live(draft)
    # The approved revision is edited afterwards (outside the editor) and comes due.
    past = timezone.now() - datetime.timedelta(minutes=1)
    content = dict(revision.content, title="排期后被改动的内容", go_live_at=past.isoformat())
    Revision.objects.filter(pk=revision.pk).update(content=content, approved_go_live_at=past)
    call_command("publish_scheduled")
    assert not is_live(draft)
    assert refusals_logged(draft) == 1
    assert Revision.objects.get(pk=revision.pk).approved_go_live_at is None


def test_publish_scheduled_publishes_reviewed_content(draft):
    draft.go_live_at = timezone.now() + datetime.timedelta(days=1)
    revision = draft.save_revision()
    factories.approve(revision)
    revision.publish()
    past = timezone.now() - datetime.timedelta(minutes=1)
    content = dict(revision.content, go_live_at=past.isoformat())  # time has passed
    Revision.objects.filter(pk=revision.pk).update(content=content, approved_go_live_at=past)
    call_command("publish_scheduled")
    assert is_live(draft)


# --------------------------------------------------------------------------- 9. copies and aliases


def test_copy_with_publish_is_refused_and_a_draft_copy_needs_its_own_review(live_entry):
    with pytest.raises(UnreviewedPublication):
        with transaction.atomic():
            live_entry.copy(update_attrs={"slug": "copy-live", "title": "副本"}, keep_live=True)
    assert not Page.objects.filter(slug="copy-live").exists()
    copy = live_entry.copy(update_attrs={"slug": "copy-draft", "title": "副本"}, keep_live=False).specific
    with pytest.raises(UnreviewedPublication):
        copy.get_latest_revision().publish()
    factories.approve(copy.get_latest_revision())
    copy.get_latest_revision().publish()
    assert is_live(copy)


def test_subtree_copy_with_publish_is_refused(portal, live_entry):
    catalog = factories.section(portal, CatalogIndexPage)
    with pytest.raises(UnreviewedPublication):
        with transaction.atomic():
            catalog.copy(recursive=True, update_attrs={"slug": "catalog-copy"}, keep_live=True, to=portal)
    assert not Page.objects.filter(slug="catalog-copy").exists()


def test_aliases_show_only_reviewed_content(portal, live_entry):
    alias = live_entry.create_alias(update_slug="alias-of-entry")
    assert is_live(alias)  # the same, reviewed content
    live_entry.title = "新内容"
    with pytest.raises(UnreviewedPublication):
        live_entry.save_revision().publish()
    assert live_title(alias) == "已审查并公开的条目"
    factories.publish(live_entry)  # approved: the alias follows
    assert live_title(alias) == "新内容"


# --------------------------------------------------------------------------- 10. moves and raw writes


def test_moving_reviewed_live_content_keeps_it_live(portal, live_entry, superuser):
    other = factories.add_child(portal, CatalogIndexPage(title="另一个目录", slug="catalog-2"))
    MovePageAction(Page.objects.get(pk=live_entry.pk), other, pos="last-child", user=superuser).execute()
    assert is_live(live_entry) and Page.objects.get(pk=live_entry.pk).get_parent().pk == other.pk


def test_saving_a_base_page_instance_cannot_change_live_content(live_entry):
    base = Page.objects.get(pk=live_entry.pk)  # the base model, as a move saves it
    base.title = "绕过审查的标题"
    with pytest.raises(UnreviewedPublication):
        base.save()
    assert live_title(live_entry) == "已审查并公开的条目"


def test_raw_live_true_save_is_refused(draft):
    draft.live = True
    with pytest.raises(UnreviewedPublication):
        draft.save()
    assert not is_live(draft)


def test_queryset_update_is_refused_by_the_database(draft):
    with pytest.raises(DB_REFUSAL):
        with transaction.atomic():
            Page.objects.filter(pk=draft.pk).update(live=True)
    assert not is_live(draft)


def test_data_migration_with_historical_models_is_refused_by_the_database(draft):
    state = MigrationExecutor(connection).loader.project_state()
    HistoricalPage = state.apps.get_model("wagtailcore", "Page")
    page = HistoricalPage.objects.get(pk=draft.pk)
    page.live = True
    with pytest.raises(DB_REFUSAL):
        with transaction.atomic():
            page.save()
    assert not is_live(draft)


def test_fixture_with_a_live_disclosure_page_is_refused(draft, tmp_path):
    from django.core import serializers

    data = json.loads(serializers.serialize("json", [Page.objects.get(pk=draft.pk), CatalogEntryPage.objects.get(pk=draft.pk)]))
    for obj in data:
        if "live" in obj["fields"]:
            obj["fields"]["live"] = True
    path = tmp_path / "pages.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises((UnreviewedPublication, *DB_REFUSAL)):
        with transaction.atomic():
            call_command("loaddata", str(path), verbosity=0)
    assert not is_live(draft)


# --------------------------------------------------------------------------- 8. translations


@pytest.fixture
def zh_hant(db):
    return Locale.objects.get_or_create(language_code="zh-hant")[0]


def test_wagtail_localize_cannot_publish_an_unreviewed_translation(
    portal, live_entry, zh_hant, django_capture_on_commit_callbacks
):
    from wagtail_localize.models import TranslationSource

    factories.site_root().copy_for_translation(zh_hant)  # the site root's translation
    portal_source, _ = TranslationSource.get_or_create_from_instance(portal)
    # wagtail-localize publishes with no user, after the transaction commits.
    with pytest.raises(UnreviewedPublication):
        with django_capture_on_commit_callbacks(execute=True):
            portal_source.create_or_update_translation(zh_hant, publish=True, fallback=True)
    translation = Page.objects.get(locale=zh_hant, translation_key=portal.translation_key)
    assert not translation.live  # created as a draft, waiting for its own review
    assert approval_for(translation.specific) is None
    # Syncing it again (as the translation editor does) cannot publish it either.
    with pytest.raises(UnreviewedPublication):
        with django_capture_on_commit_callbacks(execute=True):
            portal_source.create_or_update_translation(zh_hant, publish=True, fallback=True)
    assert not is_live(translation)
    factories.approve(translation.get_latest_revision())
    translation.get_latest_revision().publish()
    assert is_live(translation)


def test_tree_sync_aliases_show_the_reviewed_source(portal, live_entry, zh_hant):
    factories.site_root().copy_for_translation(zh_hant)
    portal_alias = portal.copy_for_translation(zh_hant, alias=True)
    assert is_live(portal_alias)  # an alias of reviewed content, in the other locale's tree


def test_an_alias_that_becomes_a_translation_goes_offline_until_its_own_review(portal, live_entry, zh_hant):
    """wagtail-localize turns a live alias into a page of its own and writes the translated
    text into it: the page goes offline (readers get the reviewed source) until reviewed."""
    from wagtail_localize.models import TranslationSource

    factories.site_root().copy_for_translation(zh_hant)
    alias = portal.copy_for_translation(zh_hant, alias=True)
    assert is_live(alias)
    source, _ = TranslationSource.get_or_create_from_instance(portal)
    source.create_or_update_translation(zh_hant, publish=False, fallback=True)
    alias.refresh_from_db()
    assert alias.alias_of_id is None and not is_live(alias) and alias.has_unpublished_changes
    assert approval_for(alias.specific) is None
    revision = alias.get_latest_revision()
    factories.approve(revision)
    revision.publish()
    assert is_live(alias)


def test_detaching_an_alias_cannot_carry_content_with_it(portal, live_entry, zh_hant):
    factories.site_root().copy_for_translation(zh_hant)
    alias = portal.copy_for_translation(zh_hant, alias=True).specific
    alias.alias_of_id, alias.title = None, "未经审查的标题"
    with pytest.raises((UnreviewedPublication, *DB_REFUSAL)):
        with transaction.atomic():
            alias.save(update_fields=["alias_of_id", "title"])
    assert is_live(alias) and live_title(alias) == portal.title


# --------------------------------------------------------------------------- records


def test_review_records_cannot_be_changed_or_deleted(draft):
    review = factories.approve(draft.get_latest_revision())
    review.comment = "改写的意见"
    with pytest.raises(ImmutableRecord):
        review.save()
    with pytest.raises(ImmutableRecord):
        review.delete()
    with pytest.raises(ImmutableRecord):
        ConfidentialityReview.objects.filter(pk=review.pk).update(comment="改写")
    with pytest.raises(ImmutableRecord):
        ConfidentialityReview.objects.filter(pk=review.pk).delete()
    # Below the ORM, the database refuses too.
    with pytest.raises(DB_REFUSAL):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {ConfidentialityReview._meta.db_table} SET comment = %s WHERE id = %s", ["改写", review.pk]
            )
    assert ConfidentialityReview.objects.get(pk=review.pk).comment == "test fixture"
    assert ConfidentialityReview.objects.get(pk=review.pk).source == Source.DEMO
