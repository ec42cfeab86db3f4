"""Titles and snippets with the query words in ``<mark>``, made in Python from the live page text.

Snippets come from the page row, never from the index, so a stale index entry cannot
show old text; everything but the marks is HTML-escaped.
"""

from __future__ import annotations

import html
from functools import cache

import opencc
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from disclosure_pages.text import to_traditional


@cache
def _to_simplified() -> opencc.OpenCC:
    return opencc.OpenCC("hk2s")


def _match_form(text: str) -> str:
    """``text`` folded for matching, position for position (or unfolded if that would shift)."""
    folded = _to_simplified().convert(text)
    if len(folded) != len(text):
        folded = text
    lowered = folded.lower()
    return lowered if len(lowered) == len(folded) else folded


def _spans(text: str, words: list[str]) -> list[tuple[int, int]]:
    haystack = _match_form(text)
    spans: list[tuple[int, int]] = []
    for word in sorted(set(words), key=len, reverse=True):
        start = haystack.find(word)
        while start != -1:
            spans.append((start, start + len(word)))
            start = haystack.find(word, start + len(word))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight(text: str, words: list[str], *, length: int | None = None, traditional: bool = False) -> SafeString:
    """``text`` HTML-escaped with ``words`` in ``<mark>``; cut to ``length`` around the first match.

    Words are matched in Simplified, lower-case form, so a Traditional text is marked too.
    """
    text = " ".join(text.split())
    spans = _spans(text, [w for w in words if w]) if words else []
    start, end = 0, len(text)
    if length is not None and len(text) > length:
        first = spans[0][0] if spans else 0
        start = max(0, min(first - length // 4, len(text) - length))
        end = start + length
    pieces: list[str] = []
    position = start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, start), min(span_end, end)
        pieces.append(_escape(text[position:span_start], traditional))
        pieces.append(format_html("<mark>{}</mark>", _convert(text[span_start:span_end], traditional)))
        position = span_end
    pieces.append(_escape(text[position:end], traditional))
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return mark_safe(prefix + "".join(pieces) + suffix)  # noqa: S308 (every piece is escaped)


def _convert(text: str, traditional: bool) -> str:
    return to_traditional(text, "hk") if traditional and text else text


def _escape(text: str, traditional: bool) -> str:
    return html.escape(_convert(text, traditional), quote=True)
