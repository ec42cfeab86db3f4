"""``import_disclosure --publish --reviewed-by``: who may stand behind imported entries.

The tests share one portal (see conftest); each test's writes are rolled back.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from disclosure_pages.models import CatalogEntryPage, ConfidentialityReview

from .running import entries, run, run_error, snapshot

pytestmark = pytest.mark.django_db


class TestPublishing:
    def test_publish_with_reviewer_creates_live_entries_with_index_numbers(
        self, publishable_file: Path, reviewer
    ) -> None:
        out, _ = run(str(publishable_file), "--publish", "--reviewed-by", "reviewer")
        assert "created 3, skipped 0" in out
        pages = entries()
        assert all(p.live and not p.has_unpublished_changes for p in pages)
        numbers = {p.title: p.index_number for p in pages}
        assert numbers["安庆市人民政府信息公开指南和信息公开目录编制工作方案"] == "003110926/2008-00001"
        assert numbers["没有来源编号的条目"] == "003110926/2024-00001"
        assert numbers["关于进一步推进政府信息公开工作的通知"] == "00311092X/2008-00001"
        assert all(p.live_revision.user == reviewer for p in pages)

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (["--publish", "--reviewed-by", "nobody"], "nobody"),
            (["--publish"], "--reviewed-by"),
            (["--reviewed-by", "reviewer"], "--publish"),
        ],
    )
    def test_publish_needs_an_existing_active_reviewer(
        self, good_file: Path, reviewer, args: list[str], message: str
    ) -> None:
        before = snapshot()
        assert message in run_error(str(good_file), *args)
        assert snapshot() == before

    @pytest.mark.parametrize("groups", [[], ["Moderators"], ["信息编辑"]])
    def test_a_user_who_is_not_a_confidentiality_reviewer_is_refused(
        self, good_file: Path, django_user_model, groups
    ) -> None:
        clerk = django_user_model.objects.create_user("clerk", "clerk@example.gov.cn", "pw-for-tests-only")
        clerk.groups.add(*Group.objects.filter(name__in=groups))
        before = snapshot()
        assert "not a confidentiality reviewer" in run_error(str(good_file), "--publish", "--reviewed-by", "clerk")
        assert snapshot() == before

    def test_superuser_is_not_a_reviewer_by_default(self, good_file: Path, superuser) -> None:
        assert "not a confidentiality reviewer" in run_error(str(good_file), "--publish", "--reviewed-by", "admin")

    def test_entries_not_proactively_disclosed_cannot_be_published(self, good_file: Path, reviewer) -> None:
        before = snapshot()
        message = run_error(str(good_file), "--publish", "--reviewed-by", "reviewer")
        assert "line 2: disclosure_mode:" in message and "nothing was imported" in message
        assert snapshot() == before

    def test_published_entries_carry_the_reviewers_record(self, publishable_file: Path, reviewer) -> None:
        call_command(
            "import_disclosure", str(publishable_file), "--publish", "--reviewed-by", "reviewer", stdout=io.StringIO()
        )
        live = CatalogEntryPage.objects.live()
        assert live.exists()
        reviews = ConfidentialityReview.objects.filter(page_id__in=live.values("pk"))
        assert reviews.count() == live.count()
        assert {r.reviewer_id for r in reviews} == {reviewer.pk}
        assert {r.source for r in reviews} == {"import"}

    def test_inactive_reviewer_is_refused(self, good_file: Path, reviewer) -> None:
        reviewer.is_active = False
        reviewer.save()
        before = snapshot()
        assert "not active" in run_error(str(good_file), "--publish", "--reviewed-by", "reviewer")
        assert snapshot() == before
