"""The add-on installs beside the apps ``wagtail start`` creates, including its ``search`` app."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# What `wagtail start` writes for its own search app (Wagtail 8's project template).
HOST_SEARCH_APP = {
    "search/__init__.py": "",
    "search/views.py": "def search(request):\n    return None\n",
    "search/templates/search/search.html": "host search page\n",
}
SETTINGS = """
from hostsite.settings.test import *  # noqa: F403
from hostsite.settings.test import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "search"]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": %r}}
"""
PROBE = """
import django
django.setup()
import search, disclosure_search
from django.apps import apps
from django.template.loader import get_template
assert search.__file__.startswith(%r), search.__file__
assert apps.get_app_config("search").name == "search"
assert apps.get_app_config("disclosure_search").name == "disclosure_search"
assert get_template("search/search.html").render().strip() == "host search page"
assert get_template("disclosure_search/search_page.html")
print("beside wagtail start: ok")
"""


@pytest.mark.slow
def test_the_add_on_and_a_wagtail_start_search_app_install_together(tmp_path):
    for name, text in HOST_SEARCH_APP.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "host_settings.py").write_text(SETTINGS % str(tmp_path / "host.sqlite3"), encoding="utf-8")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "host_settings",
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT), str(ROOT / "site"), str(ROOT / "search")]),
    }
    env.pop("DATABASE_URL", None)

    def run(*args: str) -> str:
        result = subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
        return result.stdout

    run("manage.py", "check")
    run("manage.py", "migrate", "--noinput", "-v0")
    assert "beside wagtail start: ok" in run("-c", PROBE % str(tmp_path))
