"""Admin registration: snippets for terms and organs."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .taxonomy.models import ClassificationTerm, Organisation


class ClassificationTermFilterSet(WagtailFilterSet):
    class Meta:
        model = ClassificationTerm
        fields = ["dimension", "is_active"]


class ClassificationTermViewSet(SnippetViewSet):
    model = ClassificationTerm
    icon = "tag"
    menu_label = _("分类")
    list_display = ["name", "dimension", "parent", "code", "is_active"]
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


# --------------------------------------------------------------------------- moderation


@hooks.register("register_log_actions")
def register_moderation_log_actions(actions) -> None:
    actions.register_action("disclosure_pages.publish_refused", _("发布被拒绝（未经保密审查）"), _("发布被拒绝"))
    actions.register_action("disclosure_pages.review_refused", _("保密审查记录不完整"), _("审查被拒绝"))
    actions.register_action("disclosure_pages.workflow_refused", _("审核流程缺少保密审查"), _("流程被拒绝"))


def _page_model_being_created(request):
    """The create view's context has no page; its URL names the type."""
    from django.apps import apps

    match = getattr(request, "resolver_match", None)
    kwargs = match.kwargs if match else {}
    try:
        return apps.get_model(kwargs["content_type_app_name"], kwargs["content_type_model_name"])
    except (KeyError, LookupError):
        return None


@hooks.register("construct_page_action_menu")
def hide_publish_without_approval(menu_items, request, context) -> None:
    """No Publish button on a disclosure page while its content has no approval."""
    from .mixins import DisclosurePageMixin
    from .moderation.guard import approval_for

    page = context.get("page")
    model = (page.specific_class if page.pk else type(page)) if page is not None else _page_model_being_created(request)
    if model is None or not issubclass(model, DisclosurePageMixin):
        return
    if page is None or page.pk is None or approval_for(page.get_latest_revision_as_object()) is None:
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]

from .file_hooks import *  # noqa: E402,F401,F403
from .moderation_hooks import *  # noqa: E402,F401,F403
