"""Development settings: ``make run``."""

from .base import *  # noqa: F403

DEBUG = True
# Development only; production.py refuses to start with this value.
SECRET_KEY = "django-insecure-dev-key-for-the-disclosure-portal-do-not-deploy"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
