"""Which regional wording a text uses, and the folds that only Taiwan wording needs.

The same characters mean different things by region: 檔案 is an archive or record in
mainland and Hong Kong usage (档案) but a document or file in Taiwan (文件); 資料 is
material (资料) in the mainland and Hong Kong but data (数据) in Taiwan. Folding every
text both ways found Taiwan documents for archive queries and Hong Kong archive records
for document queries. So a document's variant is decided from its vocabulary (words only
Taiwan writes, words only Hong Kong writes, or Simplified script) and only the reading of
its own variant is indexed; a text that does not tell keeps both readings, and so do
queries unless they use Taiwan words (:mod:`disclosure_pages.text.segment`).
"""

from __future__ import annotations

import re
from typing import Literal

__all__ = [
    "AMBIGUOUS_PHRASE_WORDS",
    "TAIWAN_FALSE_FRIENDS",
    "TAIWAN_ONLY_READINGS",
    "regional_variant",
    "taiwan_reading",
]

#: Words (Traditional script) that Taiwan writes and mainland and Hong Kong texts do not.
TAIWAN_MARKERS: tuple[str, ...] = (
    "資訊", "網路", "軟體", "硬體", "數位", "釋出", "品質", "伺服器", "資料庫", "網際網路", "介面",
    "影音", "列印", "預設", "部落格", "行動電話", "通報", "個資", "公告周知", "透過",
)  # fmt: skip

#: Simplified words of the character form that, in a Taiwan text, stand for another word:
#: they are not indexed for Taiwan texts unless the phrase form has them too (市檔案館 does).
TAIWAN_FALSE_FRIENDS = frozenset({"档案"})

#: Words the phrase form (tw2sp) produces that, in a mainland or Hong Kong text, would
#: misread it: Hong Kong 檔案 is an archive, not 文件.
AMBIGUOUS_PHRASE_WORDS = frozenset({"文件"})

#: Taiwan readings that OpenCC's phrase form leaves out, applied to Simplified text.
TAIWAN_ONLY_READINGS: tuple[tuple[str, str], ...] = (("资料", "数据"),)
_READINGS = re.compile("|".join(re.escape(source) for source, _ in TAIWAN_ONLY_READINGS))
_REPLACEMENT = dict(TAIWAN_ONLY_READINGS)


#: Hong Kong usage (and the variant characters OpenCC's s2hk writes) that Taiwan does not share.
HONG_KONG_MARKERS: tuple[str, ...] = ("網絡", "軟件", "硬件", "數碼", "電郵", "衞", "綫", "裏", "啓")

Variant = Literal["tw", "other"] | None


def regional_variant(text: str, simplified: str) -> Variant:
    """``"tw"`` for Taiwan wording, ``"other"`` for mainland or Hong Kong, ``None`` when the text
    does not tell (a short Traditional title); ``simplified`` is its character-level fold."""
    if any(marker in text for marker in TAIWAN_MARKERS):
        return "tw"
    if text.lower() == simplified.lower() or any(marker in text for marker in HONG_KONG_MARKERS):
        return "other"
    return None


def taiwan_reading(simplified: str) -> str:
    """``simplified`` read as Taiwan wording: 统计资料 → 统计数据 (the same text if nothing applies)."""
    return _READINGS.sub(lambda found: _REPLACEMENT[found.group()], simplified)
