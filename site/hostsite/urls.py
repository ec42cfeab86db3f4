from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.api.v3.urls import api as wagtail_api_v3
from wagtail.documents import urls as wagtaildocs_urls

from disclosure_pages import urls as disclosure_urls
from search import urls as search_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Wagtail's REST API v3 (writes need a bearer token; publishing obeys the review rules).
    path("api/v3/", wagtail_api_v3.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    # Public full-text search API (JSON, no login): /api/search/?q=…
    path("", include(search_urls.api_patterns)),
    path("", include(disclosure_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Public pages: Simplified Chinese at the root, /zh-hant/ and /en/ for the others.
# The search page comes before Wagtail's catch-all page serving.
urlpatterns += i18n_patterns(
    path("", include(search_urls)),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
