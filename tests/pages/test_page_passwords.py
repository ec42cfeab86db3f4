"""Login attempts are throttled by django-axes: the admin login and page passwords.

Five wrong passwords from one client lock that client out (429, a Chinese message);
the right password is then refused too; another client is not affected.
"""

from __future__ import annotations

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from tests import factories

pytestmark = pytest.mark.django_db

LOCKED = "尝试次数过多"
ATTACKER, OTHER = "203.0.113.7", "198.51.100.9"


def client_at(address: str) -> Client:
    return Client(REMOTE_ADDR=address)


def admin_login(client: Client, password: str):
    return client.post("/admin/login/", {"username": "admin", "password": password})


def test_admin_login_locks_out_after_five_failures(superuser):
    attacker = client_at(ATTACKER)
    statuses = [admin_login(attacker, f"guess-{n}").status_code for n in range(5)]
    assert statuses == [200, 200, 200, 200, 429]
    refused = admin_login(attacker, "pw-for-tests-only")
    assert refused.status_code == 429 and LOCKED in refused.content.decode()
    assert attacker.get("/admin/").status_code == 302  # still not signed in
    assert admin_login(client_at(OTHER), "pw-for-tests-only").status_code == 302


@pytest.fixture
def protected(catalog):
    entry = factories.entry(catalog, title="需要密码的通知")
    restriction = PageViewRestriction.objects.create(
        page=entry, restriction_type=PageViewRestriction.PASSWORD, password="right-password"
    )
    return entry, restriction


def unlock(client: Client, entry, restriction, password: str, prefix: str = ""):
    url = f"{prefix}/_util/authenticate_with_password/{restriction.pk}/{entry.pk}/"
    return client.post(url, {"password": password, "return_url": entry.url})


def test_page_password_locks_out_after_five_failures(protected):
    entry, restriction = protected
    attacker = client_at(ATTACKER)
    statuses = [unlock(attacker, entry, restriction, f"guess-{n}").status_code for n in range(5)]
    assert statuses == [200, 200, 200, 200, 429]
    refused = unlock(attacker, entry, restriction, "right-password")
    assert refused.status_code == 429 and LOCKED in refused.content.decode()
    # The same view under another language prefix shares the count.
    assert unlock(attacker, entry, restriction, "right-password", prefix="/en").status_code == 429
    assert "需要密码的通知" not in attacker.get(entry.url).content.decode()

    other = client_at(OTHER)
    assert unlock(other, entry, restriction, "right-password").status_code == 302
    assert "需要密码的通知" in other.get(entry.url).content.decode()


def test_a_right_page_password_starts_the_count_again(protected):
    entry, restriction = protected
    visitor = client_at(ATTACKER)
    for n in range(4):
        unlock(visitor, entry, restriction, f"typo-{n}")
    assert unlock(visitor, entry, restriction, "right-password").status_code == 302
    assert [unlock(visitor, entry, restriction, "typo").status_code for _ in range(4)] == [200] * 4
