"""Classification terms and organisations in the reader's language: filters, metadata tables
and facets (disclosure_pages.taxonomy.models.NamedInThreeLanguages)."""

from __future__ import annotations

import pytest
from django.utils import translation
from wagtail.models import Locale

from disclosure_pages.models import ClassificationTerm, Organisation
from tests import factories


def test_a_name_in_each_language() -> None:
    organisation = Organisation(name="安庆市人民政府办公室", name_en="General Office of Anqing Municipal Government")
    with translation.override("zh-hans"):
        assert organisation.label == "安庆市人民政府办公室"
    with translation.override("zh-hant"):
        assert organisation.label == "安慶市人民政府辦公室"  # OpenCC, characters only
    with translation.override("en"):
        assert organisation.label == "General Office of Anqing Municipal Government"
    organisation.name_hant = "安慶市政府辦公室"
    with translation.override("zh-hant"):
        assert organisation.label == "安慶市政府辦公室"  # a webmaster's own wins


def test_without_an_english_name_the_english_site_shows_the_chinese_one() -> None:
    with translation.override("en"):
        assert Organisation(name="宜城市信息中心").label == "宜城市信息中心"


@pytest.mark.django_db
def test_every_standard_term_has_an_english_name() -> None:
    missing = list(ClassificationTerm.objects.filter(is_standard=True, name_en="").values_list("name", flat=True))
    assert missing == []
    term = ClassificationTerm.objects.select_related("parent").get(dimension="topic", name="政务公开")
    with translation.override("en"):
        assert term.full_label == "General government affairs\\Government transparency"
    with translation.override("zh-hant"):
        assert term.full_label == "綜合政務\\政務公開"


@pytest.fixture
def entry(portal):
    Locale.objects.get_or_create(language_code="zh-hant")
    Locale.objects.get_or_create(language_code="en")
    catalog = factories.section(portal, factories.CatalogIndexPage)
    publisher = factories.organisation(name_en="General Office of Anqing Municipal Government")
    topic = ClassificationTerm.objects.get(dimension="topic", name="政务公开")
    return catalog, factories.entry(catalog, publisher=publisher, topic_category=topic, title="关于政务公开的通知")


@pytest.mark.parametrize(
    ("prefix", "organisation", "term"),
    [
        ("", "安庆市人民政府办公室", "综合政务\\政务公开"),
        ("/zh-hant", "安慶市人民政府辦公室", "綜合政務\\政務公開"),
        ("/en", "General Office of Anqing Municipal Government", "General government affairs\\Government transparency"),
    ],
)
def test_metadata_filters_and_facets_in_the_reader_s_language(client, entry, prefix, organisation, term) -> None:
    catalog, page = entry
    entry_html = client.get(prefix + page.url).content.decode()
    assert organisation in entry_html and term in entry_html
    listing = client.get(prefix + catalog.url).content.decode()
    parent, child = term.split("\\")
    assert organisation in listing  # the filter's options; 主题分类 grouped by first level
    counted = f"{child} (1)" if prefix == "/en" else f"{child}（1）"
    assert f'<optgroup label="{parent}">' in listing and f">{counted}</option>" in listing
    language = {"": "zh-hans", "/zh-hant": "zh-hant", "/en": "en"}[prefix]
    facets = client.get("/api/search/", {"q": "政务公开", "lang": language}).json()["facets"]
    labels = {value["label"] for facet in facets for value in facet["values"]}
    assert organisation in labels


def test_the_footer_follows_each_language_s_conventions(client, entry) -> None:
    from wagtail.models import Site

    from disclosure_pages.site_settings import DisclosureSettings

    settings = DisclosureSettings.for_site(Site.objects.get(is_default_site=True))
    settings.host_organisation, settings.address, settings.postcode = "安庆市政务公开办公室", "安庆市振风大道100号", "246003"
    settings.save()
    catalog, _page = entry
    english = client.get("/en" + catalog.url).content.decode()
    assert "安庆市振风大道100号 (Postcode: 246003)" in english
    traditional = client.get("/zh-hant" + catalog.url).content.decode()
    assert "安慶市政務公開辦公室" in traditional and "（郵編：246003）" in traditional
    simplified = client.get(catalog.url).content.decode()
    assert "安庆市政务公开办公室" in simplified and "（邮编：246003）" in simplified
