"""The text layer tested alone, as any program would use it: no project hooks, no database.

The search app registers its webmasters' vocabulary as a dictionary source
(``refresh_dictionary_with``), which reads the database before each index segmentation;
that integration is tested in tests/search. Here the sources are set aside so that a
test of cleaning or segmentation can never reach the database.
"""

from __future__ import annotations

from importlib import import_module

import pytest

# The module, not the function the package exports under the same name.
segmentation = import_module("disclosure_pages.text.segment")


@pytest.fixture(autouse=True)
def no_dictionary_sources(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(segmentation, "_DICTIONARY_SOURCES", [])
