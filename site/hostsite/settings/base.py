"""Settings shared by every environment of the host site.

The host project lives in ``site/hostsite`` (``site`` itself is not importable:
Python's standard library owns that name). ``manage.py``, ``pytest.ini`` and the
WSGI entry point put ``site/`` on ``sys.path``.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent  # site/hostsite
BASE_DIR = PROJECT_DIR.parent.parent  # repository root
VAR_DIR = Path(os.environ.get("DISCLOSURE_VAR_DIR", BASE_DIR / "var"))

INSTALLED_APPS = [
    "disclosure_pages",
    "disclosure_search",
    "disclosure_applications",
    # The demo portal of this host (`manage.py load_demo`); not part of the add-on.
    "hostsite.demo",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.api.v3",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.redirects",
    # Purges a CDN or Varnish in front when WAGTAILFRONTENDCACHE names one (README, Public page cache).
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.forms",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Login throttling for the admin and password-protected pages (see "Security" in the README).
    "axes",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Citizens' pages from the cache, keyed by the reader's language (disclosure_pages.public_cache).
    "disclosure_pages.public_cache.middleware.PublicCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # The request's user is the actor of the people rules (four eyes, role grants).
    "disclosure_pages.moderation.actor.ActorMiddleware",
    # Refused publications roll the whole request back and show why (disclosure_pages).
    "disclosure_pages.moderation.middleware.ModerationMiddleware",
    # Content-Security-Policy: strict for the public site, relaxed for the admin (hostsite/csp.py).
    "hostsite.csp.PortalCSPMiddleware",
    # Last, as django-axes requires: turns a lockout into its 429 answer.
    "axes.middleware.AxesMiddleware",
]

# django-axes first: it refuses locked-out clients before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "hostsite.urls"
WSGI_APPLICATION = "hostsite.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]


def database_from_env(default_sqlite: Path) -> dict:
    """``DATABASE_URL`` when set, else a SQLite file in the project.

    SQLite runs with IMMEDIATE transactions and a busy timeout so that
    concurrent writers (two editors publishing at once) queue instead of failing.
    """
    url = os.environ.get("DATABASE_URL")
    if url:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    else:
        config = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(default_sqlite)}
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config.setdefault("OPTIONS", {}).update(
            {"transaction_mode": "IMMEDIATE", "timeout": 30}
        )
    return config


DATABASES = {"default": database_from_env(BASE_DIR / "db.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Chinese first: Simplified is the default, Traditional and English follow.
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [
    ("zh-hans", "简体中文"),
    ("zh-hant", "繁體中文"),
    ("en", "English"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Simplified ⇄ Traditional in the translation editor and when translations are kept in step.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {"CLASS": "disclosure_pages.translation.machine.OpenCCTranslator"}
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = VAR_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "政府信息公开"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's database backend; on SQLite with the add-on's ranked index (disclosure_search/engine.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "disclosure_search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "doc", "docx", "odt", "pdf", "rtf", "txt", "xls", "xlsx", "wps", "ofd", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
# Files only through Wagtail's serve view, where unreviewed files are refused (disclosure_pages.E001).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Editing a page in moderation restarts its review: an approval covers exactly one content.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
# Translations start as drafts; they need their own confidentiality review.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAIL_DATE_FORMAT = "%Y-%m-%d"
WAGTAIL_DATETIME_FORMAT = "%Y-%m-%d %H:%M"

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# ----------------------------------------------------------------------------- security
# Login throttling (django-axes): the admin login and every page password
# (disclosure_pages/page_passwords.py). A client is locked out of one account (or one
# page restriction) after 5 failures in a row, for 30 minutes; other clients are not.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "lockout.html"
AXES_COOLOFF_MESSAGE = _("登录失败次数过多，请稍后再试。")
AXES_PERMALOCK_MESSAGE = _("登录失败次数过多，请联系网站管理员解除锁定。")
# Behind a reverse proxy, production.py reads the client address from X-Forwarded-For.
AXES_IPWARE_META_PRECEDENCE_ORDER = ("REMOTE_ADDR",)

# Admin sessions end after 4 hours, and when the browser closes.
SESSION_COOKIE_AGE = 4 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview marks itself same-origin
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# No calls from the admin to outside services: avatars and Wagtail's release check.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Content-Security-Policy (django-csp). The public site runs no inline script or style
# and loads nothing from other hosts; hostsite.csp relaxes this for the admin only.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# What the Wagtail admin adds (inline styles and scripts, previews in frames, image blobs).
DISCLOSURE_ADMIN_CSP = {
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "frame-src": ["'self'"],
    "frame-ancestors": ["'self'"],
}
# The REST API's schema and docs are for signed-in admin users (disclosure_pages/api.py).
WAGTAILAPI_DOCS_ENABLED = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "disclosure_pages": {"handlers": ["console"], "level": "INFO"},
        "disclosure_search": {"handlers": ["console"], "level": "INFO"},
    },
}
