"""One portal per test module (tests/conftest.py ``module_portal``), each test's changes rolled back to it.

A portal with every section costs seven reviewed publications; the moderation tests
only read it and add pages under it. Tests get a fresh copy each time: treebeard counts
children on the instance, and a test must not see what an earlier one did to it in memory.
"""

from __future__ import annotations

import pytest

from disclosure_pages.models import DisclosurePortalPage


@pytest.fixture
def portal(db, module_portal) -> DisclosurePortalPage:
    return DisclosurePortalPage.objects.get(pk=module_portal.pk)
