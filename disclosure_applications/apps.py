from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisclosureApplicationsConfig(AppConfig):
    name = "disclosure_applications"
    label = "disclosure_applications"
    verbose_name = _("依申请公开")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import receivers  # noqa: F401  (connects the calendar's signals)
