"""URLs the add-on adds to a host site.

``path("", include("disclosure_pages.urls"))`` at the root (``sitemap.xml``, ``robots.txt``),
and ``path("", include(disclosure_pages.urls.feed_patterns))`` inside ``i18n_patterns``, so that
each language has its feeds.
"""

from django.urls import path

from .discovery import feeds, sitemap

urlpatterns = [
    path("sitemap.xml", sitemap.sitemap, name="disclosure_sitemap"),
    path("robots.txt", sitemap.robots, name="disclosure_robots"),
]

feed_patterns = [
    path("feeds/<str:kind>/", feeds.feed, name="disclosure_feed"),
    path("feeds/organ/<int:organ>/<str:kind>/", feeds.feed, name="disclosure_organ_feed"),
    path("feeds/topic/<int:topic>/<str:kind>/", feeds.feed, name="disclosure_topic_feed"),
]
