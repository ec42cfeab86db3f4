from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisclosurePagesConfig(AppConfig):
    name = "disclosure_pages"
    label = "disclosure_pages"
    verbose_name = _("政府信息公开")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Imported here, not at the top: they need the app registry ready.
        from django.apps import apps
        from django.db.models.signals import post_migrate
        from wagtail.signals import page_published

        from . import checks  # noqa: F401  (registers the system checks)
        from .moderation import receivers
        from .public_cache import frontend
        from .public_cache.triggers import install_after_migrate

        receivers.connect(self.get_models())
        frontend.connect()
        post_migrate.connect(install_after_migrate, sender=self, dispatch_uid="disclosure_pages_public_cache_triggers")
        if apps.is_installed("wagtail_localize"):  # translations are optional for a host
            from .moderation.roles import grant_translation
            from .translation import sync

            page_published.connect(sync.on_page_published, dispatch_uid="disclosure_pages_translations_in_step")
            post_migrate.connect(grant_translation, dispatch_uid="disclosure_pages_grant_translation")
