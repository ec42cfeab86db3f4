"""Admin: webmasters maintain synonyms and the segmentation dictionary (设置 › 信息公开检索)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from disclosure_pages.admin_columns import yes_no

from .health import PERMISSION, health_view
from .models import DictionaryTerm, SearchSynonym


class SynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    icon = "link"
    menu_label = _("同义词")
    list_display = ["__str__", yes_no(SearchSynonym, "is_active", yes=_("启用"), no=_("停用")), "updated_at"]
    search_fields = ["terms"]


class DictionaryViewSet(SnippetViewSet):
    model = DictionaryTerm
    icon = "doc-full"
    menu_label = _("分词词典")
    list_display = ["term", "frequency", yes_no(DictionaryTerm, "is_active", yes=_("启用"), no=_("停用")), "updated_at"]
    search_fields = ["term"]


class SearchVocabularyGroup(SnippetViewSetGroup):
    items = (SynonymViewSet, DictionaryViewSet)
    menu_icon = "search"
    menu_label = _("信息公开检索")
    menu_name = "disclosure-search-vocabulary"


register_snippet(SearchVocabularyGroup)


@hooks.register("register_admin_urls")
def register_health_url():
    return [path("search-health/", health_view, name="disclosure_search_health")]


class HealthMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.is_superuser or request.user.has_perm(PERMISSION)


@hooks.register("register_settings_menu_item")
def register_health_menu_item():
    return HealthMenuItem(_("检索服务状态"), reverse("disclosure_search_health"), icon_name="search", order=900)
