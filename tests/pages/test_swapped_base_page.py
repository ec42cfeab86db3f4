"""The add-on keeps working when the host swaps Wagtail's base page model."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_add_on_installs_and_works_on_a_swapped_base_page(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.pages.swapped.settings",
        "SWAPPED_DB": str(tmp_path / "swapped.sqlite3"),
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "site"), str(ROOT / "search")]),
    }
    env.pop("DATABASE_URL", None)

    def run(*args: str) -> str:
        result = subprocess.run(
            [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
        )
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
        return result.stdout

    run("manage.py", "migrate", "--noinput", "-v0")
    assert "No changes detected" in run("manage.py", "makemigrations", "disclosure_pages", "--check", "--dry-run")
    assert "swapped base page: ok" in run("tests/pages/swapped/scenario.py")
