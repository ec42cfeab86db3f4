"""Citizens apply on a plain HTML form, get a receipt once, and track the application."""

from __future__ import annotations

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from disclosure_applications import register
from disclosure_applications.models import Application
from disclosure_applications.workdays import Calendar

from .conftest import ID_NUMBER, form_data, letter

SHANGHAI = ZoneInfo("Asia/Shanghai")
APPLY = "/applications/apply/"
TRACK = "/applications/track/"


def submit(client, office, **fields):
    return client.post(APPLY, form_data(office, **fields))


@pytest.mark.parametrize(("prefix", "label"), [("", "受理机关"), ("/zh-hant", "受理機關"), ("/en", "Body applied to")])
def test_the_form_is_plain_html_in_every_language(client, office, prefix, label) -> None:
    html = client.get(prefix + APPLY).content.decode()
    assert label in html and 'enctype="multipart/form-data"' in html and "<script" not in html.split("<main")[-1]
    for value in ("natural_person", "commercial", "research", "public_interest", "legal_services", "other_org"):
        assert f'value="{value}"' in html
    assert office.name in html


def test_a_valid_application_gets_a_number_and_a_code_shown_once_and_mailed(client, office) -> None:
    response = submit(client, office)
    assert response.status_code == 302 and response["Location"].endswith("/applications/receipt/")
    receipt = client.get(response["Location"]).content.decode()
    application = Application.objects.get()
    code = re.search(r'application-receipt__code">([A-Z0-9]{8})<', receipt).group(1)
    assert application.number in receipt and application.check_query_code(code)
    assert application.name == "张三" and application.id_number == ID_NUMBER and application.channel == "online"
    assert application.due_on == Calendar().add(application.received_on, 20).date
    assert len(mail.outbox) == 1 and code in mail.outbox[0].body and mail.outbox[0].to == ["zhang@example.cn"]
    again = client.get("/applications/receipt/")
    assert again.status_code == 302 and again["Location"].endswith(TRACK)  # the code is not shown twice


def test_errors_stand_beside_their_fields_and_nothing_typed_is_lost(client, office) -> None:
    response = submit(client, office, id_number="110105194912310021", phone="abc", description="")
    html = response.content.decode()
    assert response.status_code == 400 and not Application.objects.exists()
    assert "居民身份证号码应为18位，且校验位正确。" in html and "请填写有效的联系电话" in html
    assert 'value="110105194912310021"' in html and 'value="张三"' in html and 'value="abc"' in html
    assert 'aria-invalid="true" aria-describedby="id_id_number_error"' in html and 'id="id_id_number_error"' in html


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"delivery": "email", "email": ""}, "email", "请填写电子邮箱"),
        ({"delivery": "post", "address": ""}, "address", "通信地址和邮政编码"),
        ({"applicant_type": "commercial"}, "id_type", "统一社会信用代码"),
        ({"id_type": "credit_code"}, "id_type", "个人身份证明"),
        ({"organisation": "nonexistent"}, "organisation", "选择一个有效的选项"),
        ({"postcode": "12345"}, "postcode", "6位数字"),
        ({"description": "x" * 5001}, "description", "5000"),
    ],
)
def test_rules_of_article_29(client, office, fields, field, message) -> None:
    response = submit(client, office, **fields)
    assert response.status_code == 400
    assert message in str(response.context["form"].errors[field])


def test_an_organisation_applies_with_its_credit_code(client, office) -> None:
    response = submit(client, office, applicant_type="legal_services", name="安徽某律师事务所",
                      id_type="credit_code", id_number="31340000MD0123456X")  # fmt: skip
    assert response.status_code == 302
    assert Application.objects.get().masked_name == "安徽某*****"


def test_identity_documents_must_be_pdf_or_images_by_content(client, office) -> None:
    fake = SimpleUploadedFile("id.pdf", b"<html><script>alert(1)</script>", content_type="application/pdf")
    response = client.post(APPLY, {**form_data(office), "id_document": fake})
    assert response.status_code == 400 and "只接受 PDF" in response.content.decode()
    exe = SimpleUploadedFile("id.exe", b"%PDF-1.4 x", content_type="application/octet-stream")
    assert client.post(APPLY, {**form_data(office), "id_document": exe}).status_code == 400
    pdf = SimpleUploadedFile("id.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    assert client.post(APPLY, {**form_data(office), "id_document": pdf}).status_code == 302


def test_online_applications_confirmed_on_a_non_working_day_count_from_the_next() -> None:
    calendar = Calendar()
    at = datetime.datetime(2025, 10, 3, 10, 0, tzinfo=SHANGHAI)
    assert register.received_on("online", at, calendar) == datetime.date(2025, 10, 9)
    late_night = datetime.datetime(2025, 9, 30, 23, 30, tzinfo=SHANGHAI)  # a working day in Beijing time
    assert register.received_on("online", late_night, calendar) == datetime.date(2025, 9, 30)
    assert register.received_on("letter", at, calendar) == datetime.date(2025, 10, 3)  # the handler's date


def test_too_many_submissions_from_one_client_are_refused_and_kept(client, office, django_settings) -> None:
    django_settings.DISCLOSURE_APPLICATION_RATE = (2, 600)
    assert submit(client, office).status_code == 302
    assert submit(client, office).status_code == 302
    refused = submit(client, office, name="李四")
    assert refused.status_code == 429 and "提交过于频繁" in refused.content.decode()
    assert 'value="李四"' in refused.content.decode() and Application.objects.count() == 2


# --- tracking ---------------------------------------------------------------------------------


@pytest.fixture
def received(office) -> tuple[Application, str]:
    application = letter(office, channel="online")
    return application, application.query_code


def test_number_and_code_show_the_status_without_personal_data(client, received) -> None:
    application, code = received
    response = client.post(TRACK, {"number": application.number, "code": code.lower()})
    html = response.content.decode()
    assert response.status_code == 200 and "办理中" in html and "张*" in html
    for private in ("张三", ID_NUMBER, "0556-5347099", "zhang@example.cn"):
        assert private not in html


def test_a_wrong_code_is_indistinguishable_from_an_unknown_number(client, received) -> None:
    application, code = received
    wrong_code = client.post(TRACK, {"number": application.number, "code": "WRONG234"})
    unknown = client.post(TRACK, {"number": "2099999999", "code": code})
    assert wrong_code.status_code == unknown.status_code == 404

    def page(response) -> str:
        html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())
        return html.replace(application.number, "N").replace("2099999999", "N")

    assert page(wrong_code) == page(unknown)


def test_the_query_code_never_travels_in_an_address(client, received) -> None:
    application, code = received
    form = client.get(TRACK, {"number": application.number}).content.decode()
    assert 'method="post"' in form and f'value="{application.number}"' in form
    # A code put in the address by hand is not acted on: the answer is the blank form.
    by_address = client.get(TRACK, {"number": application.number, "code": code})
    assert by_address.status_code == 200 and "application-status" not in by_address.content.decode()


FORM_FIELDS = ["applicant_type", "name", "id_type", "id_number", "phone", "email", "address", "postcode",
               "organisation", "description", "delivery", "csrfmiddlewaretoken", "x"]  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(fields=st.dictionaries(st.sampled_from(FORM_FIELDS), st.text(max_size=120), max_size=13))
def test_no_form_post_makes_a_500_or_loses_what_was_typed(client, office, django_settings, fields) -> None:
    django_settings.DISCLOSURE_APPLICATION_RATE = (10_000, 600)
    response = client.post(APPLY, fields)
    assert response.status_code in (302, 400)
    if response.status_code == 400 and fields.get("name", "").strip() and "\x00" not in fields["name"]:
        assert response.context["form"]["name"].value() == fields["name"]
