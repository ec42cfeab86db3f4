from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "disclosure_search"
    label = "disclosure_search"
    verbose_name = _("信息公开检索")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from disclosure_pages.text.segment import refresh_dictionary_with

        from . import signals, vocabulary  # noqa: F401  (vocabulary connects its receivers)

        signals.connect()
        # The webmasters' dictionary terms apply to what is indexed next.
        refresh_dictionary_with(vocabulary.ensure_current)
