from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from disclosure_applications import urls as application_urls
from disclosure_pages import page_passwords
from disclosure_pages import urls as disclosure_urls
from disclosure_pages.api import api as disclosure_api
from disclosure_search import urls as search_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Wagtail's REST API v3 as the add-on builds it: reviewed content only, no images,
    # bad paging a 400, docs for admin users (disclosure_pages/api.py).
    path("api/v3/", disclosure_api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    # Public full-text search API (JSON, no login): /api/search/?q=…
    path("", include(search_urls.api_patterns)),
    # 依申请公开 API: POST /api/applications/, GET /api/applications/<number>/?code=…
    path("", include(application_urls.api_patterns)),
    path("", include(disclosure_urls)),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    # Static files only: uploads (MEDIA_ROOT) are never served directly, documents go
    # through /documents/, which serves only reviewed files (disclosure_pages.E002).
    urlpatterns += staticfiles_urlpatterns()

# Public pages: Simplified Chinese at the root, /zh-hant/ and /en/ for the others.
# The search page comes before Wagtail's catch-all page serving.
urlpatterns += i18n_patterns(
    path("", include(search_urls)),
    path("", include(application_urls)),
    # Page passwords throttled by django-axes; before Wagtail's own view of the same path.
    path("", include(page_passwords)),
    # RSS and Atom feeds of new catalog entries, in each language (disclosure_pages.discovery).
    path("", include(disclosure_urls.feed_patterns)),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
