"""Normalisation of Chinese text for search: width, noise, script and reference numbers.

Citizens and documents write Simplified, Hong Kong Traditional and Taiwan Traditional
(資訊 for 信息, 檔案 for 文件); a query in any form must find documents in every form, so
both sides fold to Simplified in two forms, ``chars`` (character by character, the
precise form) and ``phrases`` (Taiwan vocabulary, the recall form), with protected terms
masked so that 市檔案館 never becomes 文件馆. docs/search.md ("Text analysis") explains
the forms, the protected terms and the accepted gaps.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal, NamedTuple

from .cleaning import (
    normalise_whitespace,
    remove_conversion_markers,
    remove_pinyin_annotations,
)
from .protected import converter, display_masker, search_masker
from .references import DocNumber, IndexNumber, document_numbers, index_numbers, reference_forms

__all__ = [
    "DocNumber",
    "IndexNumber",
    "NormalisedForms",
    "clean",
    "docnum_forms",
    "find_document_numbers",
    "find_index_numbers",
    "fold_width",
    "forms",
    "index_text",
    "query_forms",
    "strip_unsafe",
    "to_traditional",
]

# --- width folding ------------------------------------------------------------------------


def _width_table() -> dict[int, str]:
    table: dict[int, str] = {cp: chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)}
    table[0x3000] = " "  # ideographic space
    # Small-form 〔〕 (﹝﹞), half-width CJK punctuation, full-width currency signs and
    # CJK compatibility ideographs: the NFKC mapping.
    for cp in (0xFE5D, 0xFE5E, *range(0xFF61, 0xFF65), *range(0xFFE0, 0xFFE7), *range(0xF900, 0xFADA)):
        folded = unicodedata.normalize("NFKC", chr(cp))
        if folded != chr(cp):
            table[cp] = folded
    return table


_WIDTH_TABLE = _width_table()
# Lone surrogates cannot be encoded for OpenCC; supplementary private-use planes 15/16
# are never content and are reserved for our placeholders.
_UNSAFE = re.compile("[\ud800-\udfff\U000f0000-\U0010ffff]")


def strip_unsafe(text: str) -> str:
    """``text`` without what OpenCC cannot take or the masks would read as a placeholder."""
    return _UNSAFE.sub("", text) if _UNSAFE.search(text) else text


def fold_width(text: str, *, lower: bool = True) -> str:
    """Full-width ASCII → ASCII (``ＡＢＣ１２３`` → ``abc123``), then lower-case.

    Like NFKC for the characters that matter to search, but without NFKC's other
    rewrites (①, ㎡, 〔〕 and Chinese quotes stay as they are). Full-width brackets
    ``（）［］`` become ASCII; 〔〕 and 【】 are left for :func:`find_document_numbers`.
    """
    text = text.translate(_WIDTH_TABLE)
    if _UNSAFE.search(text):
        text = _UNSAFE.sub("", text)
    return text.lower() if lower else text


def clean(text: str, *, lower: bool = True) -> str:
    """Width folding plus the noise removal of :mod:`disclosure_pages.text.cleaning`.

    Width is folded first so that full-width pinyin (``公開（ｋāｉ）``) and ``＊＊＊``
    markers are recognised; the cleaning steps are repeated until nothing changes
    (removing ``(kāi)`` can expose a second annotation), so the result is stable.
    """
    text = fold_width(normalise_whitespace(text), lower=False)
    for _ in range(4):
        cleaned = remove_conversion_markers(remove_pinyin_annotations(text))
        if cleaned == text:
            break
        text = cleaned
    return text.lower() if lower else text


# --- forms ------------------------------------------------------------------------------------


class NormalisedForms(NamedTuple):
    """The cleaned text (``exact``), its character-level and phrase-level Simplified forms."""

    exact: str
    chars: str
    phrases: str

    @property
    def search_forms(self) -> list[str]:
        """The distinct forms worth indexing or querying (``exact`` is covered by ``chars``)."""
        return list(dict.fromkeys(f for f in (self.chars, self.phrases) if f.strip()))

    def reference_numbers(self) -> list[str]:
        """Canonical 文号/索引号 in the text and their parts (see :func:`docnum_forms`)."""
        return reference_forms(self.chars)

    def reference_tokens_for_query(self) -> list[str]:
        """The part of each 文号/索引号 a matching document must contain, lower-cased.

        For a 文号 that is 〔year〕sequence号, not the whole number: the agency code is
        matched by its words, so a document where the agency could not be cut off
        the preceding prose (区政府宜政办秘…) is still found.
        """
        if not any(c in self.chars for c in "号/-"):
            return []
        tokens: list[str] = []
        for number in document_numbers(self.chars):
            if number.year is None:
                tokens.append(f"第{number.sequence}号")
            else:
                tokens.append(f"〔{number.year}〕{number.sequence}号".lower())
        tokens.extend(number.whole.lower() for number in index_numbers(self.chars))
        return list(dict.fromkeys(tokens))


def _to_chars(cleaned: str) -> str:
    return converter("hk2s").convert(cleaned)


def _to_phrases(cleaned: str) -> str:
    # hk2s afterwards folds HK variant characters that tw2sp does not know (衞 → 卫).
    return converter("hk2s").convert(search_masker().convert(cleaned, "tw2sp"))


def forms(text: str) -> NormalisedForms:
    """The three normalised forms of ``text`` (see the module docstring).

    OpenCC runs before lower-casing because some of its phrases contain capitals.
    """
    cleaned = clean(text, lower=False)
    return NormalisedForms(cleaned.lower(), _to_chars(cleaned).lower(), _to_phrases(cleaned).lower())


def query_forms(query: str) -> list[str]:
    """The distinct normalised variants of a query, to be OR-ed by the search."""
    return [f.strip() for f in forms(query).search_forms]


# Quotation marks and line breaks between two Chinese characters: documents write “放管服”改革
# and scraped pages break lines inside words (政务\n公开); citizens type neither.
_INNER_BREAK = re.compile(r"(?<=[\u3400-\u9fff])(?:[\s“”‘’\"'「」『』]+)(?=[\u3400-\u9fff])")
_WINDOW = 6


def joined_windows(text: str) -> list[str]:
    """The text around each such cut, with the cut removed, for words to be read across it."""
    return [
        text[max(0, cut.start() - _WINDOW) : cut.start()] + text[cut.end() : cut.end() + _WINDOW]
        for cut in _INNER_BREAK.finditer(text)
    ]


def index_text(text: str) -> str:
    """What to index for ``text``: its distinct forms and reference numbers, one per line."""
    normalised = forms(text)
    return "\n".join([*normalised.search_forms, *reference_forms(normalised.chars)])


# --- display ---------------------------------------------------------------------------------


def to_traditional(text: str, variant: Literal["hk", "tw"] = "hk") -> str:
    """Simplified → Traditional for zh-hant readers: ``s2hk`` or ``s2twp`` (Taiwan words).

    For Taiwan, protected terms are converted character by character only, so that
    规范性文件 reads 規範性文件 (not 規範性檔案) and 收费项目 reads 收費項目.
    Lone surrogates and supplementary private-use characters are dropped.
    """
    text = strip_unsafe(text)
    if variant == "tw":
        return display_masker("tw").convert(text, "s2twp")
    if variant == "hk":
        return converter("s2hk").convert(text)
    raise ValueError(f"unknown variant {variant!r}: use 'hk' or 'tw'")


# --- document numbers and index numbers (see references.py) -------------------------------


def _simplified_lower(text: str) -> str:
    return _to_chars(clean(text, lower=False)).lower()


def find_document_numbers(text: str) -> list[DocNumber]:
    """The 文号 in ``text``, normalised: 宜政辦秘[2008]8號 → 宜政办秘〔2008〕8号."""
    return document_numbers(_simplified_lower(text))


def find_index_numbers(text: str) -> list[IndexNumber]:
    """The 索引号 in ``text``: 003110926/2024-00001, 0142768-8/2022-00185, 01527918X-2020-153077."""
    return index_numbers(_simplified_lower(text))


def docnum_forms(text: str) -> list[str]:
    """Canonical 文号 and 索引号 in ``text`` followed by their searchable parts.

    ``宜政办秘[2008]8号`` gives 宜政办秘〔2008〕8号, 宜政办秘, 2008, 〔2008〕8号, 8号;
    ``003110926/2024-00001`` gives itself, 003110926 and 2024-00001.
    """
    return reference_forms(_simplified_lower(text))
