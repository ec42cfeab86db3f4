from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisclosurePagesConfig(AppConfig):
    name = "disclosure_pages"
    label = "disclosure_pages"
    verbose_name = _("政府信息公开")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Imported here, not at the top: both need the app registry ready.
        from . import checks  # noqa: F401  (registers the system checks)
        from .moderation import receivers

        receivers.connect(self.get_models())
