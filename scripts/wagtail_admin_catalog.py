#!/usr/bin/env python
"""Wagtail's admin strings that its own Simplified and Traditional catalogs lack.

Wagtail 8's zh-Hans and zh-Hant catalogs miss hundreds of the strings its admin shows
("Autosave is paused", "Search all pages…"), so an editor working in Chinese saw English.
The add-on carries them in ``disclosure_pages/locale/<lang>/LC_MESSAGES/wagtail_admin.po``,
compiled into its ``django.mo`` by ``update_locale.py`` (Django merges every app's catalog;
the add-on only adds strings Wagtail's catalogs lack, so the order of INSTALLED_APPS does
not matter):

* zh_Hans: translations written for the project (this script keeps those whose string
  Wagtail still uses and still lacks);
* zh_Hant: every string Wagtail's zh-Hant lacks and its zh-Hans (or ours) has, converted
  by OpenCC (s2t), marked as such.

Run: ``.venv/bin/python scripts/wagtail_admin_catalog.py`` (after upgrading Wagtail, then
``scripts/update_locale.py --no-extract``). It prints how many strings each language lacks
before and after the add-on's catalog.
"""

from __future__ import annotations

from pathlib import Path

import opencc
import polib
import wagtail

ROOT = Path(__file__).resolve().parents[1]
WAGTAIL = Path(wagtail.__file__).resolve().parent
OURS = ROOT / "disclosure_pages" / "locale"
AUTO_COMMENT = "opencc s2t"

Key = tuple[str | None, str]


def wagtail_entries() -> dict[Key, polib.POEntry]:
    """Every string of Wagtail's English catalogs (its source strings), by (context, msgid)."""
    entries: dict[Key, polib.POEntry] = {}
    for path in sorted(WAGTAIL.glob("**/locale/en/LC_MESSAGES/django*.po")):
        for entry in polib.pofile(str(path)):
            if not entry.obsolete:
                entries.setdefault((entry.msgctxt, entry.msgid), entry)
    return entries


def wagtail_translations(code: str) -> dict[Key, polib.POEntry]:
    found: dict[Key, polib.POEntry] = {}
    for path in sorted(WAGTAIL.glob(f"**/locale/{code}/LC_MESSAGES/django*.po")):
        for entry in polib.pofile(str(path)).translated_entries():
            found.setdefault((entry.msgctxt, entry.msgid), entry)
    return found


def supplement_path(code: str) -> Path:
    return OURS / code / "LC_MESSAGES" / "wagtail_admin.po"


def load(code: str) -> polib.POFile:
    path = supplement_path(code)
    return polib.pofile(str(path)) if path.is_file() else polib.POFile()


def _copy(source: polib.POEntry, msgstr: str = "", plural: dict[int, str] | None = None) -> polib.POEntry:
    entry = polib.POEntry(msgctxt=source.msgctxt, msgid=source.msgid, msgid_plural=source.msgid_plural)
    if source.msgid_plural:
        entry.msgstr_plural = plural or {0: msgstr}
    else:
        entry.msgstr = msgstr
    return entry


def save(code: str, entries: list[polib.POEntry]) -> None:
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": code}
    for entry in sorted(entries, key=lambda e: ((e.msgctxt or ""), e.msgid)):
        po.append(entry)
    po.save(str(supplement_path(code)))


def missing(code: str, source: dict[Key, polib.POEntry], extra: dict[Key, polib.POEntry]) -> int:
    have = wagtail_translations(code)
    return sum(1 for key in source if key not in have and key not in extra)


def main() -> None:
    source = wagtail_entries()
    hans_wagtail, hant_wagtail = wagtail_translations("zh_Hans"), wagtail_translations("zh_Hant")
    before = {code: missing(code, source, {}) for code in ("zh_Hans", "zh_Hant")}

    ours = {
        (e.msgctxt, e.msgid): e
        for e in load("zh_Hans").translated_entries()
        if (e.msgctxt, e.msgid) in source and (e.msgctxt, e.msgid) not in hans_wagtail
    }
    save("zh_Hans", list(ours.values()))

    converter = opencc.OpenCC("s2t")
    traditional = []
    for key, entry in source.items():
        if key in hant_wagtail:
            continue
        simplified = hans_wagtail.get(key) or ours.get(key)
        if simplified is None:
            continue
        if entry.msgid_plural:
            plural = {0: converter.convert(simplified.msgstr_plural.get(0, ""))}
            converted = _copy(entry, plural=plural)
        else:
            converted = _copy(entry, converter.convert(simplified.msgstr))
        converted.tcomment = AUTO_COMMENT
        traditional.append(converted)
    save("zh_Hant", traditional)

    extra = {"zh_Hans": ours, "zh_Hant": {(e.msgctxt, e.msgid): e for e in traditional}}
    for code in ("zh_Hans", "zh_Hant"):
        after = missing(code, source, extra[code])
        print(f"{code}: Wagtail's catalogs lack {before[code]} of {len(source)} strings; with the add-on's, {after}")


if __name__ == "__main__":
    main()
