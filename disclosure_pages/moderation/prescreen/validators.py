"""Structure checks that tell a person's number from the look-alikes in government text."""

from __future__ import annotations

import datetime

from .patterns import ID_CHECK_CHARS, ID_SHAPE, ID_WEIGHTS, IIN_RE, PROVINCES, fold


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
    if len(value) != 18 or not ID_SHAPE.fullmatch(value) or not _has_birth_date(value):
        return False
    total = sum(int(d) * w for d, w in zip(value[:17], ID_WEIGHTS))
    return ID_CHECK_CHARS[total % 11] == value[17]


def is_id_shaped(value: str) -> bool:
    """A province code, a real birth date, a sequence and a check character: an ID number
    as a person would write it, whether or not the check character is right (a typo in one
    digit still identifies the person to anyone who knows them)."""
    value = fold(value).upper()
    return len(value) == 18 and bool(ID_SHAPE.fullmatch(value)) and value[:2] in PROVINCES and _has_birth_date(value)


def is_unverified_id_number(value: str) -> bool:
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
    if not 16 <= len(digits) <= 19 or not IIN_RE.match(digits):
        return False
    if len(digits) == 18 and ID_SHAPE.fullmatch(digits):
        return False
    return luhn_ok(digits)
