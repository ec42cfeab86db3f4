"""Search URLs. The page goes inside ``i18n_patterns`` (so /zh-hant/search/ works) and
before Wagtail's catch-all; the API goes outside them, with one URL for every language::

    urlpatterns = [path("", include(search_urls.api_patterns)), ...]
    urlpatterns += i18n_patterns(path("", include(search_urls)), path("", include(wagtail_urls)))
"""

from django.urls import path

from . import views

app_name = "disclosure_search"

urlpatterns = [path("search/", views.search_page, name="page")]

api_patterns = ([path("api/search/", views.search_api, name="api")], "disclosure_search_api")
