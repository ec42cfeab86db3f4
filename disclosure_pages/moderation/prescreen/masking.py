"""Masks, so that the warning itself does not spread what it warns about.

``1101**********002X``, ``138****5678``, ``0556-***7099``, ``a***@example.gov.cn``: only
classification marks are shown as they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .patterns import MASK


def _digit_positions(folded: str) -> list[int]:
    return [i for i, c in enumerate(folded) if c.isascii() and (c.isdigit() or c in "Xx")]


def mask_positions(original: str, positions: Iterable[int]) -> str:
    chars = list(original)
    for i in positions:
        chars[i] = MASK
    return "".join(chars)


def mask_keep_ends(original: str, folded: str) -> str:
    """ID numbers and cards: keep the first four and last four digits (1101**********002X)."""
    positions = _digit_positions(folded)
    return mask_positions(original, positions[4:-4])


def mask_mobile(original: str, folded: str) -> str:
    """138****5678: the middle four of the eleven national digits; +86 is kept."""
    national = [i for i, c in enumerate(folded) if c.isascii() and c.isdigit()][-11:]
    return mask_positions(original, national[3:7])


def mask_landline(original: str, folded: str, match: re.Match[str]) -> str:
    """0556-***7099: the area code and the last four local digits stay, as does an extension."""
    local_start = match.start("local") - match.start()
    local_len = match.end("local") - match.start("local")
    return mask_positions(original, range(local_start, local_start + local_len - 4))


def mask_email(original: str, folded: str, match: re.Match[str]) -> str:
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
