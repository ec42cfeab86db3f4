"""Admin registration: snippets for terms and organs; moderation's hooks are in ``moderation/wagtail_hooks.py``."""

from django.apps import apps
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_strings, spreadsheets
from .admin_columns import yes_no
from .moderation import wagtail_hooks as moderation_hooks  # noqa: F401  (registers moderation's hooks)
from .taxonomy.models import ClassificationTerm, Organisation

if apps.is_installed("wagtail_localize"):  # translations are optional for a host
    from .translation import wagtail_hooks as translation_hooks  # noqa: F401  (registers their hooks)


class ClassificationTermFilterSet(WagtailFilterSet):
    class Meta:
        model = ClassificationTerm
        fields = ["dimension", "is_active"]


class ClassificationTermViewSet(SnippetViewSet):
    model = ClassificationTerm
    icon = "tag"
    menu_label = _("分类")
    list_display = ["name", "dimension", "parent", "code", yes_no(ClassificationTerm, "is_active", yes=_("启用"), no=_("停用"))]
    list_per_page = 50
    filterset_class = ClassificationTermFilterSet
    search_fields = ["name", "code"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("发布机构")
    list_display = ["name", "code", "short_name"]
    search_fields = ["name", "code", "short_name"]


class CatalogSetupGroup(SnippetViewSetGroup):
    items = (OrganisationViewSet, ClassificationTermViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("信息公开目录设置")
    menu_name = "disclosure-catalog-setup"


register_snippet(CatalogSetupGroup)


@hooks.register("insert_global_admin_js")
def wagtail_script_strings() -> str:
    return admin_strings.script_catalog_tag()


admin_strings.name_page_search_results()
spreadsheets.start_csv_exports_with_a_bom()
