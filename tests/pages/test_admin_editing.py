"""Editors create and publish content through the real Wagtail admin views."""

from __future__ import annotations

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from disclosure_pages.models import (
    CatalogEntryPage,
    Dimension,
    GuideIndexPage,
    GuidePage,
    InterpretationIndexPage,
    PolicyInterpretationPage,
)
from tests import factories
from tests.moderation.helpers import entry_form

pytestmark = pytest.mark.django_db


def test_editor_creates_a_draft_then_publishes_it(admin_client, catalog, org):
    url = f"/admin/pages/add/disclosure_pages/catalogentrypage/{catalog.pk}/"
    response = admin_client.post(url, entry_form(org))
    assert response.status_code == 302, response.context["form"].errors
    page = CatalogEntryPage.objects.get(slug="notice-2008-19")
    assert not page.live and page.index_number is None
    assert "首次发布时自动生成" in admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert page.doc_number == "宜政发[2008]19号"  # kept as written
    assert page.doc_number_normalised == "宜政发〔2008〕19号"

    # Even a superuser cannot publish content without an approved confidentiality review.
    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", entry_form(org, **{"action-publish": "publish"}))
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live and page.index_number is None

    factories.approve(page.get_latest_revision())
    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", entry_form(org, **{"action-publish": "publish"}))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    assert page.index_number == "003110926/2008-00001"
    assert [t.name for t in page.audience_categories.all()] == ["公民"]
    assert "003110926/2008-00001" in admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()


def test_admin_rejects_bad_input_and_keeps_what_was_typed(admin_client, catalog, org):
    url = f"/admin/pages/add/disclosure_pages/catalogentrypage/{catalog.pk}/"
    bad = entry_form(
        org,
        written_date="2008-07-01",  # after the publish date
        genre_category=factories.term(Dimension.TOPIC, "政务公开").pk,  # a term of another dimension
    )
    response = admin_client.post(url, bad)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "written_date" in errors and "genre_category" in errors
    assert "宜政发[2008]19号" in response.content.decode()
    assert not CatalogEntryPage.objects.exists()


def test_top_level_topic_is_refused(admin_client, catalog, org):
    url = f"/admin/pages/add/disclosure_pages/catalogentrypage/{catalog.pk}/"
    top = factories.term(Dimension.TOPIC, "政务公开").parent
    response = admin_client.post(url, entry_form(org, topic_category=top.pk))
    assert response.status_code == 200
    assert "topic_category" in response.context["form"].errors


def test_guide_and_interpretation_are_editable(admin_client, portal, catalog, org):
    guide_index = factories.section(portal, GuideIndexPage)
    data = nested_form_data(
        {
            "title": "安庆市人民政府办公室政府信息公开指南（2024年修订）",
            "slug": "guide-2024",
            "revision_year": 2024,
            "introduction": rich_text("<p>为便于公民、法人和其他组织获取政府信息……</p>"),
            "body_name": "安庆市人民政府办公室",
            "body_address": "安庆市振风大道100号",
            "body_office_hours": "工作日 8:30—12:00，14:30—17:30",
            "body_phone": "0556-5347099",
            "body_email": "xxgk@example.gov.cn",
            "proactive_scope": rich_text("<p>《条例》第二十条规定的信息。</p>"),
            "proactive_channels": rich_text("<p>政府网站、政府公报、查阅点。</p>"),
            "proactive_time_limit": "自该政府信息形成或者变更之日起20个工作日内予以公开",
            "application_channels": rich_text("<p>当面、信函、网上申请。</p>"),
            "application_steps": streamfield(
                [("step", {"title": "提出申请", "description": "填写申请表", "time_limit": ""}),
                 ("step", {"title": "答复", "description": "依法答复", "time_limit": "20个工作日"})]
            ),
            "fees": rich_text(""),
            "supervision": rich_text("<p>可依法申请行政复议或者提起行政诉讼。</p>"),
            "reading_rooms": inline_formset([{"name": "安庆市档案馆", "address": "安庆市", "opening_hours": "", "phone": ""}]),
        }
    )
    response = admin_client.post(f"/admin/pages/add/disclosure_pages/guidepage/{guide_index.pk}/", data)
    assert response.status_code == 302, response.context["form"].errors
    guide = GuidePage.objects.get()
    assert [s.value["title"] for s in guide.application_steps] == ["提出申请", "答复"]
    assert guide.reading_rooms.count() == 1

    policy = factories.entry(catalog)
    index = factories.section(portal, InterpretationIndexPage)
    data = nested_form_data(
        {
            "title": "《通知》政策解读",
            "slug": "jd-1",
            "form": "qa",
            "interpreting_organ": org.pk,
            "interpreter": "",
            "publish_date": "2024-06-03",
            "policy_links": inline_formset([{"policy": policy.pk}]),
            "summary": "",
            "body": streamfield([]),
            "questions": streamfield([("qa", {"question": "适用范围？", "answer": rich_text("<p>全市。</p>")})]),
        }
    )
    response = admin_client.post(f"/admin/pages/add/disclosure_pages/policyinterpretationpage/{index.pk}/", data)
    assert response.status_code == 302, response.context["form"].errors
    interpretation = PolicyInterpretationPage.objects.get()
    assert list(interpretation.policies()) == [policy]
