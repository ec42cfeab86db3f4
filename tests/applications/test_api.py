"""The JSON API: submit and query, per-field errors, no personal data back, no 500 for any body."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from disclosure_applications.models import Application

from .conftest import ID_NUMBER

SUBMIT = "/api/applications/"


def payload(office, **fields) -> dict:
    data = {
        "applicant_type": "natural_person",
        "name": "王五",
        "id_number": ID_NUMBER,
        "phone": "13800000000",
        "email": "wang@example.cn",
        "organisation": office.code,
        "description": "安庆市2024年度财政预算公开表格",
        "delivery": "online",
    }
    data.update(fields)
    return data


def post(client: Client, body) -> object:
    raw = body if isinstance(body, bytes | str) else json.dumps(body, ensure_ascii=False)
    return client.post(SUBMIT, raw, content_type="application/json")


def test_submit_answers_201_with_number_code_dates_and_status(client, office) -> None:
    response = post(client, payload(office))
    assert response.status_code == 201
    body = response.json()
    assert set(body) >= {"number", "query_code", "received", "due", "status"}
    application = Application.objects.get(number=body["number"])
    assert application.check_query_code(body["query_code"]) and body["status"] == "received"
    assert body["received"] == application.received_on.isoformat() and body["due"] == application.due_on.isoformat()
    assert body["applicant"] == "王*" and "王五" not in response.content.decode()


def test_status_is_answered_without_personal_data(client, office) -> None:
    created = post(client, payload(office)).json()
    response = client.get(f"{SUBMIT}{created['number']}/", {"code": created["query_code"]})
    assert response.status_code == 200 and response.json()["status"] == "received"
    text = response.content.decode()
    for private in ("王五", ID_NUMBER, "13800000000", "wang@example.cn"):
        assert private not in text
    assert [e["kind"] for e in response.json()["events"]] == ["received"]


def test_a_wrong_code_and_an_unknown_number_answer_the_same(client, office) -> None:
    created = post(client, payload(office)).json()
    wrong = client.get(f"{SUBMIT}{created['number']}/", {"code": "AAAAAAAA"})
    unknown = client.get(f"{SUBMIT}2099000001/", {"code": created["query_code"]})
    assert wrong.status_code == unknown.status_code == 404 and wrong.content == unknown.content


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"applicant_type": "alien"}, "applicant_type"),
        ({"organisation": "000000000"}, "organisation"),
        ({"delivery": "pigeon"}, "delivery"),
        ({"phone": ""}, "phone"),
        ({"id_number": "123"}, "id_number"),
        ({"name": ["a"]}, "name"),
        ({"secret_field": "x"}, "secret_field"),
    ],
)
def test_bad_fields_are_a_400_with_errors_per_field(client, office, body, field) -> None:
    response = post(client, payload(office, **body))
    assert response.status_code == 400 and field in response.json()["errors"]
    assert not Application.objects.exists()


@pytest.mark.parametrize("raw", [b"", b"[]", b"null", b"{", b"\xff\xfe", "“”".encode()])
def test_a_body_that_is_not_a_json_object_is_a_400(db, client, raw) -> None:
    response = post(client, raw)
    assert response.status_code == 400 and "__all__" in response.json()["errors"]


def test_one_client_submitting_too_fast_gets_429(client, office, settings) -> None:
    settings.DISCLOSURE_APPLICATION_RATE = (1, 600)
    assert post(client, payload(office)).status_code == 201
    assert post(client, payload(office)).status_code == 429
    other = Client(REMOTE_ADDR="203.0.113.9")
    assert post(other, payload(office)).status_code == 201


def test_guessing_codes_is_throttled(client, office, settings) -> None:
    settings.DISCLOSURE_APPLICATION_QUERY_RATE = (3, 600)
    statuses = [client.get(f"{SUBMIT}2025000001/", {"code": f"CODE{n:04d}"}).status_code for n in range(4)]
    assert statuses == [404, 404, 404, 429]


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=60),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner, max_size=3),
    max_leaves=6,
)
FIELDS = st.sampled_from(
    ["applicant_type", "name", "id_type", "id_number", "phone", "email", "address", "postcode",
     "organisation", "description", "delivery", "x"]
)  # fmt: skip


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.dictionaries(FIELDS, JSON_VALUES | st.text(max_size=80), max_size=12) | JSON_VALUES)
def test_no_body_makes_a_500(office, settings, body) -> None:
    settings.DISCLOSURE_APPLICATION_RATE = (10_000, 600)
    response = post(Client(), body)
    assert response.status_code in (201, 400)
