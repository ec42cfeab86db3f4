"""``manage.py load_demo``: the demo portal is complete, idempotent, valid and written by us.

The demo is loaded once for the module inside a transaction that is rolled back afterwards,
so the other test modules see the database as migrations left it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from django.utils.html import escape
from wagtail.documents.models import Document
from wagtail.models import Locale, Page, Revision, Site

from disclosure_applications.choices import CLOSED, ApplicantType, Outcome, Status
from disclosure_applications.models import Application
from disclosure_applications.release import released_reply
from disclosure_applications.statistics import table3
from disclosure_pages.annual_report.format import FORMAT_2021, FORMAT_LEGACY, TABLE3_COLUMNS, table3_cell
from disclosure_pages.models import (
    AnnualReportPage,
    CatalogEntryAttachment,
    CatalogEntryPage,
    ClassificationTerm,
    DisclosurePortalPage,
    DisclosureSettings,
    GuidePage,
    IndexNumberSequence,
    Organisation,
    PolicyInterpretationPage,
    PolicyLink,
    ReadingRoom,
    TopicPage,
    Validity,
)
from disclosure_pages.moderation.guard import approval_for
from hostsite.demo.builder import PAGE_MODELS
from tests.seeds import require_seeds

REPO_ROOT = Path(__file__).resolve().parents[2]
DEMO_DIR = REPO_ROOT / "site" / "hostsite" / "demo"
SEED_RUN = 30

SECTION_TITLES = [
    "政府信息公开指南",
    "政府信息公开制度",
    "政府信息公开年报",
    "政府信息公开目录",
    "政策解读",
    "重点领域",
    "依申请公开",
]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[None]:
    media = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=str(media)):
        with transaction.atomic():
            call_command("load_demo", verbosity=0)
            yield
            transaction.set_rollback(True)
    cache.clear()  # Wagtail caches site root paths; they pointed at rolled-back pages.


@pytest.fixture
def portal(demo, db) -> DisclosurePortalPage:
    return Site.objects.get(is_default_site=True).root_page.specific


def live_entries():
    return CatalogEntryPage.objects.live()


def snapshot() -> dict[str, object]:
    """Everything a second run could add or change."""
    counts: dict[str, object] = {model.__name__: model.objects.count() for model in PAGE_MODELS}
    for model in (Page, Revision, Organisation, ClassificationTerm, Document, Locale, Site, PolicyLink,
                  CatalogEntryAttachment, ReadingRoom, DisclosureSettings):
        counts[model.__name__] = model.objects.count()
    counts["latest_revisions"] = sorted(Page.objects.values_list("pk", "latest_revision_id"))
    counts["sequences"] = sorted(IndexNumberSequence.objects.values_list("organisation_id", "year", "last_value"))
    counts["site_roots"] = sorted(Site.objects.values_list("pk", "root_page_id"))
    counts["applications"] = sorted(Application.objects.values_list("number", "status", "due_on"))
    return counts


def test_every_page_type_exists_live(portal):
    for model in PAGE_MODELS:
        assert model.objects.descendant_of(portal, inclusive=True).live().exists(), model.__name__


def test_running_twice_changes_nothing(portal):
    before = snapshot()
    call_command("load_demo", verbosity=0)
    assert snapshot() == before


def test_portal_is_the_default_site_root_with_sections_in_order(portal, client):
    assert [p.title for p in portal.navigation_sections()] == SECTION_TITLES
    assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists(), "Wagtail's welcome page is gone"
    response = client.get("/")
    assert response.status_code == 200
    assert escape(portal.title) in response.content.decode()
    assert set(Locale.objects.values_list("language_code", flat=True)) >= {"zh-hans", "zh-hant", "en"}


def test_site_settings_carry_the_footer_facts(portal):
    disclosure_settings = DisclosureSettings.for_site(Site.objects.get(is_default_site=True))
    assert disclosure_settings.icp_number.startswith("皖ICP备")
    assert disclosure_settings.police_number.startswith("皖公网安备")
    assert disclosure_settings.host_organisation == "安庆市政务公开办公室"
    assert disclosure_settings.maintainer == "安庆市经济信息中心"


def test_every_live_page_renders(portal, client):
    pages = portal.get_descendants(inclusive=True).live().specific()
    assert len(pages) > 90
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert escape(page.title) in response.content.decode(), page.url


def test_catalog_has_enough_entries_spread_over_years_and_publishers(portal):
    entries = list(live_entries().select_related("topic_category"))
    assert len(entries) >= 60
    years = {e.publish_date.year for e in entries}
    assert min(years) == 2008 and max(years) == 2025 and len(years) >= 15
    assert len({e.publisher_id for e in entries}) >= 8
    assert all(e.written_date and e.written_date <= e.publish_date for e in entries)
    assert all(e.summary and e.keywords and len(e.body) >= 2 for e in entries)
    validity = [e.validity for e in entries]
    assert validity.count(Validity.IN_FORCE) > len(entries) / 2
    assert {Validity.REPEALED, Validity.AMENDED, Validity.EXPIRED} <= set(validity)
    numbers = {e.doc_number for e in entries}
    assert {"宜政办秘[2008]8号", "宜政发[2008]4号", "宜政发[2008]19号", "宜政办发[2008]21号", "宜政办秘[2008]82号"} <= numbers
    assert "宜政办发〔2023〕12号" in numbers and "" in numbers


def test_every_dimension_is_used_by_at_least_five_entries(portal):
    entries = live_entries()
    for field in ("assembled_category", "topic_category", "lifecycle_category", "genre_category", "format_category"):
        assert entries.filter(**{f"{field}__isnull": False}).count() >= 5, field
    assert entries.filter(audience_categories__isnull=False).distinct().count() >= 5
    assert not entries.filter(topic_category__parent__isnull=True).exists(), "topics are second-level"
    lifecycle = ClassificationTerm.objects.filter(dimension="lifecycle")
    assert lifecycle.count() >= 7 and not lifecycle.filter(is_standard=True).exists()


def test_index_numbers_are_unique_and_in_the_default_format(portal):
    entries = list(live_entries().select_related("publisher"))
    numbers = [e.index_number for e in entries]
    assert len(set(numbers)) == len(numbers)
    for entry in entries:
        pattern = rf"{re.escape(entry.publisher.code)}/{entry.publish_date.year}-\d{{5}}"
        assert re.fullmatch(pattern, entry.index_number), entry.index_number


def test_some_entries_have_readable_attachments(portal):
    attachments = CatalogEntryAttachment.objects.filter(page__live=True).select_related("document")
    assert attachments.count() >= 2
    for attachment in attachments:
        with attachment.document.file.open("rb") as f:
            assert f.read().decode("utf-8").strip()


def test_annual_reports_pass_full_clean(portal):
    reports = list(AnnualReportPage.objects.live().order_by("year"))
    assert len(reports) >= 5
    for report in reports:
        report.full_clean()
    assert {r.year for r in reports if r.format_version == FORMAT_LEGACY} >= {2008, 2009}
    modern = {r.year: r for r in reports if r.format_version == FORMAT_2021}
    assert {2023, 2024} <= set(modern)
    for column in TABLE3_COLUMNS:
        carried_out = modern[2023].statistics[table3_cell("carried_out", column.key)]
        assert modern[2024].statistics[table3_cell("carried_in", column.key)] == carried_out


def test_guide_revisions_are_complete(portal):
    guides = {g.revision_year: g for g in GuidePage.objects.descendant_of(portal).live()}
    assert set(guides) == {2019, 2024}
    for guide in guides.values():
        limits = " ".join(step.value["time_limit"] for step in guide.application_steps)
        assert all(days in limits for days in ("7个工作日", "15个工作日", "20个工作日"))
        rooms = " ".join(guide.reading_rooms.values_list("name", flat=True))
        assert all(place in rooms for place in ("档案馆", "图书馆", "行政服务中心"))
        assert guide.body_email and guide.body_fax and guide.body_postcode and guide.supervision
    assert "109号" in guides[2024].fees


def test_interpretations_link_to_live_policies(portal):
    interpretations = list(PolicyInterpretationPage.objects.descendant_of(portal).live())
    assert 5 <= len(interpretations) <= 8
    assert len({i.form for i in interpretations}) >= 4
    for interpretation in interpretations:
        links = list(interpretation.policy_links.select_related("policy"))
        assert links, interpretation.title
        assert all(link.policy.live for link in links)
        if interpretation.form == "qa":
            assert len(interpretation.questions) >= 3


def test_topics_list_entries(portal):
    topics = list(TopicPage.objects.descendant_of(portal).live())
    assert 3 <= len(topics) <= 4
    for topic in topics:
        assert topic.matching_entries().live().exists(), topic.title


def _without_space(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_applications_cover_every_applicant_type_state_and_outcome(portal):
    applications = Application.objects.all()
    assert 35 <= applications.count() <= 45
    assert {a.applicant_type for a in applications} == set(ApplicantType.values)
    expected_states = {Status.RECEIVED, Status.CORRECTION, Status.ANSWERED, Status.REPLY_IN_REVIEW, Status.WITHDRAWN,
                       Status.LAPSED}  # fmt: skip
    assert expected_states <= {a.status for a in applications}
    assert {a.outcome for a in applications if a.outcome} == set(Outcome.values)
    today = timezone.localdate()
    assert any(a.due_on and a.due_on < today for a in applications.exclude(status__in=CLOSED))  # some overdue
    assert all(a.name.startswith("演示") for a in applications)


def test_one_annual_report_has_table_3_counted_from_the_register(portal):
    year = timezone.localdate().year - 1
    report = AnnualReportPage.objects.descendant_of(portal).live().get(slug=f"aq-mzj-{year}")
    register = table3(report.organisation_id, year)
    assert register[table3_cell("new", "total")] > 0
    assert {key: report.statistics[key] for key in register} == register
    report.full_clean()


def test_demo_replies_were_released_by_a_reviewer_who_did_not_write_them(portal):
    answered = Application.objects.filter(status=Status.ANSWERED)
    assert answered.exists()
    for application in answered:
        reply = released_reply(application)
        assert reply is not None, application.number
        review = reply.reviews.get()
        assert review.reviewer_id not in set(reply.authors.values_list("pk", flat=True))
    in_review = Application.objects.get(status=Status.REPLY_IN_REVIEW)
    assert released_reply(in_review) is None


def test_demo_data_does_not_copy_the_seed_texts():
    runs: set[str] = set()
    for seed in require_seeds():
        text = _without_space(seed.read_text("utf-8"))
        runs.update(text[i : i + SEED_RUN] for i in range(len(text) - SEED_RUN + 1))
    copied = []
    demo_files = sorted(p for p in DEMO_DIR.rglob("*") if p.is_file() and p.suffix != ".pyc")
    assert len(demo_files) > 10, DEMO_DIR
    for path in demo_files:
        text = _without_space(path.read_text("utf-8"))
        copied += [
            f"{path.name}: {text[i : i + SEED_RUN]}"
            for i in range(len(text) - SEED_RUN + 1)
            if text[i : i + SEED_RUN] in runs
        ]
    assert not copied, copied[:5]


def test_the_traditional_tree_is_complete_translated_and_reviewed(portal, client):
    zh_hant = Locale.objects.get(language_code="zh-hant")
    sources = portal.get_descendants(inclusive=True).live()
    translations = Page.objects.filter(
        translation_key__in=sources.values("translation_key"), locale=zh_hant, live=True, alias_of__isnull=True
    )
    assert translations.count() == sources.count()
    for page in translations.specific():
        # Its own review, of exactly the content it went live with. (Read back from the row,
        # PostgreSQL's jsonb gives StreamField blocks ids and reorders their keys, so the row is
        # compared through its live revision.)
        assert approval_for(page.live_revision.as_object()) is not None, page.url
    guide = translations.get(translation_key=GuidePage.objects.descendant_of(portal).get(slug="2024").translation_key)
    assert "政府信息公開指南" in guide.title and "辦公室" in guide.title
    response = client.get(guide.url)
    assert response.status_code == 200 and "本頁尚無" not in response.content.decode()


def test_english_portal_sections_and_guide(portal, client):
    en = Locale.objects.get(language_code="en")
    english = Page.objects.filter(locale=en, live=True, alias_of__isnull=True)
    assert {page.title for page in english} >= {"Anqing Government Information Disclosure", "Disclosure Catalog"}
    assert english.count() >= 8
    response = client.get("/en/zhinan/2024/")
    assert response.status_code == 200 and "Within 20 working days" in response.content.decode()
    assert client.get("/en/mulu/").status_code == 200


def test_the_application_page_and_the_guide_link_to_the_online_application(portal, client):
    """The guide's promise (在线申请) is a link to the form this site offers."""
    application_page = Page.objects.get(slug="ysqgk", locale__language_code="zh-hans")
    guide = GuidePage.objects.live().filter(locale__language_code="zh-hans").order_by("-revision_year").first()
    for page in (application_page, guide):
        html = client.get(page.url).content.decode()
        assert 'href="/applications/apply/"' in html, page.title
    assert client.get("/applications/apply/").status_code == 200
