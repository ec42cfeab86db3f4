#!/usr/bin/env python
"""Refresh the gettext catalogs in locale/ and compile them.

1. ``makemessages`` for zh_Hans, zh_Hant and en (source strings are Simplified Chinese);
2. zh_Hant entries that have no translation yet are filled by OpenCC (s2t) and marked
   with a translator comment so that a reviewer can find them;
3. every catalog is compiled to .mo with polib (no GNU gettext needed to compile).

Run: ``.venv/bin/python scripts/update_locale.py`` (makemessages needs GNU gettext's xgettext).
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
AUTO_COMMENT = "opencc s2t"


def make_messages() -> None:
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--no-obsolete", "--no-location",
         *[f"-l{code}" for code in LOCALES],
         "--ignore=.venv/*", "--ignore=var/*", "--ignore=tests/*", "--ignore=scripts/*"],
        cwd=ROOT, check=True, env={**os.environ, "DJANGO_SETTINGS_MODULE": "hostsite.settings.dev"},
    )


def fill_traditional(po: polib.POFile) -> int:
    converter = opencc.OpenCC("s2t")
    filled = 0
    for entry in po:
        if entry.msgid_plural:
            if not any(entry.msgstr_plural.values()):
                entry.msgstr_plural = {0: converter.convert(entry.msgid_plural)}
                entry.tcomment = AUTO_COMMENT
                filled += 1
        elif not entry.msgstr:
            entry.msgstr = converter.convert(entry.msgid)
            entry.tcomment = AUTO_COMMENT
            filled += 1
        if "fuzzy" in entry.flags and entry.tcomment == AUTO_COMMENT:
            entry.flags.remove("fuzzy")
    return filled


def main() -> None:
    if "--no-extract" not in sys.argv:
        make_messages()
    for code in LOCALES:
        path = ROOT / "locale" / code / "LC_MESSAGES" / "django.po"
        po = polib.pofile(str(path))
        po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
        if code == "zh_Hant":
            print(f"{code}: {fill_traditional(po)} entries converted with OpenCC")
        po.save(str(path))
        po.save_as_mofile(str(path.with_suffix(".mo")))
        print(f"{code}: {po.percent_translated()}% translated, compiled")


if __name__ == "__main__":
    main()
