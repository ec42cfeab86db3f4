"""Development settings: ``make run``."""

import os

from .base import *  # noqa: F403
from .base import INSTALLED_APPS

# DJANGO_DEBUG=0 turns it off, to measure as production runs (the benchmarks).
DEBUG = os.environ.get("DJANGO_DEBUG", "1") != "0"
# Development only; production.py refuses to start with this value.
SECRET_KEY = "django-insecure-dev-key-for-the-disclosure-portal-do-not-deploy"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Benchmarks (benchmarks/ at the repository root): commands that print figures.
INSTALLED_APPS = [*INSTALLED_APPS, "benchmarks"]
