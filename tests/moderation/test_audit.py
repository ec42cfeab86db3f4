"""What is deliberately outside the review is still in the audit log: one entry per change.

Organisation names, taxonomy labels and the site settings of the header and footer are
not reviewed; each change — in the admin or in code — is one Wagtail log entry with the
changed fields and the acting person (None for code).
"""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from wagtail.models import ModelLogEntry, Site

from disclosure_pages.models import ClassificationTerm, DisclosureSettings, Organisation
from disclosure_pages.moderation import roles
from disclosure_pages.taxonomy.models import Dimension
from tests import factories
from tests.people import client_for, person

pytestmark = pytest.mark.django_db


def entries(obj) -> list[ModelLogEntry]:
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    return list(ModelLogEntry.objects.filter(content_type=content_type, object_id=str(obj.pk)).order_by("pk"))


@pytest.fixture
def webmaster_client(client, django_user_model):
    return client_for(type(client), person(django_user_model, "webmaster", roles.WEBMASTERS))


def organisation_form(org, **overrides) -> dict:
    data = {f: getattr(org, f) for f in ("name", "short_name", "code", "address", "phone", "website", "sort_order")}
    data.update(overrides)
    return data


def test_organisation_changed_in_code_is_logged(org):
    before = len(entries(org))
    org.name = "安庆市人民政府办公室（更名）"
    org.save()
    org.save()  # nothing changed: nothing logged
    new = entries(org)[before:]
    assert [(e.action, e.user_id) for e in new] == [("wagtail.edit", None)]
    assert new[0].data["changes"]["name"] == ["安庆市人民政府办公室", "安庆市人民政府办公室（更名）"]


def test_organisation_edited_in_the_admin_is_logged_once_with_the_changes(webmaster_client, org):
    before = len(entries(org))
    url = reverse("wagtailsnippets_disclosure_pages_organisation:edit", args=(org.pk,))
    response = webmaster_client.post(url, organisation_form(org, phone="0556-5500000"))
    assert response.status_code == 302
    new = entries(org)[before:]
    assert [e.action for e in new] == ["wagtail.edit"]
    assert new[0].user.username == "webmaster"
    assert new[0].data["changes"]["phone"][1] == "0556-5500000"


def test_terms_created_and_deleted_in_code_are_logged():
    term = ClassificationTerm.objects.create(dimension=Dimension.GENRE, name="公告（测试）")
    pk = term.pk
    term.delete()
    term.pk = pk
    assert [e.action for e in entries(term)] == ["wagtail.create", "wagtail.delete"]


def test_term_deleted_in_the_admin_is_logged_once(webmaster_client):
    term = ClassificationTerm.objects.create(dimension=Dimension.GENRE, name="公告（测试）")
    pk = term.pk
    url = reverse("wagtailsnippets_disclosure_pages_classificationterm:delete", args=(pk,))
    assert webmaster_client.post(url).status_code == 302
    term.pk = pk
    assert [e.action for e in entries(term)] == ["wagtail.create", "wagtail.delete"]


def test_site_settings_in_code_and_in_the_admin_are_logged_once_each(webmaster_client, portal):
    site = Site.objects.get(is_default_site=True)
    settings_obj = DisclosureSettings.for_site(site)
    settings_obj.icp_number = "皖ICP备05003765号"
    settings_obj.save()
    assert [e.action for e in entries(settings_obj)][-1:] in (["wagtail.edit"], ["wagtail.create"])
    before = len(entries(settings_obj))
    url = reverse("wagtailsettings:edit", args=("disclosure_pages", "disclosuresettings", site.pk))
    form = webmaster_client.get(url).context["form"]
    data = {name: ("" if value is None else value) for name, value in form.initial.items() if name in form.fields}
    data["maintainer"] = "安庆市数据资源局"
    assert webmaster_client.post(url, data).status_code == 302
    new = entries(settings_obj)[before:]
    assert [e.action for e in new] == ["wagtail.edit"]
    assert new[0].data["changes"]["maintainer"][1] == "安庆市数据资源局"


def test_factories_organisation_is_a_create_entry():
    org = factories.organisation(name="安庆市统计局", code="003110999")
    assert [e.action for e in entries(org)] == ["wagtail.create"]
    assert isinstance(org, Organisation)
