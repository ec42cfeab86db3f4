"""Wagtail's own admin speaks Chinese: the strings its catalogs lack, in templates, code and scripts."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest
import wagtail
from django.apps import apps
from django.utils import translation

from disclosure_pages import admin_strings

LOCALE = Path(admin_strings.__file__).resolve().parent / "locale"
WAGTAIL = Path(wagtail.__file__).resolve().parent
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w*\}")
# Strings whose Chinese is written the same: nothing in them is English prose.
SAME_IN_CHINESE = {"%(status_display)s %(task_name)s %(started_at)s", "%(range_start)s - %(range_end)s", "URL", "ID", "Wagtail API v2", "Wagtail API v3"}


def installed(catalog: Path) -> bool:
    """Whether the Wagtail app whose catalog this is runs in the host (the add-on covers all of them)."""
    package = catalog.parents[3].relative_to(WAGTAIL.parent)
    return apps.is_installed(".".join(package.parts))


def wagtail_strings(domain: str) -> list[polib.POEntry]:
    """The strings of the installed Wagtail apps' English catalogs: their source strings."""
    entries = {}
    for path in sorted(p for p in WAGTAIL.glob(f"**/locale/en/LC_MESSAGES/{domain}.po") if installed(p)):
        for entry in polib.pofile(str(path)):
            if not entry.obsolete:
                entries.setdefault((entry.msgctxt, entry.msgid), entry)
    return list(entries.values())


def translated(entry: polib.POEntry) -> str:
    if entry.msgid_plural:
        if entry.msgctxt:
            return translation.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, 2)
        return translation.ngettext(entry.msgid, entry.msgid_plural, 2)
    if entry.msgctxt:
        return translation.pgettext(entry.msgctxt, entry.msgid)
    return translation.gettext(entry.msgid)


@pytest.mark.parametrize("language", ["zh-hans", "zh-hant"])
def test_every_string_of_wagtail_s_templates_and_code_is_chinese(language):
    """Through Django's own gettext, as the admin renders them: none comes out as its English."""
    with translation.override(language):
        english = [
            entry.msgid
            for entry in wagtail_strings("django")
            if entry.msgid not in SAME_IN_CHINESE and translated(entry) in (entry.msgid, entry.msgid_plural)
        ]
    assert english == [], f"{len(english)} in English; run scripts/wagtail_admin_catalog.py: {english[:5]}"


@pytest.mark.parametrize("language", ["zh-hans", "zh-hant"])
def test_every_string_of_wagtail_s_scripts_is_chinese(language):
    """Wagtail's own script catalog for the language and the add-on's entries cover all its scripts' strings.

    Counted from the catalogs, not from the admin's ``jsi18n``: that fills a Traditional catalog's
    gaps with Simplified. The browser test checks what a page ends up with.
    """
    code = translation.to_locale(language)
    wagtail_own = {
        entry.msgid
        for path in WAGTAIL.glob(f"admin/locale/{code}/LC_MESSAGES/djangojs.po")
        for entry in polib.pofile(str(path)).translated_entries()
    }
    ours = admin_strings.script_catalog(language)
    english = [e.msgid for e in wagtail_strings("djangojs") if e.msgid not in wagtail_own and e.msgid not in ours]
    assert english == [], english[:5]
    if language == "zh-hant":  # Wagtail's zh-Hant lacks it, its zh-Hans has it
        assert ours["Toggle sidebar"] == "切換側邊欄"


@pytest.mark.parametrize(
    ("language", "search", "autosave", "saving"),
    [("zh-hans", "搜索所有页面…", "自动保存已暂停", "正在自动保存…"), ("zh-hant", "搜索所有頁面…", "自動保存已暫停", "正在自動保存…")],
)
def test_the_issue_s_examples(language, search, autosave, saving):
    with translation.override(language):
        assert translation.gettext("Search all pages…") == search
        assert translation.gettext("Autosave is paused") == autosave
        assert translation.gettext("Go to the first error") == {"zh-hans": "转到第一个错误", "zh-hant": "轉到第一個錯誤"}[language]
        assert admin_strings.script_catalog(language)["Autosave in progress…"] == saving


@pytest.mark.parametrize("language", ["en", "fr"])
def test_no_chinese_for_an_editor_in_another_language(language):
    """Django would fill a language's script catalog from the default language's."""
    with translation.override(language):
        assert admin_strings.script_catalog_tag() == ""


@pytest.mark.parametrize("code", ["zh_Hans", "zh_Hant"])
@pytest.mark.parametrize("name", ["wagtail_admin.po", "wagtail_admin_js.po"])
def test_translations_keep_their_placeholders(code, name):
    """A translation naming a placeholder its string does not pass would fail as the admin renders it;
    one leaving out a placeholder of the plural would fail GNU msgfmt's check."""
    wrong = []
    for entry in polib.pofile(str(LOCALE / code / "LC_MESSAGES" / name)).translated_entries():
        given = set(PLACEHOLDER.findall(entry.msgid + (entry.msgid_plural or "")))
        required = set(PLACEHOLDER.findall(entry.msgid_plural or ""))
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            used = set(PLACEHOLDER.findall(text))
            if text and not (used <= given and required <= used):
                wrong.append(entry.msgid)
    assert wrong == []


@pytest.mark.django_db
def test_the_dashboard_and_its_scripts_speak_chinese(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert "搜索所有页面…" in html and "Search all pages…" not in html
    script = html[html.index("django.catalog = django.catalog"):]
    assert '"Autosave in progress…": "正在自动保存…"' in script[: script.index("</script>")]


@pytest.mark.django_db
def test_the_login_page_carries_the_scripts_strings_without_a_request_of_its_own(client):
    html = client.get("/admin/login/").content.decode()
    assert '"Autosave in progress…": "正在自动保存…"' in html


def test_no_string_closes_the_script_element():
    script = admin_strings.merge_script({"<b>'{title}' is locked</b>": "</script><script>alert(1)</script>&"})
    body = script[len("<script>") : -len("</script>")]
    assert "<" not in body and ">" not in body and "&" not in body
    assert "\\u003C/script\\u003E" in body


@pytest.mark.django_db
def test_the_page_search_header_names_pages(admin_client, portal):
    html = admin_client.get(f"/admin/pages/search/?q={portal.title}").content.decode()
    header = re.search(r"(\d+) 个(\S+?)中的第 1–\1 个", html)
    assert header is not None and header.group(2) == "页面"
    assert "None中" not in html
