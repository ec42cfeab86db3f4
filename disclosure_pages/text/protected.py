"""OpenCC conversion with protected terms: words a conversion must leave as they are.

Phrase conversion (Taiwan vocabulary to Mainland, tw2sp) would turn 市檔案館 into 文件馆
and 資料 into 数据; display conversion (s2twp) would turn 收费项目 into 收費專案. A
:class:`Masker` replaces the protected terms by private-use placeholders before the
conversion and puts them back after. docs/search.md ("Text analysis") lists the terms
and the accepted gaps.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from functools import cache

import opencc

__all__ = ["DISPLAY_PROTECTED", "PHRASE_PASS_THROUGH", "PROTECTED_TERMS", "Masker", "converter", "display_masker", "search_masker"]

_LOCK = threading.Lock()


@cache
def converter(config: str) -> opencc.OpenCC:
    """One OpenCC converter per config and process (loading a config reads its dicts)."""
    with _LOCK:
        return opencc.OpenCC(config)


#: Simplified terms that phrase conversion must leave alone (see module docstring).
PROTECTED_TERMS: tuple[str, ...] = (
    # Archives: 檔案 here means 档案 (archives/records), not 文件 (a file).
    "档案馆", "档案局", "档案室", "档案处", "档案科", "档案中心", "国家档案局", "人事档案",
    "干部档案", "学籍档案", "城建档案", "会计档案", "诚信档案", "信用档案", "健康档案",
    "历史档案", "电子档案", "档案管理", "档案工作", "档案资料", "档案查阅", "档案保管",
    "档案移交", "档案整理", "档案法", "工作档案", "文书档案", "业务档案", "科技档案", "档案室藏",
    "建档", "归档", "档案袋",
    # 资料 means materials; only unambiguous compounds become 数据 (PHRASE_PASS_THROUGH).
    "资料",
    # Mainland words that tw2sp rewrites into a different meaning.
    "文件", "程序", "执行", "建立", "核心", "新增", "效能", "行程", "序列", "宣告", "支援",
    "智慧", "整合", "启用", "停用", "复制", "设定", "查询", "互动", "储存", "社群", "呼叫",
    "批次", "区域性", "即时", "类比",
)  # fmt: skip

#: Taiwan phrases containing a protected term that OpenCC converts correctly.
PHRASE_PASS_THROUGH: tuple[str, ...] = (
    "資料庫", "資料夾", "資料來源", "資料探勘", "資料倉儲", "資料包", "後設資料", "關聯式資料庫",
    "執行檔", "執行緒", "多執行緒", "執行長", "人工智慧", "智慧財產權", "互動式", "進階設定",
)  # fmt: skip

# Terms that display conversion (s2twp) must not rewrite: 收费项目 is not a 專案, and a body
# issues (发布) its documents in Taiwan too; s2twp's 釋出 is for releasing software.
DISPLAY_PROTECTED: tuple[str, ...] = (*PROTECTED_TERMS, "项目", "发布")

_PLACEHOLDER_BASE = 0xF0000
_PLACEHOLDER = re.compile("[\U000f0000-\U000ffffd]")


def _spellings(term: str) -> set[str]:
    """The term in Simplified and in character-level Traditional, HK and TW spelling."""
    return {term, *(converter(c).convert(term) for c in ("s2t", "s2hk", "s2tw"))}


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation with longer words first, so that the longest term wins."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


class Masker:
    """Replaces protected terms by placeholders and puts them back after conversion."""

    def __init__(self, terms: Iterable[str], pass_through: Iterable[str], restore_config: str | None) -> None:
        self.terms = tuple(dict.fromkeys(terms))
        lookup: dict[str, int] = {}
        for index, term in enumerate(self.terms):
            for spelling in _spellings(term):
                lookup.setdefault(spelling, index)
        self.lookup = lookup
        self.pass_through = frozenset(pass_through)
        self.pattern = re.compile(_alternation([*lookup, *self.pass_through]))
        convert = converter(restore_config).convert if restore_config else (lambda s: s)
        self.restored = tuple(convert(term) for term in self.terms)

    def mask(self, text: str) -> tuple[str, bool]:
        masked = False

        def replace(match: re.Match[str]) -> str:
            nonlocal masked
            word = match.group(0)
            if word in self.pass_through:
                return word
            masked = True
            return chr(_PLACEHOLDER_BASE + self.lookup[word])

        return self.pattern.sub(replace, text), masked

    def restore(self, text: str) -> str:
        return _PLACEHOLDER.sub(lambda m: self.restored[ord(m.group(0)) - _PLACEHOLDER_BASE], text)

    def convert(self, text: str, config: str) -> str:
        """``config`` conversion of ``text`` with the protected terms kept."""
        masked_text, masked = self.mask(text)
        converted = converter(config).convert(masked_text)
        return self.restore(converted) if masked else converted


@cache
def search_masker() -> Masker:
    return Masker(PROTECTED_TERMS, PHRASE_PASS_THROUGH, restore_config=None)


@cache
def display_masker(variant: str) -> Masker:
    return Masker(DISPLAY_PROTECTED, (), restore_config="s2tw" if variant == "tw" else "s2hk")
