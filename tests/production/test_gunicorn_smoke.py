"""The production recipe, for real: gunicorn, the production settings, PostgreSQL and Redis.

A fresh PostgreSQL database is migrated, static files are collected and the demo portal is
loaded with ``hostsite.settings.production``; gunicorn then serves it on a free port and
citizens' pages, the search, the APIs and the admin login are requested over HTTP.
``.ci/run`` runs it (``PRODUCTION_SMOKE=1``); ``make test`` skips it, as it needs both services.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

from benchmarks.management.commands.bench_http import quote_url

ROOT = Path(__file__).resolve().parents[2]
POSTGRES = os.environ.get("SMOKE_POSTGRES", "postgres://postgres@127.0.0.1:5432")
REDIS = os.environ.get("SMOKE_REDIS", "redis://127.0.0.1:6379/15")

pytestmark = pytest.mark.skipif(
    os.environ.get("PRODUCTION_SMOKE") != "1", reason="production smoke: .ci/run sets PRODUCTION_SMOKE=1"
)


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: str


@dataclass
class Server:
    base: str
    env: dict[str, str]

    def manage(self, *args: str) -> str:
        """A management command against the served database, as an operator would run it."""
        done = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, capture_output=True,
                              text=True, timeout=300)  # fmt: skip
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
        return done.stdout

    def sql(self, query: str) -> list[tuple]:
        with psycopg.connect(self.env["DATABASE_URL"]) as connection:
            return connection.execute(query).fetchall()

    def get(self, path: str) -> Response:
        url = quote_url(self.base + path)
        request = urllib.request.Request(url, headers={"Host": "127.0.0.1"})
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                return Response(answer.status, dict(answer.headers), answer.read().decode("utf-8", "replace"))
        except urllib.error.HTTPError as error:
            return Response(error.code, dict(error.headers), error.read().decode("utf-8", "replace"))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _psql(sql: str) -> None:
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
        connection.execute(sql)


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[Server]:
    name = f"disclosure_smoke_{os.getpid()}"
    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hostsite.settings.production",
        "DATABASE_URL": f"{POSTGRES}/{name}",
        "REDIS_URL": REDIS,
        "SECRET_KEY": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
        "SECURE_SSL_REDIRECT": "0",
        "INSECURE_COOKIES": "1",
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "site"), str(ROOT / "search")]),
    }
    _psql(f'DROP DATABASE IF EXISTS "{name}"')
    _psql(f'CREATE DATABASE "{name}"')
    log = tmp_path_factory.mktemp("gunicorn") / "gunicorn.log"
    process = None
    try:
        for command in (["migrate", "--noinput", "-v0"], ["collectstatic", "--noinput", "-v0"], ["load_demo", "-v0"]):
            done = subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, capture_output=True,
                                  text=True, timeout=600)  # fmt: skip
            assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
        with log.open("w") as output:
            gunicorn = {"GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": "2", "GUNICORN_THREADS": "4"}
            process = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"],
                cwd=ROOT, env={**env, **gunicorn}, stdout=output, stderr=subprocess.STDOUT,
            )  # fmt: skip
            server = Server(f"http://127.0.0.1:{port}", env)
            deadline = time.monotonic() + 60
            while True:
                try:
                    server.get("/")
                    break
                except OSError:
                    assert process.poll() is None and time.monotonic() < deadline, log.read_text()[-3000:]
                    time.sleep(0.5)
            yield server
    finally:
        if process is not None:
            process.terminate()
            process.wait(timeout=30)
        _psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_citizens_pages_answer_with_security_headers(server) -> None:
    portal = server.get("/")
    assert portal.status == 200 and "政府信息公开" in portal.body
    assert portal.headers.get("X-Content-Type-Options") == "nosniff"
    assert "Content-Security-Policy" in portal.headers
    assert server.get("/zh-hant/search/?q=資訊公開").status == 200
    assert server.get("/no-such-page/").status == 404


def test_search_page_and_api_find_the_demo(server) -> None:
    page = server.get("/search/?q=信息公开")
    assert page.status == 200 and "<mark>" in page.body
    api = json.loads(server.get("/api/search/?q=信息公开").body)
    assert api["count"] > 0 and not api["degraded"]


def test_applications_and_admin_login_answer(server) -> None:
    assert server.get("/applications/apply/").status == 200
    assert server.get("/applications/statistics/").status == 200
    login = server.get("/admin/login/")
    assert login.status == 200 and "csrfmiddlewaretoken" in login.body
    pages = json.loads(server.get("/api/v3/pages/").body)
    assert pages["items"], pages


def test_entries_catalog_documents_and_static_files(server) -> None:
    """The issue's list: the home page, an entry, the catalog, the search page, a document, a static file."""
    (entry_path, document_id, file_name), *_ = server.sql(
        "SELECT p.url_path, d.id, d.file FROM disclosure_pages_catalogentryattachment a "
        "JOIN wagtailcore_page p ON p.id = a.page_id JOIN wagtaildocs_document d ON d.id = a.document_id "
        "JOIN wagtailcore_locale l ON l.id = p.locale_id WHERE p.live AND l.language_code = 'zh-hans' ORDER BY p.id LIMIT 1"
    )
    entry_url = "/" + entry_path.split("/", 2)[2]  # the portal is the site's root
    entry = server.get(entry_url)
    assert entry.status == 200
    catalog = server.get("/mulu/")
    assert catalog.status == 200 and "政府信息公开目录" in catalog.body
    assert server.get("/search/?q=预算").status == 200
    document = server.get(f"/documents/{document_id}/{file_name.rsplit('/', 1)[1]}")
    assert document.status == 200 and document.body
    stylesheet = re.search(r'<link rel="stylesheet" href="(/static/[^"]+)"', entry.body).group(1)
    static = server.get(stylesheet)
    assert static.status == 200 and "max-age" in static.headers.get("Cache-Control", "")


def test_a_cached_entry_is_gone_once_withdrawn_by_any_path(server) -> None:
    """Served from Redis by either worker, until a withdrawal outside any request (the ORM, in a command)."""
    (page_id, entry_path), *_ = server.sql(
        "SELECT p.id, p.url_path FROM wagtailcore_page p JOIN django_content_type c ON c.id = p.content_type_id "
        "JOIN wagtailcore_locale l ON l.id = p.locale_id "
        "WHERE c.model = 'catalogentrypage' AND p.live AND l.language_code = 'zh-hans' ORDER BY p.id DESC LIMIT 1"
    )
    entry_url = "/" + entry_path.split("/", 2)[2]
    first = server.get(entry_url)
    assert first.status == 200
    hits = [server.get(entry_url).headers.get("X-Disclosure-Cache") for _ in range(4)]
    assert hits == ["hit"] * 4, hits
    catalog = server.get("/mulu/?page_size=100")
    assert entry_url in catalog.body
    before = server.sql("SELECT value FROM disclosure_pages_public_cache_generation")
    server.manage("shell", "-c", f"from wagtail.models import Page; Page.objects.filter(pk={page_id}).update(live=False)")
    after = server.get(entry_url)
    assert after.status == 404, (before, server.sql("SELECT value FROM disclosure_pages_public_cache_generation"),
                                 after.headers.get("X-Disclosure-Cache"), re.findall("<h1[^<]*<[^<]*|lang=\"[^\"]*\"|本[頁页][^<]*", after.body)[:6])
    assert entry_url not in server.get("/mulu/?page_size=100").body
