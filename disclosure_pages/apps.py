from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisclosurePagesConfig(AppConfig):
    name = "disclosure_pages"
    label = "disclosure_pages"
    verbose_name = _("政府信息公开")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Connect the publication guard (pre_save receivers) for every page save.
        from .moderation import guard, workflow  # noqa: F401
