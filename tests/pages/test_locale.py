"""The gettext catalogs are complete and their compiled .mo files match the .po sources."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from django.utils import translation

from disclosure_pages.models import CatalogEntryPage

LOCALE = Path(__file__).resolve().parents[2] / "locale"


@pytest.mark.parametrize("code", ["zh_Hans", "zh_Hant", "en"])
def test_mo_is_compiled_from_the_current_po(code):
    po = polib.pofile(str(LOCALE / code / "LC_MESSAGES" / "django.po"))
    mo = polib.mofile(str(LOCALE / code / "LC_MESSAGES" / "django.mo"))
    compiled = {(e.msgctxt, e.msgid): e.msgstr for e in mo if e.msgid}
    expected = {(e.msgctxt, e.msgid): e.msgstr for e in po.translated_entries() if not e.obsolete}
    assert compiled == expected, "run scripts/update_locale.py --no-extract"


@pytest.mark.parametrize("code", ["zh_Hant", "en"])
def test_every_string_is_translated(code):
    po = polib.pofile(str(LOCALE / code / "LC_MESSAGES" / "django.po"))
    missing = [e.msgid for e in po if not e.translated() and not e.obsolete]
    assert not missing, missing[:10]


def test_labels_follow_the_active_language():
    label = CatalogEntryPage._meta.get_field("publisher").verbose_name
    with translation.override("zh-hans"):
        assert str(label) == "发布机构"
    with translation.override("zh-hant"):
        assert str(label) == "發佈機構"
    with translation.override("en"):
        assert str(label) != "发布机构"
