"""Scanning text: candidates of every kind, one finding per stretch of text, masked excerpts."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.functional import Promise

from .masking import mask_email, mask_keep_ends, mask_landline, mask_mobile, mask_positions
from .patterns import (
    BANK_CARD,
    BANK_CARD_RE,
    CLASSIFICATION_MARK,
    CLASSIFICATION_RE,
    CONTEXT_CHARS,
    EMAIL,
    EMAIL_RE,
    ID_NUMBER,
    ID_NUMBER_UNVERIFIED,
    ID_RE,
    KINDS,
    LABELS,
    LANDLINE,
    LANDLINE_RE,
    MASK,
    MOBILE,
    MOBILE_RE,
    WHITESPACE,
    fold,
)
from .validators import is_unverified_id_number, is_valid_bank_card, is_valid_id_number


@dataclass(frozen=True)
class Finding:
    """One place the reviewer should look at.

    ``excerpt`` and ``context`` are masked so that the warning list (shown in the admin,
    possibly e-mailed, stored with the review) does not itself become a copy of the
    personal data. ``start``/``end`` are offsets of the match in the scanned text.
    """

    kind: str
    label: str | Promise
    field: str
    excerpt: str
    context: str
    start: int
    end: int


@dataclass(frozen=True)
class _Hit:
    kind: str
    start: int
    end: int
    masked: str
    hidden: tuple[int, ...]  # offsets in the text that ``masked`` hides


def _finditer(
    kind: str,
    pattern: re.Pattern[str],
    text: str,
    folded: str,
    accept: Callable[[str], bool] | None,
    mask: Callable[[str, str, re.Match[str]], str] | None,
) -> list[_Hit]:
    hits = []
    for match in pattern.finditer(folded):
        start, end = match.span()
        candidate = folded[start:end]
        if accept is not None and not accept(candidate):
            continue
        original = text[start:end]
        masked = original if mask is None else mask(original, candidate, match)
        if len(masked) == len(original):
            hidden = tuple(start + i for i, (o, m) in enumerate(zip(original, masked)) if o != m)
        else:  # only an email's mask changes the length: it hides the local part after its first character
            hidden = tuple(range(start + 1, match.end("local")))
        hits.append(_Hit(kind, start, end, masked, hidden))
    return hits


def _candidates(text: str, folded: str) -> dict[str, list[_Hit]]:
    return {
        CLASSIFICATION_MARK: _finditer(CLASSIFICATION_MARK, CLASSIFICATION_RE, text, folded, None, None),
        ID_NUMBER: _finditer(
            ID_NUMBER, ID_RE, text, folded, is_valid_id_number, lambda o, f, m: mask_keep_ends(o, f)
        ),
        ID_NUMBER_UNVERIFIED: _finditer(
            ID_NUMBER_UNVERIFIED, ID_RE, text, folded, is_unverified_id_number, lambda o, f, m: mask_keep_ends(o, f)
        ),
        BANK_CARD: _finditer(
            BANK_CARD, BANK_CARD_RE, text, folded, is_valid_bank_card, lambda o, f, m: mask_keep_ends(o, f)
        ),
        EMAIL: _finditer(EMAIL, EMAIL_RE, text, folded, None, mask_email),
        MOBILE: _finditer(MOBILE, MOBILE_RE, text, folded, None, lambda o, f, m: mask_mobile(o, f)),
        LANDLINE: _finditer(LANDLINE, LANDLINE_RE, text, folded, None, mask_landline),
    }


def _hidden_by_others(text: str, candidates: dict[str, list[_Hit]], accepted: list[_Hit]) -> str:
    """``text`` with what every candidate *not* reported would hide masked as well.

    A candidate loses to an overlapping finding of an earlier kind, but the part of it
    outside that finding is still personal data (the name in ``zhang.<ID number>@…``): no
    excerpt may show it.
    """
    kept = {id(hit) for hit in accepted}
    positions = [
        i
        for kind, hits in candidates.items()
        if kind != CLASSIFICATION_MARK
        for hit in hits
        if id(hit) not in kept
        for i in hit.hidden
    ]
    return mask_positions(text, positions) if positions else text


def _resolve_overlaps(candidates: dict[str, list[_Hit]]) -> list[_Hit]:
    """Keep each stretch of text in one finding, preferring kinds earlier in :data:`KINDS`.

    The accepted hits never overlap, so they are kept sorted by start and a candidate
    only has to be compared with its two neighbours (no quadratic scan on long texts).
    """
    accepted: list[_Hit] = []
    starts: list[int] = []
    for kind in KINDS:
        for hit in candidates[kind]:
            i = bisect.bisect_right(starts, hit.start)
            if i > 0 and accepted[i - 1].end > hit.start:
                continue
            if i < len(accepted) and accepted[i].start < hit.end:
                continue
            accepted.insert(i, hit)
            starts.insert(i, hit.start)
    return accepted


def _masked_window(text: str, lo: int, hi: int, hits: list[_Hit], ends: list[int]) -> str:
    """``text[lo:hi]`` with every finding in it masked; a finding cut by the window edge
    is replaced by stars for the part inside, so no window leaks part of a number."""
    parts: list[str] = []
    pos = lo
    # hits are sorted and do not overlap, so their ends are sorted too.
    first = bisect.bisect_right(ends, lo)
    for hit in hits[first:]:
        if hit.start >= hi:
            break
        if hit.start > pos:
            parts.append(text[pos : hit.start])
        if lo <= hit.start and hit.end <= hi:
            parts.append(hit.masked)
        elif hit.kind == CLASSIFICATION_MARK:
            parts.append(text[max(lo, hit.start) : min(hi, hit.end)])
        else:
            parts.append(MASK * (min(hi, hit.end) - max(lo, hit.start)))
        pos = min(hi, hit.end)
    if pos < hi:
        parts.append(text[pos:hi])
    window = WHITESPACE.sub(" ", "".join(parts))
    return ("…" if lo > 0 else "") + window + ("…" if hi < len(text) else "")


def scan_text(text: str, field: str) -> list[Finding]:
    """Every place in ``text`` that looks like personal data or a classification mark.

    ``field`` names where the text came from ("title", "body", "attachment:通知.docx") and
    is copied into each finding so the reviewer knows where to look. Findings come in
    text order; each stretch of text is reported at most once.
    """
    if not text:
        return []
    folded = fold(text)
    candidates = _candidates(text, folded)
    hits = _resolve_overlaps(candidates)
    shown = _hidden_by_others(text, candidates, hits)
    ends = [hit.end for hit in hits]
    findings = []
    for hit in hits:
        lo = max(0, hit.start - CONTEXT_CHARS)
        hi = min(len(text), hit.end + CONTEXT_CHARS)
        findings.append(
            Finding(
                kind=hit.kind,
                label=LABELS[hit.kind],
                field=field,
                excerpt=hit.masked,
                context=_masked_window(shown, lo, hi, hits, ends),
                start=hit.start,
                end=hit.end,
            )
        )
    return findings


def scan_fields(fields: Iterable[tuple[str, str]]) -> list[Finding]:
    """Scan (field name, text) pairs; a finding reported twice (same field listed twice,
    the same text reached through two routes) is kept once, in first-seen order."""
    seen: set[tuple[str, str, int, int, str, str]] = set()
    findings: list[Finding] = []
    for field, text in fields:
        for finding in scan_text(text or "", field):
            key = (finding.kind, finding.field, finding.start, finding.end, finding.excerpt, finding.context)
            if key not in seen:
                seen.add(key)
                findings.append(finding)
    return findings
