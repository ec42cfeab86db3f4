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
        self.connect_people_rules()

        self.connect_file_guards()
        from .moderation.publication import connect_child_guards

        connect_child_guards(self.get_models())

    def connect_file_guards(self) -> None:
        """Files follow reviews: record published files, refuse changes to them, check settings."""
        from . import checks  # noqa: F401
        from .moderation import file_changes, files  # noqa: F401

        file_changes.connect()

    def connect_people_rules(self) -> None:
        """Four eyes, role grants only by superusers, and the audit log of roles and of what is not reviewed."""
        from .moderation import audit, four_eyes, grants, people_hooks  # noqa: F401

        grants.connect()
        audit.connect()
