"""Each page type can be created only where it belongs, in the model and in the admin."""

from __future__ import annotations

import pytest
from wagtail.models import Page

from disclosure_pages import models as m
from tests import factories

ALLOWED = {
    m.CatalogEntryPage: {m.CatalogIndexPage},
    m.CatalogIndexPage: {m.DisclosurePortalPage},
    m.PolicyInterpretationPage: {m.InterpretationIndexPage},
    m.AnnualReportPage: {m.AnnualReportIndexPage},
    m.GuidePage: {m.GuideIndexPage, m.DisclosurePortalPage},
    m.TopicPage: {m.TopicIndexPage},
    m.DisclosureArticlePage: {m.DisclosurePortalPage, m.DisclosureArticleIndexPage},
}


@pytest.mark.parametrize("model", list(ALLOWED), ids=lambda model: model.__name__)
def test_parent_rules(model):
    parents = {p for p in model.allowed_parent_page_models() if p is not Page}
    assert parents == ALLOWED[model]


def test_portal_sections_and_leaves(portal):
    catalog = factories.section(portal, m.CatalogIndexPage)
    assert m.CatalogEntryPage.can_create_at(catalog)
    assert not m.CatalogEntryPage.can_create_at(portal)
    assert not m.AnnualReportPage.can_create_at(catalog)
    assert not m.CatalogIndexPage.can_create_at(catalog)
    assert m.CatalogIndexPage.can_create_at(portal)
    assert m.DisclosurePortalPage.can_create_at(factories.site_root())
    entry = factories.entry(catalog)
    assert entry.specific_class.allowed_subpage_models() == []


def test_every_disclosure_type_is_marked_and_verbose_names_are_chinese():
    for model in [
        m.DisclosurePortalPage, m.GuideIndexPage, m.GuidePage, m.CatalogIndexPage, m.CatalogEntryPage,
        m.InterpretationIndexPage, m.PolicyInterpretationPage, m.AnnualReportIndexPage, m.AnnualReportPage,
        m.TopicIndexPage, m.TopicPage, m.DisclosureArticleIndexPage, m.DisclosureArticlePage,
    ]:
        assert model.is_disclosure_page
        name = str(model._meta.verbose_name)
        assert any("\u4e00" <= ch <= "\u9fff" for ch in name), name


def test_admin_refuses_an_entry_outside_a_catalog(admin_client, portal):
    url = f"/admin/pages/add/disclosure_pages/catalogentrypage/{portal.pk}/"
    response = admin_client.get(url)
    assert response.status_code in (302, 403)
    catalog = factories.section(portal, m.CatalogIndexPage)
    assert admin_client.get(f"/admin/pages/add/disclosure_pages/catalogentrypage/{catalog.pk}/").status_code == 200


def test_admin_offers_only_allowed_types(admin_client, portal):
    response = admin_client.get(f"/admin/pages/{portal.pk}/add_subpage/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "catalogindexpage" in html
    assert "catalogentrypage" not in html
    assert "annualreportpage/" not in html


@pytest.mark.parametrize(
    "model",
    [
        m.DisclosurePortalPage, m.GuidePage, m.CatalogIndexPage, m.CatalogEntryPage, m.PolicyInterpretationPage,
        m.AnnualReportPage, m.TopicPage, m.DisclosureArticlePage,
    ],
    ids=lambda model: model.__name__,
)
def test_every_type_has_an_admin_create_form(admin_client, portal, model):
    parent = portal
    for candidate in model.allowed_parent_page_models():
        if candidate is m.DisclosurePortalPage:
            break
        found = candidate.objects.descendant_of(portal, inclusive=True).first()
        if found:
            parent = found
            break
    if model is m.DisclosurePortalPage:
        parent = factories.site_root()
    response = admin_client.get(f"/admin/pages/add/disclosure_pages/{model._meta.model_name}/{parent.pk}/")
    assert response.status_code == 200
