"""URLs of the application service.

``path("", include(disclosure_applications.urls.api_patterns))`` beside the other APIs and
``path("", include(disclosure_applications.urls))`` inside ``i18n_patterns`` (README).
"""

from django.urls import path

from . import api, views

app_name = "disclosure_applications"

urlpatterns = [
    path("applications/apply/", views.apply, name="apply"),
    path("applications/receipt/", views.receipt, name="receipt"),
    path("applications/track/", views.track, name="track"),
    path("applications/statistics/", views.statistics, name="statistics"),
    path("applications/reply/<str:token>/", views.reply_document, name="reply_document"),
]

api_patterns = (
    [
        path("api/applications/", api.submit, name="api_submit"),
        path("api/applications/<str:number>/", api.status, name="api_status"),
    ],
    "disclosure_applications_api",
)
