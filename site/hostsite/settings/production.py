"""Production settings: everything secret or site-specific comes from the environment."""

from __future__ import annotations

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .dev import SECRET_KEY as DEV_SECRET_KEY

DEBUG = False

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY or SECRET_KEY == DEV_SECRET_KEY or SECRET_KEY.startswith("django-insecure"):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a private random value in production "
        "(the development key is refused)."
    )

ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must list the portal's host names, comma-separated.")

WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "").strip().rstrip("/")
if not WAGTAILADMIN_BASE_URL.startswith(("https://", "http://")):
    raise ImproperlyConfigured(
        "WAGTAILADMIN_BASE_URL must be the portal's public address, e.g. https://xxgk.example.gov.cn "
        "(links in notification e-mails use it)."
    )

CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = os.environ.get("INSECURE_COOKIES") != "1"
# HTTPS only. A proxy that terminates TLS and redirects HTTP itself may set SECURE_SSL_REDIRECT=0.
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") != "0"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 60 * 60)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = os.environ.get("SECURE_HSTS_INCLUDE_SUBDOMAINS", "1") != "0"
SECURE_HSTS_PRELOAD = os.environ.get("SECURE_HSTS_PRELOAD", "1") != "0"
# The REST API's OpenAPI docs: off in production unless asked for (admin users only even then).
WAGTAILAPI_DOCS_ENABLED = os.environ.get("WAGTAILAPI_DOCS_ENABLED") == "1"

# Number of reverse proxies in front of the site that append to X-Forwarded-For: login
# throttling then counts the visitor's address, not the proxy's (django-ipware).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
if TRUSTED_PROXY_COUNT:
    AXES_IPWARE_PROXY_COUNT = TRUSTED_PROXY_COUNT
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")

# Citizens' pages from the cache (disclosure_pages.public_cache); 0 turns it off.
DISCLOSURE_PUBLIC_CACHE_SECONDS = int(os.environ.get("PUBLIC_CACHE_SECONDS", "600"))

REDIS_URL = os.environ.get("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
            "KEY_PREFIX": "disclosure",
        }
    }

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL")
OPENSEARCH_URL = os.environ.get("OPENSEARCH_URL")
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            # The add-on's Chinese-aware subclass of Wagtail's backend (disclosure_search/backends/).
            "BACKEND": os.environ.get("ELASTICSEARCH_BACKEND", "disclosure_search.backends.elasticsearch8"),
            "URLS": [ELASTICSEARCH_URL],
            "INDEX": os.environ.get("ELASTICSEARCH_INDEX", "disclosure"),
        }
    }
elif OPENSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": os.environ.get("OPENSEARCH_BACKEND", "disclosure_search.backends.opensearch2"),
            "URLS": [OPENSEARCH_URL],
            "INDEX": os.environ.get("ELASTICSEARCH_INDEX", "disclosure"),
        }
    }

if ELASTICSEARCH_URL or OPENSEARCH_URL:
    # cjk (no plugin), smartcn or ik (cluster plugins); the database index stays as the
    # fallback the public search uses when the engine is down.
    DISCLOSURE_SEARCH_ANALYZER = os.environ.get("DISCLOSURE_SEARCH_ANALYZER", "cjk")
    WAGTAILSEARCH_BACKENDS["database"] = {"BACKEND": "disclosure_search.backends.database"}

# gunicorn serves the static files itself (WhiteNoise), with far-future caching for the
# hashed names the manifest storage writes; a web server in front may serve var/static/ instead.
MIDDLEWARE = [*MIDDLEWARE]  # noqa: F405
MIDDLEWARE.insert(MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
                  "whitenoise.middleware.WhiteNoiseMiddleware")  # fmt: skip

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}
