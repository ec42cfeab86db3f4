"""The register in the admin: each body's handlers see only its applications, names are
masked in the list and the export, every opening of personal data is logged."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import ModelLogEntry
from wagtail.search.index import get_indexed_models

from disclosure_applications.models import Application, OfficeHandler
from tests import factories

from .conftest import ID_NUMBER, form_data, letter

HANDLERS = "信息公开申请办理人"


def make_application(office, name: str = "张三") -> Application:
    return letter(office, datetime.date(2025, 9, 26), name=name)


@pytest.fixture
def bodies(db):
    return factories.organisation(), factories.organisation(name="安庆市财政局", code="00311092X")


@pytest.fixture
def handler(bodies, django_user_model):
    user = django_user_model.objects.create_user("handler", "h@example.gov.cn", "pw")
    user.groups.add(Group.objects.get(name=HANDLERS))
    OfficeHandler.objects.create(user=user, organisation=bodies[0])
    return user


def test_the_list_shows_only_the_handlers_bodies_with_masked_names(client, handler, bodies) -> None:
    mine, theirs = make_application(bodies[0], "张三丰"), make_application(bodies[1], "李四")
    client.force_login(handler)
    html = client.get("/admin/applications/").content.decode()
    assert mine.number in html and theirs.number not in html
    assert "张**" in html and "张三丰" not in html and ID_NUMBER not in html


@pytest.mark.parametrize("view", ["handle", "edit", "delete", "history", "usage"])
def test_another_bodys_application_is_not_found(client, handler, bodies, view) -> None:
    mine, theirs = make_application(bodies[0]), make_application(bodies[1])
    client.force_login(handler)
    assert client.get(f"/admin/applications/{view}/{theirs.pk}/").status_code in (403, 404)
    if view in ("handle", "edit", "history"):
        assert client.get(f"/admin/applications/{view}/{mine.pk}/").status_code == 200


def test_opening_an_application_logs_the_view_of_personal_data(client, handler, bodies) -> None:
    mine = make_application(bodies[0])
    client.force_login(handler)
    html = client.get(f"/admin/applications/handle/{mine.pk}/").content.decode()
    assert "张三" in html and ID_NUMBER in html
    entries = ModelLogEntry.objects.filter(action="disclosure_applications.view_personal_data", object_id=str(mine.pk))
    assert entries.count() == 1 and entries.get().user == handler


def test_opening_the_contact_details_is_logged_too(client, handler, bodies) -> None:
    mine = make_application(bodies[0])
    client.force_login(handler)
    html = client.get(f"/admin/applications/edit/{mine.pk}/").content.decode()
    assert "0556-5347099" in html
    entries = ModelLogEntry.objects.filter(action="disclosure_applications.view_personal_data", object_id=str(mine.pk))
    assert entries.count() == 1


def test_the_export_masks_names(client, handler, bodies) -> None:
    make_application(bodies[0], "张三丰")
    client.force_login(handler)
    response = client.get("/admin/applications/?export=csv")
    csv = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "张**" in csv and "张三丰" not in csv and "0556-5347099" not in csv


def test_the_export_with_personal_data_is_asked_for_explicitly_and_logged(client, handler, bodies) -> None:
    mine, theirs = make_application(bodies[0], "张三丰"), make_application(bodies[1], "李四")
    withdrawn = make_application(bodies[0], "王五")
    withdrawn.status = "withdrawn"
    withdrawn.save()
    client.force_login(handler)
    listing = client.get("/admin/applications/").content.decode()
    assert "/admin/applications/export-personal/?export=csv" in listing
    response = client.get("/admin/applications/export-personal/", {"export": "csv", "status": "received"})
    body = b"".join(response.streaming_content).decode()
    assert response.status_code == 200 and "张三丰" in body and ID_NUMBER in body
    assert "李四" not in body and "王五" not in body  # another body's; filtered out
    entries = ModelLogEntry.objects.filter(action="disclosure_applications.view_personal_data")
    assert [(e.object_id, e.data) for e in entries] == [(str(mine.pk), {"export": "csv"})]
    assert theirs.pk  # (made so that the scope is tested)
    assert client.get("/admin/applications/export-personal/").status_code == 302  # no format: back to the list


def test_without_the_permission_there_is_no_personal_export(client, bodies, django_user_model) -> None:
    viewer = django_user_model.objects.create_user("viewer")
    viewer.user_permissions.add(*Permission.objects.filter(codename__in=["access_admin", "view_application"]))
    OfficeHandler.objects.create(user=viewer, organisation=bodies[0])
    make_application(bodies[0], "张三丰")
    client.force_login(viewer)
    assert "export-personal" not in client.get("/admin/applications/").content.decode()
    response = client.get("/admin/applications/export-personal/", {"export": "csv"})
    assert response.status_code == 302 and not hasattr(response, "streaming_content")
    assert not ModelLogEntry.objects.filter(action="disclosure_applications.view_personal_data").exists()


def test_filters_overdue_and_due_soon(client, handler, bodies) -> None:
    old = make_application(bodies[0])
    client.force_login(handler)
    overdue = client.get("/admin/applications/", {"deadline": "overdue"}).content.decode()
    assert old.number in overdue  # due 2025年10月30日, long past
    assert old.number not in client.get("/admin/applications/", {"deadline": "soon"}).content.decode()


def test_a_handler_registers_a_letter_and_records_a_step(client, handler, bodies) -> None:
    client.force_login(handler)
    data = form_data(bodies[0], channel="letter", received_on="2025-09-26")
    response = client.post("/admin/applications/new/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    application = Application.objects.get()
    assert application.channel == "letter" and application.due_on == datetime.date(2025, 10, 30)
    response = client.post(
        f"/admin/applications/handle/{application.pk}/",
        {"kind": "correction_requested", "date": "2025-09-29", "note": "请写明文件名称。", "days": "10"},
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "correction"
    refused = client.post(
        f"/admin/applications/handle/{application.pk}/",
        {"kind": "correction_requested", "date": "2025-09-30", "note": "x", "days": "10"},
    )
    assert refused.status_code == 200 and "不能在" in refused.content.decode()


def test_an_extension_names_who_approved_it_and_a_correction_its_period(client, handler, bodies) -> None:
    application = make_application(bodies[0])
    client.force_login(handler)
    url = f"/admin/applications/handle/{application.pk}/"
    refused = client.post(url, {"kind": "extended", "date": "2025-10-20", "days": "10", "note": "需要延期。"})
    assert refused.status_code == 200 and "请填写批准延期的负责人" in refused.content.decode()
    approved = {"kind": "extended", "date": "2025-10-20", "days": "10", "note": "需要延期。", "approved_by": "王主任"}
    assert client.post(url, approved).status_code == 302
    event = application.events.get(kind="extended")
    assert event.approved_by == "王主任" and event.days == 10
    assert "经王主任批准" in client.get(url).content.decode()
    other = make_application(bodies[0])
    no_period = {"kind": "correction_requested", "date": "2025-09-29", "note": "请补充。"}
    response = client.post(f"/admin/applications/handle/{other.pk}/", no_period)
    assert response.status_code == 200 and "补正期限" in response.content.decode()


def test_a_handler_cannot_register_for_another_body(client, handler, bodies) -> None:
    client.force_login(handler)
    response = client.post("/admin/applications/new/", form_data(bodies[1], channel="letter", received_on="2025-09-26"))
    assert response.status_code == 200 and not Application.objects.exists()


def test_the_dashboard_counts_overdue_work_and_warns_of_a_provisional_year(client, handler, bodies) -> None:
    make_application(bodies[0])  # due 2025年10月30日: overdue
    late = make_application(bodies[0])
    Application.objects.filter(pk=late.pk).update(due_provisional=True)
    client.force_login(handler)
    html = client.get("/admin/").content.decode()
    assert "2 件已超期" in html and "暂定日期" in html


def test_applications_are_never_in_a_search_index() -> None:
    assert not any(model._meta.app_label == "disclosure_applications" for model in get_indexed_models())
