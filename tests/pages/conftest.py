"""One portal per test module instead of one per test (tests/conftest.py ``module_portal``).

Tests get a fresh copy of the shared portal each time: treebeard counts children on
the instance, and a test must not see what an earlier one did to it in memory.
"""

from __future__ import annotations

import pytest

from disclosure_pages.models import DisclosurePortalPage


@pytest.fixture
def portal(db, module_portal) -> DisclosurePortalPage:
    return DisclosurePortalPage.objects.get(pk=module_portal.pk)
