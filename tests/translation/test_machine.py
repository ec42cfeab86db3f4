"""The OpenCC machine translator in wagtail-localize (disclosure_pages.translation.machine)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import Locale, Site
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.strings import StringValue

from disclosure_pages.site_settings import DisclosureSettings
from disclosure_pages.translation.machine import OpenCCTranslator, direction
from tests import factories


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("zh-hans", "zh-hant", "to_traditional"),
        ("zh-hant", "zh-hans", "to_simplified"),
        ("zh-CN", "zh-TW", "to_traditional"),
        ("zh-hk", "zh-hans", "to_simplified"),
        ("zh-hans", "en", None),
        ("en", "zh-hant", None),
        ("zh-hant", "zh-hk", None),
    ],
)
def test_it_translates_between_chinese_scripts_only(source: str, target: str, expected: str | None) -> None:
    assert direction(source, target) == expected


@pytest.fixture
def locales(db) -> tuple[Locale, Locale]:
    return Locale.objects.get(language_code="zh-hans"), Locale.objects.get_or_create(language_code="zh-hant")[0]


def _variant(value: str) -> None:
    settings = DisclosureSettings.for_site(Site.objects.get(is_default_site=True))
    settings.traditional_variant = value
    settings.save()


def _translate(locales, text: str) -> str:
    translator = get_machine_translator()
    string = StringValue(text)
    return translator.translate(*locales, [string])[string].data


def test_the_project_configures_it(locales) -> None:
    translator = get_machine_translator()
    assert isinstance(translator, OpenCCTranslator)
    assert translator.can_translate(*locales) and translator.can_translate(*reversed(locales))
    assert not translator.can_translate(locales[0], Locale.objects.get_or_create(language_code="en")[0])


def test_the_webmaster_chooses_hong_kong_or_taiwan_conventions(locales) -> None:
    assert _translate(locales, "软件采购信息") == "軟件採購信息"  # Hong Kong characters by default
    _variant("tw")
    assert _translate(locales, "软件采购信息") == "軟體採購資訊"
    assert _translate(tuple(reversed(locales)), "軟體採購資訊") == "软件采购信息"


def test_organisation_names_and_document_numbers_keep_their_form(locales) -> None:
    _variant("tw")
    factories.organisation("宜城市信息中心", code="113408000")
    assert _translate(locales, "宜城市信息中心转发宜政办秘〔2008〕8号，索引号113408000/2024-00001") == (
        "宜城市信息中心轉發宜政办秘〔2008〕8号，索引號113408000/2024-00001"
    )


def test_an_editor_machine_translates_a_page_in_the_translation_editor(locales, portal, admin_client, superuser) -> None:
    catalog = factories.section(portal, factories.CatalogIndexPage)
    entry = factories.entry(catalog, title="关于软件正版化工作的通知", doc_number="宜政办秘〔2008〕8号")
    TranslationCreator(superuser, [locales[1]]).create_translations(entry)
    translation = Translation.objects.get(source__object_id=entry.translation_key, target_locale=locales[1])
    target = translation.get_target_instance()
    assert not target.live

    response = admin_client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.id]), {"next": "/admin/"}
    )
    assert response.status_code == 302
    translated = dict(
        StringTranslation.objects.filter(locale=locales[1]).values_list("translation_of__data", "data")
    )
    assert translated["关于软件正版化工作的通知"] == "關於軟件正版化工作的通知"
    assert translated["宜政办秘〔2008〕8号"] == "宜政办秘〔2008〕8号"
    assert all(
        row.tool_name == "OpenCC 简繁转换" and row.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE
        for row in StringTranslation.objects.filter(locale=locales[1])
    )
