"""Production settings pass ``check --deploy``; CSP headers; API docs and images not public."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from tests import factories

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "SECRET_KEY": "a-real-secret-" + "Qz9#x" * 10,
    "ALLOWED_HOSTS": "xxgk.example.gov.cn",
    "WAGTAILADMIN_BASE_URL": "https://xxgk.example.gov.cn",
}
# What this process may carry that a production server does not (the browser tests
# allow Django's sync ORM inside Playwright's event loop for the test process only).
SCRUBBED = {
    "DATABASE_URL", "SECRET_KEY", "ALLOWED_HOSTS", "WAGTAILADMIN_BASE_URL", "SECURE_SSL_REDIRECT", "REDIS_URL",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
}


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    full_env = {k: v for k, v in os.environ.items() if k not in SCRUBBED}
    full_env.update(env, DJANGO_SETTINGS_MODULE="hostsite.settings.production")
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=full_env, capture_output=True, text=True, timeout=180
    )


def test_check_deploy_is_clean_under_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_requires_wagtailadmin_base_url():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "WAGTAILADMIN_BASE_URL"}
    result = manage("check", **env)
    assert result.returncode != 0 and "WAGTAILADMIN_BASE_URL" in result.stderr


def test_a_tls_proxy_may_turn_the_ssl_redirect_off():
    code = "from django.conf import settings; print(settings.SECURE_SSL_REDIRECT, settings.SESSION_COOKIE_AGE)"
    on = manage("shell", "--no-imports", "-c", code, **PRODUCTION_ENV)
    off = manage("shell", "--no-imports", "-c", code, SECURE_SSL_REDIRECT="0", **PRODUCTION_ENV)
    assert on.stdout.split() == ["True", "14400"], on.stdout + on.stderr
    assert off.stdout.split()[0] == "False"


@pytest.mark.django_db
def test_csp_is_strict_on_public_pages_and_relaxed_in_the_admin(catalog, admin_client):
    entry = factories.entry(catalog)
    public = Client().get(entry.url)
    policy = public["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert public["X-Frame-Options"] == "DENY" and public["X-Content-Type-Options"] == "nosniff"
    admin_policy = admin_client.get("/admin/").headers["Content-Security-Policy"]
    assert "style-src 'self' 'unsafe-inline'" in admin_policy and "frame-ancestors 'self'" in admin_policy


@pytest.mark.django_db
def test_api_docs_are_for_admin_users_only(admin_client, django_user_model):
    for path in ("/api/v3/docs/", "/api/v3/openapi.json"):
        assert Client().get(path).status_code == 404
        citizen = Client()
        citizen.force_login(django_user_model.objects.create_user(f"citizen{len(path)}", password="x"))
        assert citizen.get(path).status_code == 404
    assert admin_client.get("/api/v3/openapi.json").status_code == 200


@pytest.mark.django_db
def test_unreviewed_content_is_not_in_the_public_api(catalog):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    document = get_document_model()(title="未审查的上传")
    document.file.save("weishencha.txt", ContentFile("内部".encode()), save=False)
    document.save()
    get_image_model().objects.create(title="未审查的图片", file=get_test_image_file())
    draft = factories.entry(catalog, publish=False, title="草稿条目")
    client = Client()
    assert client.get("/api/v3/documents/").json()["items"] == []
    assert client.get(f"/api/v3/documents/{document.pk}/").status_code == 404
    assert client.get("/api/v3/images/").status_code == 404  # images are not reviewed: not mounted
    assert client.get(f"/api/v3/pages/{draft.pk}/").status_code == 404
    assert draft.pk not in [item["id"] for item in client.get("/api/v3/pages/", {"limit": 20}).json()["items"]]
