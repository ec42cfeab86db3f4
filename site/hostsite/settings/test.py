"""Test settings: ``make test``. Same database rules as everywhere else."""

import os

from .base import *  # noqa: F403
from .base import DATABASES, INSTALLED_APPS, VAR_DIR

DEBUG = False
SECRET_KEY = "test-secret-key-not-for-production"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = VAR_DIR / "test-media"
# Test-only commands: a flush that lifts the confidentiality triggers (tests/support).
INSTALLED_APPS = ["tests.support", *INSTALLED_APPS, "benchmarks"]

# A file (not :memory:) so that tests with several threads each get a real
# connection and SQLite's locking is exercised as in production.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # One file per process, so that two test runs on one machine never share a database.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-{os.getpid()}.sqlite3")}
    # A test database is thrown away: no fsync per commit (migrating it commits 221 times).
    DATABASES["default"]["OPTIONS"]["init_command"] = "PRAGMA synchronous = OFF"

VAR_DIR.mkdir(parents=True, exist_ok=True)
