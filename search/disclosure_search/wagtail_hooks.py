"""Admin: webmasters maintain synonyms and the segmentation dictionary (设置 › 信息公开检索)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import DictionaryTerm, SearchSynonym


class SynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    icon = "link"
    menu_label = _("同义词")
    list_display = ["__str__", "is_active", "updated_at"]
    search_fields = ["terms"]


class DictionaryViewSet(SnippetViewSet):
    model = DictionaryTerm
    icon = "doc-full"
    menu_label = _("分词词典")
    list_display = ["term", "frequency", "is_active", "updated_at"]
    search_fields = ["term"]


class SearchVocabularyGroup(SnippetViewSetGroup):
    items = (SynonymViewSet, DictionaryViewSet)
    menu_icon = "search"
    menu_label = _("信息公开检索")
    menu_name = "disclosure-search-vocabulary"


register_snippet(SearchVocabularyGroup)
