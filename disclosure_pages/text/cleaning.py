"""Cleaning of noisy real-world text before it is stored or indexed.

Government texts reach us scraped from portals and copy sites, converted from Word
or OCR, and sometimes run through a Traditional-script converter that leaks pinyin
(``公開(kāi)``). The importer stores what :func:`clean_text` returns and the search
indexer will index it, so every rule here is:

* pure (no Django, no models) and fast: regexes are compiled once, per-line work is
  a single pass;
* conservative: a rule removes a line only when it matches a shape body text does
  not have (see each rule's docstring); document numbers such as ``宜政办秘[2008]8号``,
  ``国办发〔2019〕26号`` or ``国办发【2019】9号`` are never touched.

Entry points: :func:`clean_text` (whole documents), :func:`clean_inline` (titles,
文号, one-line fields) and :func:`text_to_paragraphs`. The individual steps are
public so that callers and tests can use them on their own.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .chrome import remove_page_chrome

__all__ = [
    "cjk_count",
    "clean_inline",
    "clean_text",
    "normalise_whitespace",
    "remove_conversion_markers",
    "remove_page_chrome",
    "remove_pinyin_annotations",
    "text_to_paragraphs",
    "tidy_lines",
]

# --- character classes ---------------------------------------------------------------

# CJK ideographs: unified, extension A, compatibility, and the supplementary planes.
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_CJK_CHAR = re.compile(f"[{_CJK}]")

# --- whitespace and invisible characters ---------------------------------------------

_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
# Zero-width and bidi formatting characters: invisible, break matching and search.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad\u180e]")
# C0/C1 controls except \t and \n (\t becomes a space below; \r, \x0b, \x0c, \x85 were
# turned into newlines above).
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
# Tab, no-break space, ideographic (full-width) space and the other Unicode spaces.
_SPACES = re.compile("[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_TRAILING_SPACE = re.compile(r"[ ]+$", re.MULTILINE)
_LEADING_SPACE = re.compile(r"^[ ]+", re.MULTILINE)
_BLANK_RUNS = re.compile(r"\n{3,}")
_ANY_SPACE_RUN = re.compile(r"\s+")


def normalise_whitespace(text: str) -> str:
    """Unify line breaks and spaces and drop invisible characters; keep newlines.

    Full-width spaces (``　　`` paragraph indents), no-break spaces and tabs become
    plain spaces, so that later rules and the search index see one kind of space;
    zero-width and control characters come from copy-paste and converters and are
    never content. Layout (leading/trailing spaces, blank lines) is handled by
    :func:`tidy_lines`.
    """
    text = _LINE_BREAKS.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub("", text)
    return _SPACES.sub(" ", text)


def tidy_lines(text: str) -> str:
    """Strip each line, collapse runs of blank lines to one, trim the ends.

    Leading spaces are indentation (usually two full-width spaces), which the page
    layout provides; one blank line is kept because it separates paragraphs.
    """
    text = _TRAILING_SPACE.sub("", text)
    text = _LEADING_SPACE.sub("", text)
    return _BLANK_RUNS.sub("\n\n", text).strip("\n ")


# --- pinyin annotations ---------------------------------------------------------------

_TONED_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_TONE_BASE = str.maketrans(_TONED_VOWELS, "aaaaeeeeiiiioooouuuuüüüü")
# A parenthesised lower-case latin word right after an ideograph (ASCII or full-width
# parentheses). Whether it is pinyin is decided by _PINYIN_SYLLABLE.
_PINYIN_ANNOTATION = re.compile(f"(?<=[{_CJK}])[(（]([a-zü{_TONED_VOWELS}]{{1,6}})[)）]")
# One Mandarin syllable (tones removed): optional initial + final. Words such as
# "pdf", "cms", "html", "open", "web" do not fit; short English words may (can, long).
_PINYIN_SYLLABLE = re.compile(
    r"(?:[bpmfdtnlgkhjqxrzcsyw]|[zcs]h)?"
    r"(?:i(?:a(?:ng?|o)?|e|u|o(?:ng)?|ng?)?|u(?:a(?:ng?|i)?|o|i|n|e(?:ng)?)?|[üv](?:e|an|n)?"
    r"|a(?:i|o|ng?)?|e(?:i|r|ng?)?|o(?:u|ng)?)"
)
_HAS_TONE = re.compile(f"[{_TONED_VOWELS}]")


def _is_pinyin(word: str) -> bool:
    return _PINYIN_SYLLABLE.fullmatch(word.translate(_TONE_BASE)) is not None


def remove_pinyin_annotations(text: str, *, toneless: bool | None = None) -> str:
    """``公開(kāi)`` → ``公開``: drop a pinyin syllable in parentheses after an ideograph.

    Some copy sites annotate Traditional characters with their reading; the
    annotation is not part of the text and breaks words for search. Parentheses that
    hold ideographs, digits or anything that is not one pinyin syllable — ``(市)``,
    ``(2008)``, ``（以下简称《条例》）``, ``(PDF)`` — are kept.

    Syllables without a tone mark (neutral tone, ``們(men)``) look like short
    English words (``(can)``, ``(long)``), so by default (``toneless=None``) they are
    removed only when the same text also has tone-marked annotations, i.e. when it
    visibly went through the annotating converter. Pass ``True``/``False`` to force.
    """
    if "(" not in text and "（" not in text:
        return text
    if toneless is None:
        toneless = any(_HAS_TONE.search(m.group(1)) for m in _PINYIN_ANNOTATION.finditer(text))

    def replace(match: re.Match[str]) -> str:
        word = match.group(1)
        if not _is_pinyin(word):
            return match.group(0)
        if not toneless and not _HAS_TONE.search(word):
            return match.group(0)
        return ""

    return _PINYIN_ANNOTATION.sub(replace, text)


# --- ***…*** conversion markers --------------------------------------------------------

# Bold-italic markup (***…***) left by a document converter around 文号 and headings.
# A run of * next to ideographs is also how sources redact names (**市, ***县), so a
# pair is unwrapped only when it holds a digit (文号, dates, figures) or fills the line.
_MARKED_SPAN = re.compile(r"\*{3}([^*\n]{1,100}?)\*{3}")
_MARKED_LINE = re.compile(r"^[ ]*\*{3}([^*\n]{1,200}?)\*{3}[ ]*$", re.MULTILINE)
_DIGIT = re.compile(r"\d")


def remove_conversion_markers(text: str) -> str:
    """``***国办发〔20XX〕26號***`` → ``国办发〔20XX〕26號``; redaction asterisks stay.

    A pair of triple asterisks is markup from a Word/Markdown conversion. It is
    unwrapped when the marked text contains a digit or is a whole line; ``***市``
    style redactions and a lone ``***`` are left alone because their meaning is the
    asterisks themselves.
    """
    if "***" not in text:
        return text
    text = _MARKED_LINE.sub(lambda m: m.group(1).strip(), text)

    def replace(match: re.Match[str]) -> str:
        inner = match.group(1)
        if inner.strip() and _DIGIT.search(inner):
            return inner.strip()
        return match.group(0)

    return _MARKED_SPAN.sub(replace, text)


# --- entry points -----------------------------------------------------------------------

_STEPS: tuple[Callable[[str], str], ...] = (
    normalise_whitespace,
    remove_pinyin_annotations,  # before chrome: 時(shí)間 and 導(dǎo)語(yǔ) must read 時間, 導語
    remove_conversion_markers,
    remove_page_chrome,
    tidy_lines,
)


def clean_text(text: str) -> str:
    """The whole cleaning pipeline for a document body; paragraphs stay on their lines."""
    for step in _STEPS:
        text = step(text)
    return text


def clean_inline(text: str) -> str:
    """Clean a one-line field (title, 文号, organisation name): no chrome, one space."""
    text = normalise_whitespace(text)
    text = remove_pinyin_annotations(text)
    text = remove_conversion_markers(text)
    return _ANY_SPACE_RUN.sub(" ", text).strip()


def text_to_paragraphs(text: str, *, clean: bool = True) -> list[str]:
    """Split plain text into paragraphs: one per non-empty line.

    Chinese documents are not hard-wrapped, so every line break in a source is a
    paragraph break (Word exports and scraped pages alike); blank lines are just
    spacing.
    """
    if clean:
        text = clean_text(text)
    return [line.strip() for line in text.split("\n") if line.strip()]


def cjk_count(text: str) -> int:
    """Number of ideographs in ``text`` (used to judge whether a line is prose)."""
    return len(_CJK_CHAR.findall(text))

