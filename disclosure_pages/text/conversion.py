"""Converting a page's text between Simplified and Traditional for its translation.

A translation reads as the page itself in the other script: the characters and, for
Taiwan, the wording change; what identifies a document does not. 文号 keep the characters
they were issued with (宜政办秘〔2008〕8号 is how the document is cited, on the Traditional
page too); 索引号 are ASCII, which OpenCC never touches; the names a caller protects
(organisations, the body's own name) are converted character by character only, so that
Taiwan wording never renames them (信息中心 stays 信息中心, not 資訊中心). Phrase conversion
keeps the protected terms of :mod:`.protected` (市档案馆 is not a 文件馆).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Literal

from .normalise import strip_unsafe
from .protected import DISPLAY_PROTECTED, PHRASE_PASS_THROUGH, PROTECTED_TERMS, Masker, converter
from .references import document_number_spans

__all__ = ["Direction", "Variant", "convert_for_translation"]

Variant = Literal["hk", "tw"]
Direction = Literal["to_traditional", "to_simplified"]

# (direction, variant) → (OpenCC config of the text, config the protected names are read with
# afterwards, or None for names kept as given in Simplified).
_CONFIGS: dict[tuple[Direction, Variant], tuple[str, str | None]] = {
    ("to_traditional", "hk"): ("s2hk", "s2hk"),
    ("to_traditional", "tw"): ("s2twp", "s2tw"),
    ("to_simplified", "hk"): ("hk2s", None),
    ("to_simplified", "tw"): ("tw2sp", None),
}


@lru_cache(maxsize=16)
def _masker(direction: Direction, variant: Variant, names: tuple[str, ...]) -> Masker:
    if direction == "to_traditional":
        return Masker((*DISPLAY_PROTECTED, *names), (), restore_config=_CONFIGS[direction, variant][1])
    return Masker((*PROTECTED_TERMS, *names), PHRASE_PASS_THROUGH, restore_config=None)


def convert_for_translation(
    text: str, *, direction: Direction, variant: Variant = "hk", names: Iterable[str] = ()
) -> str:
    """``text`` in the other script, 文号 as written and ``names`` (Simplified) converted only
    character by character. ``variant`` chooses Hong Kong (s2hk) or Taiwan (s2twp) conventions."""
    if (direction, variant) not in _CONFIGS:
        raise ValueError(f"unknown direction or variant: {direction!r}, {variant!r}")
    text = strip_unsafe(text)
    if not text:
        return text
    config = _CONFIGS[direction, variant][0]
    masker = _masker(direction, variant, tuple(sorted({n.strip() for n in names if n and n.strip()})))
    to_simplified = converter("t2s").convert
    pieces, position = [], 0
    for start, end in document_number_spans(text, to_simplified):
        if start < position:
            continue
        pieces += [masker.convert(text[position:start], config), text[start:end]]
        position = end
    pieces.append(masker.convert(text[position:], config))
    return "".join(pieces)
