from __future__ import annotations

import pytest

from . import factories


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
