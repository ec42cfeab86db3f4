"""Development settings: ``make run``."""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS

DEBUG = True
# Development only; production.py refuses to start with this value.
SECRET_KEY = "django-insecure-dev-key-for-the-disclosure-portal-do-not-deploy"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Benchmarks (benchmarks/ at the repository root): commands that print figures.
INSTALLED_APPS = [*INSTALLED_APPS, "benchmarks"]
