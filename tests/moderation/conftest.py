"""One portal per test module: built once, each test's changes rolled back to it.

A portal with every section costs seven reviewed publications; the moderation tests
only read it and add pages under it. The module's portal lives in a transaction of its
own that the module's tests nest in (each test rolls back to it) and that is rolled
back when the module ends.
"""

from __future__ import annotations

import pytest
from django.db import transaction

from disclosure_pages.models import DisclosurePortalPage
from tests import factories


@pytest.fixture(scope="module")
def module_portal(django_db_setup, django_db_blocker) -> int:
    with django_db_blocker.unblock(), transaction.atomic():
        portal_pk = factories.portal().pk
        yield portal_pk
        transaction.set_rollback(True)


@pytest.fixture
def portal(module_portal, db) -> DisclosurePortalPage:
    return DisclosurePortalPage.objects.get(pk=module_portal)
