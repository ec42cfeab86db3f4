"""Applications: one organisation per module; rate-limit counters start empty in every test."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile

from disclosure_applications import register, reply_drafts, reply_reviews
from disclosure_applications.choices import Outcome
from disclosure_applications.models import Application
from disclosure_applications.replies import REPLY_CHECKLIST_KEYS, ReplyReview
from disclosure_pages.moderation import roles
from tests import factories

#: A valid 居民身份证 number (check digit X) of the GB 11643 examples.
ID_NUMBER = "11010519491231002X"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def office(db):
    return factories.organisation()


def form_data(office, **fields: Any) -> dict[str, Any]:
    """A valid application as the HTML form posts it."""
    data = {
        "applicant_type": "natural_person",
        "name": "张三",
        "id_type": "id_card",
        "id_number": ID_NUMBER,
        "phone": "0556-5347099",
        "email": "zhang@example.cn",
        "address": "",
        "postcode": "",
        "organisation": office.code,
        "description": "2024年安庆市城乡低保资金发放明细（宜政办秘〔2024〕8号）",
        "delivery": "email",
    }
    data.update(fields)
    return data


def letter(office, received: datetime.date | None = None, *, channel: str = "letter", **fields: Any) -> Application:
    """An application registered as a handler does (or received online when ``received`` is None)."""
    data = {k: v for k, v in form_data(office, **fields).items() if k != "organisation"}
    application = Application(**data, organisation=office, channel=channel)
    application.query_code = register.receive(application, received=received)
    return application


@pytest.fixture
def django_settings(settings):
    """pytest-django's ``settings`` under a name that does not shadow hypothesis's ``settings``."""
    return settings


def person(username: str, group: str | None = None):
    """A user (made once per test database), in ``group`` if given."""
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"email": f"{username}@example.gov.cn"}
    )
    if created and group:
        user.groups.add(Group.objects.get(name=group))
    return user


def upload(
    name: str = "答复材料.txt", content: bytes = "2024年城乡低保资金发放汇总表。".encode()
) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="text/plain")


def answer(application: Application, outcome: str, on: datetime.date | None = None) -> ReplyReview:
    """Write, submit and approve a reply as the office does: a handler writes, a reviewer releases."""
    documents = [upload()] if Outcome(outcome).releases_information else []
    reply_drafts.save_draft(application, outcome=outcome, notice="答复告知书。", user=person("handler"), uploads=documents)
    reply_drafts.submit(application, person("handler"))
    reply = application.__class__.objects.get(pk=application.pk).reply
    review = reply_reviews.approve(
        reply, person("reviewer", roles.REVIEWERS), checklist=REPLY_CHECKLIST_KEYS, acknowledged=True, on=on
    )
    application.refresh_from_db()
    return review
