"""URLs the add-on adds to a host site: ``path("", include("disclosure_pages.urls"))``."""

urlpatterns: list = []
