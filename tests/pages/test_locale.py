"""The gettext catalogs are complete, compiled from their .po sources, and ship with their packages."""

from __future__ import annotations

from pathlib import Path

import opencc
import polib
import pytest
from django.utils import translation

from disclosure_pages.models import CatalogEntryPage

ROOT = Path(__file__).resolve().parents[2]
# Each package carries its own catalogs (a host that installs the add-on gets them); locale/ is the host's.
CATALOG_DIRS = {
    "disclosure_pages": ROOT / "disclosure_pages" / "locale",
    "disclosure_search": ROOT / "search" / "disclosure_search" / "locale",
    "disclosure_applications": ROOT / "disclosure_applications" / "locale",
    "host": ROOT / "locale",
}
CATALOGS = [
    pytest.param(directory / code / "LC_MESSAGES" / "django.po", id=f"{name}-{code}")
    for name, directory in CATALOG_DIRS.items()
    for code in ("zh_Hans", "zh_Hant", "en")
]
TRANSLATED = [param for param in CATALOGS if not param.id.endswith("zh_Hans")]  # Simplified is the source


@pytest.mark.parametrize("po_path", CATALOGS)
def test_mo_is_compiled_from_the_current_po(po_path: Path) -> None:
    po = polib.pofile(str(po_path))
    mo = polib.mofile(str(po_path.with_suffix(".mo")))
    compiled = {(e.msgctxt, e.msgid): e.msgstr for e in mo if e.msgid}
    expected = {(e.msgctxt, e.msgid): e.msgstr for e in po.translated_entries() if not e.obsolete}
    supplement = po_path.with_name("wagtail_admin.po")  # Wagtail's admin strings its catalogs lack
    if supplement.is_file():
        extra = {(e.msgctxt, e.msgid): e.msgstr for e in polib.pofile(str(supplement)).translated_entries()}
        expected = {**extra, **expected}
    assert compiled == expected, "run scripts/update_locale.py --no-extract"


@pytest.mark.parametrize("po_path", TRANSLATED)
def test_every_string_is_translated(po_path: Path) -> None:
    po = polib.pofile(str(po_path))
    missing = [e.msgid for e in po if not e.translated() and not e.obsolete]
    assert not missing, missing[:10]


ZH_HANT = [param for param in CATALOGS if param.id.endswith("zh_Hant")]


@pytest.mark.parametrize("po_path", ZH_HANT)
def test_machine_converted_traditional_is_the_conversion_of_its_own_source(po_path: Path) -> None:
    """An entry marked as OpenCC's is exactly OpenCC's s2t of its msgid, never msgmerge's
    guess from a similar string (which once put 一、政府信息公開工作機構 under 一、本年新收…)."""
    converter = opencc.OpenCC("s2t")
    wrong = [
        e.msgid
        for e in polib.pofile(str(po_path))
        if e.tcomment == "opencc s2t" and not e.obsolete and not e.msgid_plural
        and e.msgstr != converter.convert(e.msgid)
    ]  # fmt: skip
    assert not wrong, wrong[:10]


@pytest.mark.parametrize(
    ("package", "msgid"),
    [("disclosure_pages", "发布机构"), ("disclosure_search", "信息公开检索"), ("disclosure_applications", "受理编号")],
)
def test_each_package_carries_its_own_strings(package: str, msgid: str) -> None:
    po = polib.pofile(str(CATALOG_DIRS[package] / "zh_Hant" / "LC_MESSAGES" / "django.po"))
    assert po.find(msgid) is not None
    host = polib.pofile(str(CATALOG_DIRS["host"] / "zh_Hant" / "LC_MESSAGES" / "django.po"))
    assert host.find(msgid) is None, "the host's catalog holds only the host's strings"


def test_labels_follow_the_active_language() -> None:
    label = CatalogEntryPage._meta.get_field("publisher").verbose_name
    with translation.override("zh-hans"):
        assert str(label) == "发布机构"
    with translation.override("zh-hant"):
        assert str(label) == "發佈機構"
    with translation.override("en"):
        assert str(label) != "发布机构"
