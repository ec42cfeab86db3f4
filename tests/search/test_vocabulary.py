"""Webmasters' synonyms and dictionary terms apply to search without a restart."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from disclosure_pages.text import segment
from disclosure_search.models import DictionaryTerm, SearchSynonym
from disclosure_search.service import search_pages
from disclosure_search.vocabulary import expand
from tests import factories

pytestmark = pytest.mark.django_db


def titles(query: str) -> set[str]:
    return {hit.title for hit in search_pages(query).hits}


def test_starting_synonyms_find_each_other(catalog):
    factories.entry(catalog, title="2024年政务公开工作要点")
    factories.entry(catalog, title="城乡最低生活保障标准调整")
    assert "2024年政务公开工作要点" in titles("信息公开工作要点")
    assert "城乡最低生活保障标准调整" in titles("低保标准")
    assert "城乡最低生活保障标准调整" in titles("低保標準")  # Traditional query too


def test_synonyms_reach_taiwan_phrasing(catalog):
    # 資訊公開 is Taiwan's 信息公开: the group 信息公开 ~ 政务公开 applies to it too.
    factories.entry(catalog, title="2024年政务公开工作要点")
    factories.entry(catalog, title="2024年信息公开工作要点")
    assert titles("資訊公開工作要點") == titles("信息公开工作要点") == {"2024年政务公开工作要点", "2024年信息公开工作要点"}


def test_a_new_synonym_applies_at_once(catalog):
    factories.entry(catalog, title="关于推进一网通办的实施意见")
    assert not titles("网上办事 实施意见")
    SearchSynonym.objects.create(terms="一网通办，网上办事")
    assert "关于推进一网通办的实施意见" in titles("网上办事 实施意见")
    SearchSynonym.objects.all().delete()
    assert len(expand("网上办事")) == 1


def test_a_dictionary_term_changes_segmentation_at_once():
    assert "皖事通办" not in segment("推进皖事通办平台建设")
    DictionaryTerm.objects.create(term="皖事通办")
    expand("x")  # any search reloads the vocabulary
    assert "皖事通办" in segment("推进皖事通办平台建设")
    DictionaryTerm.objects.filter(term="皖事通办").delete()
    expand("x")
    assert "皖事通办" not in segment("推进皖事通办平台建设")


def test_synonym_groups_need_two_words():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        SearchSynonym(terms="只有一个词").full_clean()


def test_webmasters_may_edit_the_vocabulary(client, django_user_model):
    webmaster = django_user_model.objects.create_user("wm", password="x")
    webmaster.groups.add(Group.objects.get(name="网站管理员"))
    client.force_login(webmaster)
    assert client.get("/admin/snippets/disclosure_search/searchsynonym/").status_code == 200
    assert client.get("/admin/snippets/disclosure_search/dictionaryterm/").status_code == 200
    response = client.post("/admin/snippets/disclosure_search/searchsynonym/add/", {"terms": "政府网站，门户网站", "is_active": "on"})
    assert response.status_code == 302
    assert SearchSynonym.objects.filter(terms="政府网站，门户网站").exists()
