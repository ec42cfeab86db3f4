"""What the pre-screen looks for: the kinds of finding, and the patterns that find them.

Every pattern runs on folded text (:func:`fold`), so "[0-9]" covers full-width digits as
well, and is linear (bounded repeats, anchored lookarounds) so a 200,000-character
attachment cannot trigger catastrophic backtracking.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

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


# A number must not continue a longer digit run, nor be the fractional part of a decimal
# (12345678.90元), nor the second half of a hyphenated code (2024-00001).
_NOT_AFTER_NUMBER = r"(?<![0-9])(?<![0-9]\.)(?<![0-9]-)"
_NOT_BEFORE_NUMBER = r"(?![0-9]|\.[0-9])"

_ID_BODY = r"[1-8][0-9]{5}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx]"
ID_RE = re.compile(_NOT_AFTER_NUMBER + f"(?:{_ID_BODY})" + _NOT_BEFORE_NUMBER)
# Shape of an ID number without the checksum: used to keep mistyped ID numbers from being
# reported as bank cards (an 18-digit 4xxxxx/6xxxxx ID can pass Luhn by chance).
ID_SHAPE = re.compile(_ID_BODY)

# Province-level codes (GB/T 2260; 71 台湾, 81 香港, 82 澳门, 83 for residence permits):
# without a check character to rely on, a mistyped ID number must at least start with one.
PROVINCES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 83".split()
)
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK_CHARS = "10X98765432"

# Mobile: 1[3-9]x xxxx xxxx, optionally +86/0086/86, space or hyphen between groups.
MOBILE_RE = re.compile(
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
LANDLINE_RE = re.compile(
    _NOT_AFTER_NUMBER + r"(?:\((?P<area_p>" + _AREA + r")\) ?|(?P<area>" + _AREA + r")[- ])"
    r"(?P<local>[1-9][0-9]{6,7})"
    r"(?:(?:转|分机|-|ext\.? ?)(?P<ext>[0-9]{1,6}))?" + _NOT_BEFORE_NUMBER
)

# Bank cards: 16–19 digits, either in one run or in groups of four (the last group may be
# 1–3 digits: 6222 0212 3456 7890 128). A grouped number must not be followed by another
# group of four, so 20 digits written 4-4-4-4-4 are not read as a 16-digit card; it may be
# followed by something else that starts with a digit (a phone number after a space).
BANK_CARD_RE = re.compile(
    r"(?<![0-9])(?<![0-9]\.)(?<![0-9][ -])"
    r"(?:[0-9]{16,19}|[0-9]{4}(?:[ -][0-9]{4}){3}(?:[ -][0-9]{1,3})?)"
    r"(?![0-9]|\.[0-9]|[ -][0-9]{4}(?![0-9]))"
)
# Issuer prefixes (IIN) worth warning about: UnionPay 62, Discover/UnionPay 60/65, Visa 4,
# Mastercard 51–55 and 22–27, JCB 35, Amex 34/37. Other 16–19 digit numbers (e.g. numeric
# 统一社会信用代码 or order numbers starting with 1 or 9) would pass Luhn one time in ten.
IIN_RE = re.compile(r"(?:62|60|65|4|5[1-5]|2[2-7]|3[457])")

# Email: the local part may only start at the beginning of a run of local-part characters
# (the lookbehind), so a long run without "@" is scanned once rather than once per start
# position (which would be quadratic).
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
EMAIL_RE = re.compile(
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
CLASSIFICATION_RE = re.compile(
    r"密级 ?:? ?(?:绝密|机密|秘密|内部)(?:" + _STAR + r")?"
    r"|(?<!商业)(?:绝密|机密)(?!性)(?:" + _STAR + r")?"
    r"|秘密" + _STAR + r"|内部资料|内部使用"
)

# Display only: newlines and tabs in a context window become spaces.
WHITESPACE = re.compile(r"\s")
