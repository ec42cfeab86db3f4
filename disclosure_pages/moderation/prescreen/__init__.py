"""Automatic pre-screening of a page before the confidentiality review (保密审查).

A disclosure page must not publish personal information (《政府信息公开条例》第十五条)
or anything that carries a classification mark (第十四条). The reviewer reads every page,
but long bodies and attachments hide an ID number or a ``秘密★`` easily, so the pre-screen
points at the places worth a second look. It only *warns*: nothing is blocked or changed.

* :mod:`.scan` finds them in a ``str`` — pure functions, no Django models and no I/O, cheap
  to test and to run on every submission — with the patterns of :mod:`.patterns`, the
  structure checks of :mod:`.validators` (checksums, dates, prefixes: text of the kind we
  publish is full of look-alikes such as dates, 索引号, 文号 and amounts, and a warning list
  full of them trains reviewers to ignore it) and the masks of :mod:`.masking` (the
  warning itself must not spread what it warns about);
* :mod:`.attachments` and :mod:`.office` read the text of attached files, safely;
* :mod:`.page` screens a whole page.

Full-width digits and punctuation (``１３８１２３４５６７８``, ``（0556）``, ``＠``) are folded
character by character with NFKC before matching; a character is only replaced when
NFKC maps it to exactly one character, so offsets in the folded text are offsets in
the original and are reported as such.
"""

from __future__ import annotations

from .patterns import KINDS, LABELS
from .scan import Finding, scan_fields, scan_text
from .validators import is_id_shaped, is_valid_bank_card, is_valid_id_number, luhn_ok

__all__ = [
    "KINDS",
    "LABELS",
    "Finding",
    "is_id_shaped",
    "is_valid_bank_card",
    "is_valid_id_number",
    "luhn_ok",
    "scan_fields",
    "scan_text",
]
