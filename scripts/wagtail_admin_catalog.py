#!/usr/bin/env python
"""Wagtail's admin strings that its own Simplified and Traditional catalogs lack.

Wagtail 8's zh-Hans and zh-Hant catalogs miss hundreds of the strings its admin shows
("Autosave is paused", "Search all pages…"), so an editor working in Chinese saw English.
The add-on carries them in ``disclosure_pages/locale/<lang>/LC_MESSAGES/``:

* ``wagtail_admin.po``: strings of Wagtail's templates and Python code (the ``django``
  domain), compiled into the add-on's ``django.mo`` by ``update_locale.py``. Django merges
  every app's catalog; the add-on only adds strings Wagtail's catalogs lack, so the order
  of INSTALLED_APPS does not matter;
* ``wagtail_admin_js.po``: strings of Wagtail's scripts (the ``djangojs`` domain),
  compiled into ``djangojs.mo``. Wagtail's admin serves its scripts' catalog from
  ``wagtail.admin`` alone, so ``disclosure_pages/admin_strings.py`` hands these to the
  admin's pages itself.

In each: zh_Hans holds translations written for the project (this script keeps those
whose string Wagtail still uses and still lacks); zh_Hant holds every string Wagtail's
zh-Hant lacks and its zh-Hans (or ours) has, converted by OpenCC (s2t), marked as such.

Run: ``.venv/bin/python scripts/wagtail_admin_catalog.py`` (after upgrading Wagtail, then
``scripts/update_locale.py --no-extract``). It prints how many strings each language and
domain lacks before and after the add-on's catalogs.
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
PLURAL_FORMS = "nplurals=1; plural=0;"  # both Chinese scripts: one form for every count
SUPPLEMENTS = {"django": "wagtail_admin.po", "djangojs": "wagtail_admin_js.po"}

Key = tuple[str | None, str]


def wagtail_entries(domain: str) -> dict[Key, polib.POEntry]:
    """Every string of Wagtail's English catalogs of a domain (its source strings), by (context, msgid)."""
    entries: dict[Key, polib.POEntry] = {}
    for path in sorted(WAGTAIL.glob(f"**/locale/en/LC_MESSAGES/{domain}.po")):
        for entry in polib.pofile(str(path)):
            if not entry.obsolete:
                entries.setdefault((entry.msgctxt, entry.msgid), entry)
    return entries


def wagtail_translations(code: str, domain: str) -> dict[Key, polib.POEntry]:
    found: dict[Key, polib.POEntry] = {}
    for path in sorted(WAGTAIL.glob(f"**/locale/{code}/LC_MESSAGES/{domain}.po")):
        for entry in polib.pofile(str(path)).translated_entries():
            found.setdefault((entry.msgctxt, entry.msgid), entry)
    return found


def supplement_path(code: str, domain: str) -> Path:
    return OURS / code / "LC_MESSAGES" / SUPPLEMENTS[domain]


def load(code: str, domain: str) -> polib.POFile:
    path = supplement_path(code, domain)
    return polib.pofile(str(path)) if path.is_file() else polib.POFile()


def _copy(source: polib.POEntry, msgstr: str = "", plural: dict[int, str] | None = None) -> polib.POEntry:
    entry = polib.POEntry(msgctxt=source.msgctxt, msgid=source.msgid, msgid_plural=source.msgid_plural)
    if source.msgid_plural:
        entry.msgstr_plural = plural or {0: msgstr}
    else:
        entry.msgstr = msgstr
    return entry


def _text(entry: polib.POEntry) -> str:
    return entry.msgstr_plural.get(0, "") if entry.msgid_plural else entry.msgstr


def save(code: str, domain: str, entries: list[polib.POEntry]) -> None:
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": code, "Plural-Forms": PLURAL_FORMS}
    for entry in sorted(entries, key=lambda e: ((e.msgctxt or ""), e.msgid)):
        po.append(entry)
    po.save(str(supplement_path(code, domain)))


def written_in_simplified() -> dict[Key, polib.POEntry]:
    """Every Simplified translation at hand: ours (either domain), then Wagtail's own (either domain)."""
    pool: dict[Key, polib.POEntry] = {}
    for domain in SUPPLEMENTS:
        pool.update({(e.msgctxt, e.msgid): e for e in load("zh_Hans", domain).translated_entries()})
    for domain in SUPPLEMENTS:
        for key, entry in wagtail_translations("zh_Hans", domain).items():
            pool.setdefault(key, entry)
    return pool


def supplement(domain: str, pool: dict[Key, polib.POEntry], converter: opencc.OpenCC) -> None:
    source = wagtail_entries(domain)
    for code in ("zh_Hans", "zh_Hant"):
        have = wagtail_translations(code, domain)
        lacking = [key for key in source if key not in have]
        entries = []
        for key in lacking:
            simplified = pool.get(key)
            if simplified is None:
                continue
            text = _text(simplified)
            if code == "zh_Hant":
                entry = _copy(source[key], plural={0: converter.convert(text)}) if source[key].msgid_plural else None
                entry = entry or _copy(source[key], converter.convert(text))
                entry.tcomment = AUTO_COMMENT
            else:
                entry = _copy(source[key], plural={0: text}) if source[key].msgid_plural else _copy(source[key], text)
            entries.append(entry)
        save(code, domain, entries)
        print(f"{code} {domain}: Wagtail's catalogs lack {len(lacking)} of {len(source)} strings; "
              f"with the add-on's, {len(lacking) - len(entries)}")


def main() -> None:
    pool = written_in_simplified()
    converter = opencc.OpenCC("s2t")
    for domain in SUPPLEMENTS:
        supplement(domain, pool, converter)


if __name__ == "__main__":
    main()
