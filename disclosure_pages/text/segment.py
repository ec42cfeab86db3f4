"""Word segmentation for the search index and for queries (jieba + domain dictionary).

Database full-text indexes (SQLite FTS5, PostgreSQL) split on spaces and punctuation
and know nothing of Chinese words, so the index is fed space-separated words, cut by
jieba-rs (the Rust port of jieba, through ``rjieba``: the same dictionary and the same cuts,
about ten times faster, which bulk indexing of 100,000 entries needs):
:func:`segment_for_index` segments every normalised form of a text
(:func:`disclosure_pages.text.normalise.forms`) and adds its 文号/索引号.

Design choices, and why:

* A dedicated ``rjieba.Jieba`` (not the module's default one, which other code may load
  other dictionaries into), created once per process under a lock, with the
  terms of ``domain_terms.txt`` so that 依申请公开, 保密审查, 三公经费 stay whole.
  :func:`add_terms` adds webmasters' terms at run time, without a restart; a removed
  term keeps frequency 0 (jieba's own way of deleting), so it is never cut whole again.
* jieba's HMM guesser of unknown words is off: it guesses differently depending
  on the neighbouring characters, so a query and the document it should find could
  be cut differently. Unknown words fall back to dictionary words and characters,
  which cut the same way in both places.
* Index side, "search mode": each word plus every dictionary word inside it
  (政府信息公开 → 政府, 信息, 公开, 政府信息, 信息公开, 政府信息公开). jieba's own
  ``cut_for_search`` only adds the 2- and 3-character words, so 信息公开 would not
  be found inside 政府信息公开.
* Query side, precise mode: each query form is cut into words once; a document
  matches when all words of one form are among its index words
  (:func:`query_token_sets`, an OR of ANDs).
* :func:`segment_for_index` remembers its last few thousand results: Wagtail asks a
  page for its title and body text several times per indexing pass, and a bulk
  rebuild primes the memo from worker processes (:func:`prime`). Any dictionary
  change forgets it, so a new term applies to the next page indexed.
* The dictionary is changed and read under one lock: the Rust object refuses a
  change while another thread is cutting.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import rjieba

from .normalise import NormalisedForms, forms, joined_windows
from .regional import AMBIGUOUS_PHRASE_WORDS, TAIWAN_FALSE_FRIENDS, regional_variant, taiwan_reading

__all__ = [
    "DOMAIN_TERMS_FILE",
    "add_terms",
    "forget",
    "get_tokenizer",
    "prime",
    "query_token_sets",
    "remembered",
    "remove_terms",
    "segment",
    "segment_for_index",
    "segment_query",
]

DOMAIN_TERMS_FILE = Path(__file__).with_name("domain_terms.txt")

# Longest word whose inner dictionary words are added in search mode; longer tokens
# are digit/Latin runs or user terms where the quadratic scan is not worth it.
_MAX_EXPAND = 16

_LOCK = threading.RLock()
_tokenizer: rjieba.Jieba | None = None
# Terms taken out again (frequency 0): still in the Rust dictionary, no longer words.
_REMOVED: set[str] = set()
# segment_for_index results by text; bounded, cleared whole when full or on a dictionary change.
_MEMO: dict[str, str] = {}
_MEMO_SIZE = 4096


def _read_terms(path: Path) -> list[tuple[str, int | None]]:
    """``term [freq [tag]]`` lines (jieba's user-dict format); ``#`` lines are skipped."""
    terms: list[tuple[str, int | None]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts or parts[0].startswith("#"):
            continue
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
        terms.append((parts[0], freq))
    return terms


def get_tokenizer() -> rjieba.Jieba:
    """The process's tokenizer, built on first use (≈0.1 s: the dictionary is compiled in)."""
    global _tokenizer
    tokenizer = _tokenizer
    if tokenizer is not None:
        return tokenizer
    with _LOCK:
        if _tokenizer is None:
            tokenizer = rjieba.Jieba()
            for term, freq in _read_terms(DOMAIN_TERMS_FILE):
                tokenizer.add_word(term, freq, None)
            _tokenizer = tokenizer
        return _tokenizer


def add_terms(terms: Iterable[str | tuple[str, int]]) -> None:
    """Add dictionary terms (``"词"`` or ``("词", freq)``); they apply to the next cut.

    Without a frequency jieba picks one just high enough to keep the term whole.
    Terms are normalised like text (Simplified, lower-case) because segmentation
    runs on normalised forms; a Traditional term also adds its Taiwan-phrase form.
    """
    tokenizer = get_tokenizer()
    with _LOCK:
        for item in terms:
            term, freq = (item, None) if isinstance(item, str) else item
            for form in _term_forms(term):
                tokenizer.add_word(form, freq, None)
                _REMOVED.discard(form)
        forget()


def remove_terms(terms: Iterable[str]) -> None:
    """Take terms added by :func:`add_terms` out of the dictionary again."""
    tokenizer = get_tokenizer()
    with _LOCK:
        for term in terms:
            for form in _term_forms(term):
                tokenizer.add_word(form, 0, None)
                _REMOVED.add(form)
        forget()


def _term_forms(term: str) -> list[str]:
    return [f for f in (form.strip() for form in forms(term).search_forms) if f and not any(c.isspace() for c in f)]


_DICTIONARY_SOURCES: list[Callable[[], None]] = []


def refresh_dictionary_with(source: Callable[[], None]) -> None:
    """Call ``source`` before each index segmentation, so it can bring added terms up to date.

    The search app registers its webmasters' vocabulary here: the text layer knows no models.
    """
    if source not in _DICTIONARY_SOURCES:
        _DICTIONARY_SOURCES.append(source)


def forget() -> None:
    """Drop remembered index segmentations (after a dictionary change)."""
    _MEMO.clear()


# A letter or digit of any script (``str.isalnum``): tokens without one are spaces and punctuation.
_is_word = re.compile(r"[^\W_]").search


def _cut(text: str) -> list[str]:
    tokenizer = get_tokenizer()
    with _LOCK:
        tokens = tokenizer.cut(text, False)
    return [t for t in tokens if _is_word(t)]


def _expand(tokens: Iterable[str]) -> list[str]:
    """Search mode: every dictionary word inside each token, then the token."""
    has_word = get_tokenizer().has_word
    expanded: list[str] = []
    with _LOCK:
        for token in tokens:
            n = len(token)
            if 2 < n <= _MAX_EXPAND and not token.isascii():
                for size in range(2, n):
                    for start in range(n - size + 1):
                        inner = token[start : start + size]
                        if has_word(inner) and inner not in _REMOVED:
                            expanded.append(inner)
            expanded.append(token)
    return expanded


def segment(text: str) -> list[str]:
    """Search-mode words of ``text`` as given (no normalisation), punctuation dropped."""
    return _expand(_cut(text))


def _reference_tokens(normalised: NormalisedForms) -> list[str]:
    return [form.lower() for form in normalised.reference_numbers()]


def segment_for_index(text: str) -> str:
    """Space-joined words of all normalised forms of ``text``, for a full-text index.

    The ``chars`` form keeps its word frequencies; words only the ``phrases`` form
    has (信息 for 資訊) are appended, then the 文号/索引号 forms.
    """
    for source in _DICTIONARY_SOURCES:
        source()
    words = _MEMO.get(text)
    if words is None:
        words = _segment_for_index(text)
        _remember(text, words)
    return words


def _remember(text: str, words: str) -> None:
    if len(_MEMO) >= _MEMO_SIZE:
        _MEMO.clear()
    _MEMO[text] = words


def remembered(text: str) -> bool:
    return text in _MEMO


def prime(texts: Sequence[str], segmented: Sequence[str]) -> None:
    """Store segmentations computed elsewhere (a worker process) for :func:`segment_for_index`."""
    if len(_MEMO) + len(texts) > _MEMO_SIZE:
        _MEMO.clear()
    for text, words in zip(texts, segmented, strict=True):
        _MEMO[text] = words


def _segment_for_index(text: str) -> str:
    normalised = forms(text)
    variant = regional_variant(normalised.exact, normalised.chars)
    taiwan = variant == "tw"
    tokens = segment(normalised.chars)
    phrase_words = segment(normalised.phrases) if normalised.phrases != normalised.chars else tokens
    if taiwan:  # 檔案 is 文件 here: 档案 only where the phrase form keeps it too (市檔案館)
        kept = set(phrase_words)
        tokens = [t for t in tokens if t not in TAIWAN_FALSE_FRIENDS or t in kept]
    seen = set(tokens)
    # Words only the phrase form has (信息 for 資訊; not 文件 for a Hong Kong 檔案), Taiwan
    # readings (统计数据 for 統計資料), words that quotation marks or a line break cut apart.
    extra = [taiwan_reading(normalised.phrases)] if taiwan else []
    for form in dict.fromkeys((normalised.chars, normalised.phrases)):
        extra += joined_windows(form)
    for words in (phrase_words, *map(segment, extra)):
        new = [t for t in words if t not in seen and (variant != "other" or t not in AMBIGUOUS_PHRASE_WORDS)]
        seen.update(new)
        tokens.extend(new)
    tokens.extend(_reference_tokens(normalised))
    return " ".join(tokens)


# Function words dropped from queries (not from the index): requiring 的 or 和 in a
# document only loses documents that phrase the same thing differently.
_QUERY_STOPWORDS = frozenset("的 了 和 与 及 或 之 等 其 着 把 被 在 对 是".split())


def query_token_sets(query: str) -> list[list[str]]:
    """One word list per query form: a document matches if it has all words of any list.

    文号 in the query add their 〔year〕sequence part (which survives any bracket
    style) and 索引号 their whole form; the agency code is matched by its words.
    """
    normalised = forms(query)
    references = normalised.reference_tokens_for_query()
    token_sets: list[list[str]] = []
    readings = list(normalised.search_forms)
    if regional_variant(normalised.exact, normalised.chars) == "tw":  # 資訊 統計資料: also 统计数据
        readings.append(taiwan_reading(normalised.phrases))
    for form in dict.fromkeys(readings):
        tokens = list(dict.fromkeys([*_cut(form), *references]))
        content = [t for t in tokens if t not in _QUERY_STOPWORDS]
        tokens = content or tokens
        if tokens and tokens not in token_sets:
            token_sets.append(tokens)
    return token_sets


def segment_query(query: str) -> list[str]:
    """All distinct words of all query forms (for OR queries and highlighting)."""
    return list(dict.fromkeys(t for tokens in query_token_sets(query) for t in tokens))
