#!/usr/bin/env python
"""Refresh the gettext catalogs and compile them.

Each package carries its own catalogs, so that a site installing the add-on gets its
translations: ``disclosure_pages/locale/``, ``search/disclosure_search/locale/``, and
``locale/`` for the host project (``site/``, ``LOCALE_PATHS``). Source strings are
Simplified Chinese.

1. ``makemessages`` for zh_Hans, zh_Hant and en; Django writes each string into the
   catalogs of the package whose source uses it;
2. an entry without a translation (a string that moved to another package) takes the
   translation of the same string from any catalog as it was before step 1;
3. zh_Hant entries still without one are filled by OpenCC (s2t) and marked with a
   translator comment so that a reviewer can find them;
4. every catalog is compiled to .mo with polib (no GNU gettext needed to compile), with
   the Wagtail admin strings of a ``wagtail_admin.po`` beside it added; a
   ``wagtail_admin_js.po`` (Wagtail's scripts' strings) is compiled to ``djangojs.mo``
   (see ``scripts/wagtail_admin_catalog.py``).

Run: ``.venv/bin/python scripts/update_locale.py`` (makemessages needs GNU gettext's
xgettext); ``--no-extract`` skips step 1.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import opencc
import polib

ROOT = Path(__file__).resolve().parents[1]
LOCALES = ["zh_Hans", "zh_Hant", "en"]
CATALOG_DIRS = [
    ROOT / "disclosure_pages" / "locale",
    ROOT / "search" / "disclosure_search" / "locale",
    ROOT / "disclosure_applications" / "locale",
    ROOT / "locale",
]
AUTO_COMMENT = "opencc s2t"
SUPPLEMENT = "wagtail_admin.po"
SCRIPT_SUPPLEMENT = "wagtail_admin_js.po"

Key = tuple[str | None, str]


def catalog_paths(code: str) -> list[Path]:
    return [directory / code / "LC_MESSAGES" / "django.po" for directory in CATALOG_DIRS]


def make_messages() -> None:
    for directory in CATALOG_DIRS:
        directory.mkdir(exist_ok=True)  # Django sends a package's strings to its own locale/
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--no-obsolete", "--no-location",
         *[f"-l{code}" for code in LOCALES],
         "--ignore=.venv/*", "--ignore=var/*", "--ignore=tests/*", "--ignore=scripts/*", "--ignore=build/*"],
        cwd=ROOT, check=True, env={**os.environ, "DJANGO_SETTINGS_MODULE": "hostsite.settings.dev"},
    )


def known_translations(code: str) -> dict[Key, polib.POEntry]:
    """Every translated entry of one language, whichever package's catalog holds it."""
    known: dict[Key, polib.POEntry] = {}
    for path in catalog_paths(code):
        if path.is_file():
            for entry in polib.pofile(str(path)).translated_entries():
                known.setdefault((entry.msgctxt, entry.msgid), entry)
    return known


def carry_over(po: polib.POFile, known: dict[Key, polib.POEntry]) -> int:
    """Give untranslated and fuzzy entries the translation of exactly the same string."""
    carried = 0
    for entry in po:
        if entry.obsolete or (entry.translated() and "fuzzy" not in entry.flags):
            continue
        source = known.get((entry.msgctxt, entry.msgid))
        if source is None or source.msgid_plural != entry.msgid_plural:
            continue
        entry.msgstr, entry.msgstr_plural = source.msgstr, dict(source.msgstr_plural)
        entry.tcomment = source.tcomment
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
        carried += 1
    return carried


def fill_traditional(po: polib.POFile) -> int:
    """Convert every untranslated entry, and every fuzzy one: msgmerge's guess from a similar
    string (with that string's translator comment) is not a translation of this one."""
    converter = opencc.OpenCC("s2t")
    filled = 0
    for entry in po:
        if entry.obsolete:
            continue
        guessed = "fuzzy" in entry.flags
        if entry.msgid_plural:
            if guessed or not any(entry.msgstr_plural.values()):
                entry.msgstr_plural = {0: converter.convert(entry.msgid_plural)}
                entry.tcomment = AUTO_COMMENT
                filled += 1
        elif guessed or not entry.msgstr:
            entry.msgstr = converter.convert(entry.msgid)
            entry.tcomment = AUTO_COMMENT
            filled += 1
        if guessed:
            entry.flags.remove("fuzzy")
            entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
    return filled


def compiled(po: polib.POFile, path: Path) -> polib.POFile:
    """What the .mo holds: the catalog, plus the strings of Wagtail's admin that Wagtail's own
    catalogs lack, where a ``wagtail_admin.po`` lies beside it (scripts/wagtail_admin_catalog.py)."""
    supplement = path.with_name(SUPPLEMENT)
    if not supplement.is_file():
        return po
    merged = polib.POFile()
    merged.metadata = dict(po.metadata)
    ours = {(entry.msgctxt, entry.msgid) for entry in po}
    for entry in [*po, *(e for e in polib.pofile(str(supplement)) if (e.msgctxt, e.msgid) not in ours)]:
        merged.append(entry)
    return merged


def main() -> None:
    known = {code: known_translations(code) for code in LOCALES}
    if "--no-extract" not in sys.argv:
        make_messages()
    for code in LOCALES:
        for path in catalog_paths(code):
            if not path.is_file():
                continue
            po = polib.pofile(str(path))
            po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
            po.metadata["Language"] = code
            name = f"{path.parents[2].relative_to(ROOT)} {code}"
            carried = carry_over(po, known[code])
            if code == "zh_Hant":
                print(f"{name}: {fill_traditional(po)} entries converted with OpenCC")
            po.save(str(path))
            compiled(po, path).save_as_mofile(str(path.with_suffix(".mo")))
            scripts = path.with_name(SCRIPT_SUPPLEMENT)
            if scripts.is_file():
                polib.pofile(str(scripts)).save_as_mofile(str(path.with_name("djangojs.mo")))
            print(f"{name}: {len(po)} entries ({carried} carried over), {po.percent_translated()}% translated, compiled")


if __name__ == "__main__":
    main()
