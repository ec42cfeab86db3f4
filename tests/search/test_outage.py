"""An engine outage costs one request per window, not every citizen's; webmasters see it.

The engine here is Elasticsearch at an address where nothing listens (it fails at once);
whether a search asked it is read from the outage record's failure count.
"""

from __future__ import annotations

import dataclasses
import time

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.test import override_settings

from disclosure_search import outage
from tests.people import client_for

pytestmark = pytest.mark.django_db

DOWN = {
    "default": {"BACKEND": "disclosure_search.backends.elasticsearch8", "URLS": ["http://127.0.0.1:1"], "TIMEOUT": 1},
    "database": {"BACKEND": "disclosure_search.backends.database"},
}


@pytest.fixture(autouse=True)
def clean_cache():
    cache.clear()
    yield
    cache.clear()


def search(client) -> dict:
    response = client.get("/api/search/", {"q": "信息公开"})
    assert response.status_code == 200
    return response.json()


def back_date(name: str, seconds: float) -> None:
    """As if the last failure was ``seconds`` ago."""
    record = dataclasses.replace(outage.current(name), last_failure=time.time() - seconds)
    cache.set(f"disclosure_search:outage:{name}", dataclasses.asdict(record))


@override_settings(WAGTAILSEARCH_BACKENDS=DOWN, DISCLOSURE_SEARCH_OUTAGE_WINDOW=60)
def test_after_one_failure_searches_go_straight_to_the_database_until_the_window_ends(client) -> None:
    first = search(client)
    assert first["degraded"] and outage.current("default").failures == 1
    for _n in range(3):
        assert search(client)["degraded"]
    assert outage.current("default").failures == 1  # nobody else waited for the engine
    back_date("default", 61)
    assert search(client)["degraded"]
    assert outage.current("default").failures == 2  # one request tried it again


@override_settings(WAGTAILSEARCH_BACKENDS=DOWN, DISCLOSURE_SEARCH_OUTAGE_WINDOW=60)
def test_after_the_window_one_request_at_a_time_probes_the_engine() -> None:
    outage.failed("default", ConnectionError("refused"))
    assert not outage.may_try("default", outage.current("default"))
    back_date("default", 61)
    record = outage.current("default")
    assert outage.may_try("default", record) and not outage.may_try("default", record)


def test_an_engine_that_answers_again_closes_the_outage() -> None:
    outage.failed("default", ConnectionError("refused"))
    outage.answered("default", outage.current("default"))
    assert outage.current("default") is None and outage.may_try("default", None)


@override_settings(WAGTAILSEARCH_BACKENDS=DOWN)
def test_webmasters_see_which_engine_answers_and_can_check(client, django_user_model) -> None:
    webmaster = django_user_model.objects.create_superuser("webmaster-search")
    admin = client_for(type(client), webmaster)
    html = admin.get("/admin/search-health/").content.decode()
    assert "当前由“default”回答公众检索" in html and html.count("正常") >= 2
    html = admin.post("/admin/search-health/").content.decode()
    assert "当前由“database”回答公众检索" in html and "ConnectionError" in html and "失败（" in html
    assert outage.current("default").failures == 1 and outage.current("database") is None


def test_the_health_view_is_for_webmasters_only(client, django_user_model) -> None:
    editor = django_user_model.objects.create_user("someone")
    editor.user_permissions.add(*Permission.objects.filter(codename="access_admin"))
    response = client_for(type(client), editor).get("/admin/search-health/")
    assert response.status_code == 302 and response["Location"] == "/admin/"


@override_settings(
    WAGTAILSEARCH_BACKENDS=DOWN,
    CACHES={"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}},
)
def test_a_failing_cache_loses_the_window_but_never_the_search(client) -> None:
    """Redis down as well: every search tries the engine again, and still answers from the database."""
    for _n in range(2):
        data = search(client)
        assert data["degraded"] and data["count"] >= 0
