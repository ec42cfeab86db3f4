from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from django.conf import settings
from django.core.cache import cache, caches
from django.db import transaction
from django.utils import translation

from . import factories

if TYPE_CHECKING:
    from disclosure_pages.models import DisclosurePortalPage


@pytest.fixture(autouse=True)
def default_language() -> Iterator[None]:
    """Each test ends in the default language: LocaleMiddleware leaves a request's language
    active in the thread (a test's GET of /en/… made the next test's messages English)."""
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def empty_caches() -> Iterator[None]:
    """Each test starts with empty caches. A test's transaction is rolled back, and with it the
    content generation the public cache keys copies by: the next test would count the same
    generations again and could be answered with the previous test's pages."""
    for alias in settings.CACHES:
        caches[alias].clear()
    yield


@pytest.fixture
def portal(db):
    return factories.portal()


@pytest.fixture
def catalog(portal):
    from disclosure_pages.models import CatalogIndexPage

    return factories.section(portal, CatalogIndexPage)


@pytest.fixture
def org(db):
    return factories.organisation()


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.gov.cn", "pw-for-tests-only")


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker) -> Iterator[None]:
    """An outer transaction around a module's tests, rolled back after the last one.

    Module-scoped fixtures build inside it once; each test still runs in a savepoint of
    its own (pytest-django's ``db``), so what one test writes is gone before the next.
    Rolling back fires no trigger, so reviewed and live pages go with it. Not for
    modules with ``transaction=True`` tests.
    """
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
    try:
        yield
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
        cache.clear()  # Wagtail caches site root paths; they may name rolled-back pages.


@pytest.fixture(scope="module")
def module_portal(module_db, django_db_blocker) -> DisclosurePortalPage:
    """A portal built once per module (seven reviewed publications); a directory's
    conftest.py hands tests fresh copies of it as ``portal``."""
    with django_db_blocker.unblock():
        return factories.portal()


def pytest_collection_modifyitems(config, items) -> None:
    """A test that commits must restore what the migrations wrote when it flushes: without
    ``serialized_rollback`` it empties groups, workflows and content types for every test
    that follows it in the same worker."""
    careless = [
        item.nodeid
        for item in items
        if (marker := item.get_closest_marker("django_db")) is not None
        and marker.kwargs.get("transaction")
        and not marker.kwargs.get("serialized_rollback")
    ]
    if careless:
        raise pytest.UsageError(
            "django_db(transaction=True) needs serialized_rollback=True here (tests/support): " + ", ".join(careless)
        )
