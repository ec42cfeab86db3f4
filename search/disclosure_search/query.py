"""What a visitor typed, as the word sets the index is asked for.

Pure analysis (no database): the public search, the SQLite admin backend and the tests
share it, so that a query matches the same words wherever it is asked.
"""

from __future__ import annotations

import re
from functools import lru_cache

from django.utils.translation import gettext as _
from wagtail.search.query import Or, PlainText, SearchQuery

from disclosure_pages.text import find_document_numbers, query_token_sets, segment_query

from .vocabulary import expand, vocabulary_version

MAX_QUERY_LENGTH = 200
# An FTS expression stays small whatever is typed: at most this many words per form.
MAX_WORDS = 32

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_FTS_UNSAFE = re.compile(r"[\W_]+")


def clean_query(raw: str | None) -> tuple[str, list[str]]:
    """The query as searched: control characters dropped, spaces collapsed, 200 characters at most."""
    notices: list[str] = []
    text = _CONTROL.sub(" ", raw or "")
    text = " ".join(text.split())
    if len(text) > MAX_QUERY_LENGTH:
        text = text[:MAX_QUERY_LENGTH].rstrip()
        notices.append(_("检索词过长，只按前 %(count)d 个字符检索。") % {"count": MAX_QUERY_LENGTH})
    return text, notices


def fts_words(token: str) -> list[str]:
    """A token as plain words: FTS operators, quotes and symbols can never reach the index."""
    return [word for word in _FTS_UNSAFE.split(token) if word]


def query_word_sets(query: str) -> list[list[str]]:
    """One word list per query form and synonym variant; a match needs all words of one list."""
    return [list(words) for words in _word_sets(query, vocabulary_version())]


def highlight_words(query: str) -> list[str]:
    """The words to mark in titles and snippets (every query form, no synonyms)."""
    return list(_highlight_words(query, vocabulary_version()))


#: The brackets a 文号's year is written in: the standard 〔〕 and what documents and people type.
_YEAR_BRACKETS = ("〔〕", "[]", "［］", "()", "（）", "【】")


@lru_cache(maxsize=1024)
def _highlight_words(query: str, version: str) -> tuple[str, ...]:
    return marked_words(query)


def marked_words(query: str) -> tuple[str, ...]:
    """A 文号 is marked whole, in any bracket style, never character by character (政, 号, 8)."""
    numbers: list[str] = []
    rest = query
    for number in find_document_numbers(query):
        if number.year is None:
            forms = [number.whole]
        else:
            forms = [f"{number.agency}{o}{number.year}{c}{number.sequence}号" for o, c in _YEAR_BRACKETS]
        numbers.extend(forms)
        for form in sorted(forms, key=len, reverse=True):
            rest = rest.replace(form, " ")
    words = [w for w in segment_query(rest) if any(c.isalnum() for c in w)] if rest.strip() else []
    return tuple(dict.fromkeys([*numbers, *words]))


@lru_cache(maxsize=1024)
def _word_sets(query: str, version: str) -> tuple[tuple[str, ...], ...]:
    """Analysed once per query text and vocabulary version: searches repeat, analysis is pure."""
    word_sets: list[list[str]] = []
    seen: set[tuple[str, ...]] = set()
    token_sets = [tokens for variant in expand(query) for tokens in query_token_sets(variant)]
    for tokens in token_sets:
        words = list(dict.fromkeys(w for t in tokens for w in fts_words(t)))[:MAX_WORDS]
        if words and tuple(words) not in seen:
            seen.add(tuple(words))
            word_sets.append(words)
    # A set that contains another adds no match, only work: ("依", "依申请公开") beside ("依申请公开",).
    return tuple(tuple(w) for w in word_sets if not any(o is not w and set(o) < set(w) for o in word_sets))


def build_query(query: str) -> SearchQuery | None:
    """OR of one AND per query form (and per synonym variant), or None when nothing is left."""
    # One PlainText with operator "and" rather than And([...]): the SQLite backend
    # scores And() of terms in an order that ranks stronger matches last.
    alternatives: list[SearchQuery] = [PlainText(" ".join(words), operator="and") for words in query_word_sets(query)]
    if not alternatives:
        return None
    return alternatives[0] if len(alternatives) == 1 else Or(alternatives)
