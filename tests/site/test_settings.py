"""Every settings module reads its database from DATABASE_URL; production refuses unsafe defaults."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRINT = (
    "import json, django; from django.conf import settings; django.setup();"
    "print(json.dumps({'db': settings.DATABASES['default'], 'cache': settings.CACHES['default']['BACKEND'],"
    "'search': settings.WAGTAILSEARCH_BACKENDS['default'], 'hosts': settings.ALLOWED_HOSTS,"
    "'lang': settings.LANGUAGE_CODE, 'tz': settings.TIME_ZONE, 'langs': [c for c, _ in settings.LANGUAGES]}, default=str))"
)


def load(module: str, **env: str) -> subprocess.CompletedProcess:
    full_env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SECRET_KEY", "ALLOWED_HOSTS", "REDIS_URL", "ELASTICSEARCH_URL", "WAGTAILADMIN_BASE_URL"}}
    full_env.update(env, DJANGO_SETTINGS_MODULE=module, PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / 'site'), str(ROOT / 'search')]))
    return subprocess.run([sys.executable, "-c", PRINT], cwd=ROOT, env=full_env, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("module", ["hostsite.settings.dev", "hostsite.settings.test"])
def test_sqlite_file_by_default_and_database_url_when_set(module):
    default = json.loads(load(module).stdout)
    assert default["db"]["ENGINE"] == "django.db.backends.sqlite3"
    assert default["db"]["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert (default["lang"], default["tz"], default["langs"]) == ("zh-hans", "Asia/Shanghai", ["zh-hans", "zh-hant", "en"])
    configured = json.loads(load(module, DATABASE_URL="postgres://u:p@db.example:5433/portal").stdout)
    assert configured["db"]["ENGINE"] == "django.db.backends.postgresql"
    assert (configured["db"]["HOST"], configured["db"]["PORT"], configured["db"]["NAME"]) == ("db.example", 5433, "portal")


def test_production_refuses_the_development_secret_key():
    from hostsite.settings.dev import SECRET_KEY as dev_key

    for key in ("", dev_key, "django-insecure-something"):
        result = load("hostsite.settings.production", SECRET_KEY=key, ALLOWED_HOSTS="xxgk.example.gov.cn")
        assert result.returncode != 0
        assert "SECRET_KEY" in result.stderr


def test_production_requires_allowed_hosts():
    result = load("hostsite.settings.production", SECRET_KEY="k" * 50)
    assert result.returncode != 0 and "ALLOWED_HOSTS" in result.stderr


def test_production_reads_services_from_the_environment():
    result = load(
        "hostsite.settings.production",
        SECRET_KEY="a-real-secret-" + "x" * 40,
        ALLOWED_HOSTS="xxgk.example.gov.cn, www.example.gov.cn",
        WAGTAILADMIN_BASE_URL="https://xxgk.example.gov.cn",
        DATABASE_URL="postgres://portal@127.0.0.1:5432/portal",
        REDIS_URL="redis://127.0.0.1:6379/1",
        ELASTICSEARCH_URL="http://127.0.0.1:9200",
    )
    assert result.returncode == 0, result.stderr
    config = json.loads(result.stdout)
    assert config["hosts"] == ["xxgk.example.gov.cn", "www.example.gov.cn"]
    assert config["db"]["ENGINE"] == "django.db.backends.postgresql"
    assert config["cache"] == "django_redis.cache.RedisCache"
    assert config["search"]["BACKEND"] == "disclosure_search.backends.elasticsearch8"
    assert config["search"]["URLS"] == ["http://127.0.0.1:9200"]
