"""Automatic pre-screening of page text before the confidentiality review (保密审查).

A disclosure page must not publish personal information (《政府信息公开条例》第十五条)
or anything that carries a classification mark (第十四条). The reviewer reads every page,
but long bodies and attachments hide an ID number or a ``秘密★`` easily, so this module
points at the places worth a second look. It only *warns*: nothing is blocked or changed.

Design rules:

* pure functions over a ``str`` (no Django models, no I/O) so they are cheap to test and
  to run on every submission; all regexes are compiled once at import time and are
  linear (bounded repeats, anchored lookarounds) so a 200,000-character attachment
  cannot trigger catastrophic backtracking;
* precision over recall where text of the kind we publish is full of look-alikes:
  dates, 索引号 (``003110926/2024-00001``), 文号 (``国办发〔2019〕26号``), amounts and
  counts are not personal data, and a warning list full of them trains reviewers to
  ignore it. Each number is therefore checked for structure (checksums, dates, prefixes)
  and must not be part of a longer digit run;
* the warning itself must not spread what it warns about: excerpts and context windows
  are masked (``1101**********002X``, ``138****5678``, ``a***@example.gov.cn``), only
  classification marks are shown as they are.

Full-width digits and punctuation (``１３８１２３４５６７８``, ``（0556）``, ``＠``) are folded
character by character with NFKC before matching; a character is only replaced when
NFKC maps it to exactly one character, so offsets in the folded text are offsets in
the original and are reported as such.
"""

from __future__ import annotations

import bisect
import datetime
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

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

# --- kinds and their labels ------------------------------------------------------------

ID_NUMBER = "id_number"
ID_NUMBER_UNVERIFIED = "id_number_unverified"
MOBILE = "mobile"
LANDLINE = "landline"
BANK_CARD = "bank_card"
EMAIL = "email"
CLASSIFICATION_MARK = "classification_mark"

LABELS: dict[str, Promise] = {
    ID_NUMBER: _("身份证号码"),
    ID_NUMBER_UNVERIFIED: _("疑似身份证号（校验位不符）"),
    MOBILE: _("手机号码"),
    LANDLINE: _("固定电话"),
    BANK_CARD: _("银行卡号"),
    EMAIL: _("电子邮箱"),
    CLASSIFICATION_MARK: _("密级标志"),
}

# When two candidates overlap, the earlier kind in this tuple wins: a classification mark
# is the most serious finding; an 18-digit run that is a valid ID number is an ID number
# even if it also passes Luhn; an email address whose local part is a phone number is
# reported once, as an email. A mistyped ID number (wrong check character) is still a
# person's number: it is reported, under its own label, before anything else it resembles.
KINDS: tuple[str, ...] = (CLASSIFICATION_MARK, ID_NUMBER, ID_NUMBER_UNVERIFIED, BANK_CARD, EMAIL, MOBILE, LANDLINE)

CONTEXT_CHARS = 15
MASK = "*"


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


# --- folding -------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    folded = unicodedata.normalize("NFKC", char)
    return folded if len(folded) == 1 else char


def fold(text: str) -> str:
    """NFKC per character, keeping the length so offsets stay valid.

    Whole-string NFKC would be simpler but can change the length (``㈠`` → ``(一)``), after
    which match offsets no longer point into the original text.
    """
    if text.isascii():
        return text
    return "".join(c if c < "\x80" else _fold_char(c) for c in text)


# --- regexes -------------------------------------------------------------------------
# All of them run on folded text, so "[0-9]" covers full-width digits as well.

# A number must not continue a longer digit run, nor be the fractional part of a decimal
# (12345678.90元), nor the second half of a hyphenated code (2024-00001).
_NOT_AFTER_NUMBER = r"(?<![0-9])(?<![0-9]\.)(?<![0-9]-)"
_NOT_BEFORE_NUMBER = r"(?![0-9]|\.[0-9])"

_ID_BODY = r"[1-8][0-9]{5}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx]"
_ID_RE = re.compile(_NOT_AFTER_NUMBER + f"(?:{_ID_BODY})" + _NOT_BEFORE_NUMBER)
# Shape of an ID number without the checksum: used to keep mistyped ID numbers from being
# reported as bank cards (an 18-digit 4xxxxx/6xxxxx ID can pass Luhn by chance).
_ID_SHAPE = re.compile(_ID_BODY)

# Province-level codes (GB/T 2260; 71 台湾, 81 香港, 82 澳门, 83 for residence permits):
# without a check character to rely on, a mistyped ID number must at least start with one.
_PROVINCES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 83".split()
)
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK_CHARS = "10X98765432"

# Mobile: 1[3-9]x xxxx xxxx, optionally +86/0086/86, space or hyphen between groups.
_MOBILE_RE = re.compile(
    r"(?<![0-9+])(?<![0-9]\.)(?<![0-9]-)"
    r"(?:(?:\+|00)?86[ -]?)?"
    r"1[3-9][0-9][ -]?[0-9]{4}[ -]?[0-9]{4}" + _NOT_BEFORE_NUMBER
)

# Landline: area code (010, 02x, or 0 + three digits from 03xx up), then a 7–8 digit
# local number that does not start with 0. (Real local numbers start with 2–9, but
# placeholders such as 010-12345678 are common and cheap to flag.)
# The separator is "-" or " ", or nothing when the area code is in parentheses: a bare
# 05565347099 is too easily some other code. Dates (2024-06-02), year ranges and 索引号
# (…/2024-00001) never start with 0 + area code followed by 7–8 digits.
_AREA = r"0(?:10|2[0-9]|[3-9][0-9]{2})"
_LANDLINE_RE = re.compile(
    _NOT_AFTER_NUMBER + r"(?:\((?P<area_p>" + _AREA + r")\) ?|(?P<area>" + _AREA + r")[- ])"
    r"(?P<local>[1-9][0-9]{6,7})"
    r"(?:(?:转|分机|-|ext\.? ?)(?P<ext>[0-9]{1,6}))?" + _NOT_BEFORE_NUMBER
)

# Bank cards: 16–19 digits, either in one run or in groups of four (the last group may be
# 1–3 digits: 6222 0212 3456 7890 128). A grouped number must not be followed by another
# group of four, so 20 digits written 4-4-4-4-4 are not read as a 16-digit card; it may be
# followed by something else that starts with a digit (a phone number after a space).
_BANK_CARD_RE = re.compile(
    r"(?<![0-9])(?<![0-9]\.)(?<![0-9][ -])"
    r"(?:[0-9]{16,19}|[0-9]{4}(?:[ -][0-9]{4}){3}(?:[ -][0-9]{1,3})?)"
    r"(?![0-9]|\.[0-9]|[ -][0-9]{4}(?![0-9]))"
)
# Issuer prefixes (IIN) worth warning about: UnionPay 62, Discover/UnionPay 60/65, Visa 4,
# Mastercard 51–55 and 22–27, JCB 35, Amex 34/37. Other 16–19 digit numbers (e.g. numeric
# 统一社会信用代码 or order numbers starting with 1 or 9) would pass Luhn one time in ten.
_IIN_RE = re.compile(r"(?:62|60|65|4|5[1-5]|2[2-7]|3[457])")

# Email: the local part may only start at the beginning of a run of local-part characters
# (the lookbehind), so a long run without "@" is scanned once rather than once per start
# position (which would be quadratic).
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_EMAIL_RE = re.compile(
    r"(?<![A-Za-z0-9._%+-])"
    r"(?P<local>[A-Za-z0-9._%+-]{1,64})@"
    r"(?P<domain>" + _LABEL + r"(?:\." + _LABEL + r")*\.[A-Za-z]{2,24})"
    r"(?![A-Za-z0-9-])"
)

# Classification marks (《国家秘密标志》GB/T 7156 style: 密级★保密期限).
# Decisions, each to keep ordinary prose out of the warning list:
# * 秘密 is only a mark when followed by ★/☆ (秘密★1年). On its own it is everyday legal
#   prose — 国家秘密, 商业秘密, “属于国家秘密的不予公开” in the Regulation itself — and is
#   not flagged. 保密 is never flagged.
# * 绝密 and 机密 are rare in documents meant for publication, so they are flagged even
#   without ★ — except 商业机密 (a synonym of the 商业秘密 exemption, prose) and 机密性
#   (“confidentiality” in 网络安全 texts: 机密性、完整性、可用性). Quoting the levels in
#   law text (“密级分为绝密、机密、秘密三级”) is still flagged; the reviewer dismisses it.
# * 密级：机密 / 密级:秘密 — an explicit 密级 field — is flagged as a whole.
# * 内部资料 and 内部使用 (incl. 仅供内部使用) mark material not meant for the public.
#   内部文件 is not flagged: it is common in prose (“清理内部文件”).
_TERM = r"(?:[0-9]{1,3}|[一二三四五六七八九十]{1,3}) ?(?:年|个月|月|日|天)|长期"
_STAR = r" ?[★☆] ?(?:" + _TERM + r")?"
_CLASSIFICATION_RE = re.compile(
    r"密级 ?:? ?(?:绝密|机密|秘密|内部)(?:" + _STAR + r")?"
    r"|(?<!商业)(?:绝密|机密)(?!性)(?:" + _STAR + r")?"
    r"|秘密" + _STAR + r"|内部资料|内部使用"
)

# Display only: newlines and tabs in a context window become spaces.
_WHITESPACE = re.compile(r"\s")


# --- validators ----------------------------------------------------------------------


def _has_birth_date(value: str) -> bool:
    try:
        datetime.date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        return False
    return True


def is_valid_id_number(value: str) -> bool:
    """Whether ``value`` is an 18-character resident ID with a real date and a valid check character.

    GB 11643: ISO 7064 MOD 11-2 over the first 17 digits. The birth date must exist
    (no 0230) and the year lie in 1900–2099; the region code must start with 1–8.
    """
    value = fold(value).upper()
    if len(value) != 18 or not _ID_SHAPE.fullmatch(value) or not _has_birth_date(value):
        return False
    total = sum(int(d) * w for d, w in zip(value[:17], _ID_WEIGHTS))
    return _ID_CHECK_CHARS[total % 11] == value[17]


def is_id_shaped(value: str) -> bool:
    """A province code, a real birth date, a sequence and a check character: an ID number
    as a person would write it, whether or not the check character is right (a typo in one
    digit still identifies the person to anyone who knows them)."""
    value = fold(value).upper()
    return len(value) == 18 and bool(_ID_SHAPE.fullmatch(value)) and value[:2] in _PROVINCES and _has_birth_date(value)


def _is_unverified_id_number(value: str) -> bool:
    return is_id_shaped(value) and not is_valid_id_number(value)


def luhn_ok(digits: str) -> bool:
    """Luhn (mod 10) check used by payment card numbers."""
    total = 0
    for i, char in enumerate(reversed(digits)):
        n = int(char)
        if i % 2:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return total % 10 == 0


def is_valid_bank_card(value: str) -> bool:
    """16–19 digits, a card issuer prefix, Luhn valid, and not shaped like an ID number."""
    digits = "".join(c for c in fold(value) if c.isascii() and c.isdigit())
    if not 16 <= len(digits) <= 19 or not _IIN_RE.match(digits):
        return False
    if len(digits) == 18 and _ID_SHAPE.fullmatch(digits):
        return False
    return luhn_ok(digits)


# --- masking -------------------------------------------------------------------------


def _digit_positions(folded: str) -> list[int]:
    return [i for i, c in enumerate(folded) if c.isascii() and (c.isdigit() or c in "Xx")]


def _mask_positions(original: str, positions: Iterable[int]) -> str:
    chars = list(original)
    for i in positions:
        chars[i] = MASK
    return "".join(chars)


def _mask_keep_ends(original: str, folded: str) -> str:
    """ID numbers and cards: keep the first four and last four digits (1101**********002X)."""
    positions = _digit_positions(folded)
    return _mask_positions(original, positions[4:-4])


def _mask_mobile(original: str, folded: str) -> str:
    """138****5678: the middle four of the eleven national digits; +86 is kept."""
    national = [i for i, c in enumerate(folded) if c.isascii() and c.isdigit()][-11:]
    return _mask_positions(original, national[3:7])


def _mask_landline(original: str, folded: str, match: re.Match[str]) -> str:
    """0556-***7099: the area code and the last four local digits stay, as does an extension."""
    local_start = match.start("local") - match.start()
    local_len = match.end("local") - match.start("local")
    return _mask_positions(original, range(local_start, local_start + local_len - 4))


def _mask_email(original: str, folded: str, match: re.Match[str]) -> str:
    """a***@example.gov.cn: the first character of the local part and the domain stay.

    At most three stars and never more than the characters they replace, so the excerpt
    is never longer than the address and does not reveal the local part's length.
    """
    local_len = match.end("local") - match.start()
    if local_len == 1:
        masked_local = MASK
    else:
        masked_local = original[0] + MASK * min(3, local_len - 1)
    return masked_local + original[local_len:]


# --- scanning ------------------------------------------------------------------------


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
        CLASSIFICATION_MARK: _finditer(CLASSIFICATION_MARK, _CLASSIFICATION_RE, text, folded, None, None),
        ID_NUMBER: _finditer(
            ID_NUMBER, _ID_RE, text, folded, is_valid_id_number, lambda o, f, m: _mask_keep_ends(o, f)
        ),
        ID_NUMBER_UNVERIFIED: _finditer(
            ID_NUMBER_UNVERIFIED, _ID_RE, text, folded, _is_unverified_id_number, lambda o, f, m: _mask_keep_ends(o, f)
        ),
        BANK_CARD: _finditer(
            BANK_CARD, _BANK_CARD_RE, text, folded, is_valid_bank_card, lambda o, f, m: _mask_keep_ends(o, f)
        ),
        EMAIL: _finditer(EMAIL, _EMAIL_RE, text, folded, None, _mask_email),
        MOBILE: _finditer(MOBILE, _MOBILE_RE, text, folded, None, lambda o, f, m: _mask_mobile(o, f)),
        LANDLINE: _finditer(LANDLINE, _LANDLINE_RE, text, folded, None, _mask_landline),
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
    return _mask_positions(text, positions) if positions else text


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
    window = _WHITESPACE.sub(" ", "".join(parts))
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
