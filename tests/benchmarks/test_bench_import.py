"""``bench_import``: the figures are printed and the generated lines are the valid lines they claim to be.

No timing is asserted (figures depend on the machine); checking 10,000 lines is what the
command is for (``manage.py bench_import``), and the cost per line in queries is held by
``tests/catalog/importer/test_validation.py``.
"""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from disclosure_pages.models import CatalogEntryPage

pytestmark = pytest.mark.django_db


def test_a_run_checks_every_line_and_prints_the_rate() -> None:
    out = StringIO()
    call_command("bench_import", "--lines", "300", stdout=out)
    summary = out.getvalue()
    assert "lines checked:    300" in summary
    assert re.search(r"check rate:\s+\d+ lines/s \(\d+\.\d s\)", summary)
    assert not CatalogEntryPage.objects.exists()  # checking writes nothing


def test_zero_lines_is_a_clear_error() -> None:
    with pytest.raises(CommandError, match="--lines"):
        call_command("bench_import", "--lines", "0", stdout=StringIO())
