"""Cleaning of noisy real-world text before it is stored or indexed.

Government texts reach us scraped from portals and copy sites, converted from Word
or OCR, and sometimes run through a Traditional-script converter that leaks pinyin
(``公開(kāi)``). The importer stores what :func:`clean_text` returns and the search
indexer will index it, so every rule here is:

* pure (no Django, no models) and fast: regexes are compiled once, per-line work is
  a single pass;
* conservative: a rule removes a line only when it matches a shape body text does
  not have (see each rule's docstring); document numbers such as ``宜政办秘[2008]8号``,
  ``国办发〔2019〕26号`` or ``国办发【2019】9号`` are never touched.

Entry points: :func:`clean_text` (whole documents), :func:`clean_inline` (titles,
文号, one-line fields) and :func:`text_to_paragraphs`. The individual steps are
public so that callers and tests can use them on their own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

__all__ = [
    "cjk_count",
    "clean_inline",
    "clean_text",
    "normalise_whitespace",
    "remove_conversion_markers",
    "remove_page_chrome",
    "remove_pinyin_annotations",
    "text_to_paragraphs",
    "tidy_lines",
]

# --- character classes ---------------------------------------------------------------

# CJK ideographs: unified, extension A, compatibility, and the supplementary planes.
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_CJK_CHAR = re.compile(f"[{_CJK}]")

# --- whitespace and invisible characters ---------------------------------------------

_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
# Zero-width and bidi formatting characters: invisible, break matching and search.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad\u180e]")
# C0/C1 controls except \t and \n (\t becomes a space below; \r, \x0b, \x0c, \x85 were
# turned into newlines above).
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
# Tab, no-break space, ideographic (full-width) space and the other Unicode spaces.
_SPACES = re.compile("[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_TRAILING_SPACE = re.compile(r"[ ]+$", re.MULTILINE)
_LEADING_SPACE = re.compile(r"^[ ]+", re.MULTILINE)
_BLANK_RUNS = re.compile(r"\n{3,}")
_ANY_SPACE_RUN = re.compile(r"\s+")


def normalise_whitespace(text: str) -> str:
    """Unify line breaks and spaces and drop invisible characters; keep newlines.

    Full-width spaces (``　　`` paragraph indents), no-break spaces and tabs become
    plain spaces, so that later rules and the search index see one kind of space;
    zero-width and control characters come from copy-paste and converters and are
    never content. Layout (leading/trailing spaces, blank lines) is handled by
    :func:`tidy_lines`.
    """
    text = _LINE_BREAKS.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub("", text)
    return _SPACES.sub(" ", text)


def tidy_lines(text: str) -> str:
    """Strip each line, collapse runs of blank lines to one, trim the ends.

    Leading spaces are indentation (usually two full-width spaces), which the page
    layout provides; one blank line is kept because it separates paragraphs.
    """
    text = _TRAILING_SPACE.sub("", text)
    text = _LEADING_SPACE.sub("", text)
    return _BLANK_RUNS.sub("\n\n", text).strip("\n ")


# --- pinyin annotations ---------------------------------------------------------------

_TONED_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_TONE_BASE = str.maketrans(_TONED_VOWELS, "aaaaeeeeiiiioooouuuuüüüü")
# A parenthesised lower-case latin word right after an ideograph (ASCII or full-width
# parentheses). Whether it is pinyin is decided by _PINYIN_SYLLABLE.
_PINYIN_ANNOTATION = re.compile(f"(?<=[{_CJK}])[(（]([a-zü{_TONED_VOWELS}]{{1,6}})[)）]")
# One Mandarin syllable (tones removed): optional initial + final. Words such as
# "pdf", "cms", "html", "open", "web" do not fit; short English words may (can, long).
_PINYIN_SYLLABLE = re.compile(
    r"(?:[bpmfdtnlgkhjqxrzcsyw]|[zcs]h)?"
    r"(?:i(?:a(?:ng?|o)?|e|u|o(?:ng)?|ng?)?|u(?:a(?:ng?|i)?|o|i|n|e(?:ng)?)?|[üv](?:e|an|n)?"
    r"|a(?:i|o|ng?)?|e(?:i|r|ng?)?|o(?:u|ng)?)"
)
_HAS_TONE = re.compile(f"[{_TONED_VOWELS}]")


def _is_pinyin(word: str) -> bool:
    return _PINYIN_SYLLABLE.fullmatch(word.translate(_TONE_BASE)) is not None


def remove_pinyin_annotations(text: str, *, toneless: bool | None = None) -> str:
    """``公開(kāi)`` → ``公開``: drop a pinyin syllable in parentheses after an ideograph.

    Some copy sites annotate Traditional characters with their reading; the
    annotation is not part of the text and breaks words for search. Parentheses that
    hold ideographs, digits or anything that is not one pinyin syllable — ``(市)``,
    ``(2008)``, ``（以下简称《条例》）``, ``(PDF)`` — are kept.

    Syllables without a tone mark (neutral tone, ``們(men)``) look like short
    English words (``(can)``, ``(long)``), so by default (``toneless=None``) they are
    removed only when the same text also has tone-marked annotations, i.e. when it
    visibly went through the annotating converter. Pass ``True``/``False`` to force.
    """
    if "(" not in text and "（" not in text:
        return text
    if toneless is None:
        toneless = any(_HAS_TONE.search(m.group(1)) for m in _PINYIN_ANNOTATION.finditer(text))

    def replace(match: re.Match[str]) -> str:
        word = match.group(1)
        if not _is_pinyin(word):
            return match.group(0)
        if not toneless and not _HAS_TONE.search(word):
            return match.group(0)
        return ""

    return _PINYIN_ANNOTATION.sub(replace, text)


# --- ***…*** conversion markers --------------------------------------------------------

# Bold-italic markup (***…***) left by a document converter around 文号 and headings.
# A run of * next to ideographs is also how sources redact names (**市, ***县), so a
# pair is unwrapped only when it holds a digit (文号, dates, figures) or fills the line.
_MARKED_SPAN = re.compile(r"\*{3}([^*\n]{1,100}?)\*{3}")
_MARKED_LINE = re.compile(r"^[ ]*\*{3}([^*\n]{1,200}?)\*{3}[ ]*$", re.MULTILINE)
_DIGIT = re.compile(r"\d")


def remove_conversion_markers(text: str) -> str:
    """``***国办发〔20XX〕26號***`` → ``国办发〔20XX〕26號``; redaction asterisks stay.

    A pair of triple asterisks is markup from a Word/Markdown conversion. It is
    unwrapped when the marked text contains a digit or is a whole line; ``***市``
    style redactions and a lone ``***`` are left alone because their meaning is the
    asterisks themselves.
    """
    if "***" not in text:
        return text
    text = _MARKED_LINE.sub(lambda m: m.group(1).strip(), text)

    def replace(match: re.Match[str]) -> str:
        inner = match.group(1)
        if inner.strip() and _DIGIT.search(inner):
            return inner.strip()
        return match.group(0)

    return _MARKED_SPAN.sub(replace, text)


# --- page chrome ----------------------------------------------------------------------

# The first lines of a scraped page where a site header or scrape timestamp may sit.
_HEADER_WINDOW = 6
# "时间:2022-06-19 08:02:13" — the copy site's crawl time, not a document field
# (a real page says 发布时间/发布日期, which is kept).
_SCRAPE_TIME = re.compile(
    r"^(?:时间|時間)[:：]\s*\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$"
)
# "导语:…一文来源于网友上传,不代表本站观点,…欢迎参考。" — the copy site's disclaimer.
_DISCLAIMER = re.compile(r"^(?:导语|導語)[:：]")
_DISCLAIMER_MARKS = re.compile(r"本站|网友上传|網友上傳|欢迎参考|歡迎參考|原创文章|原創文章|仅供参考|僅供參考")
# "当前位置:首页 > …" and bare "首页 > 栏目 > …" breadcrumbs.
_BREADCRUMB_LABEL = re.compile(
    r"^(?:当前位置|當前位置|您的位置|你的位置|您现在的位置|您現在的位置|您当前的位置|您當前的位置|所在位置|当前页面|當前頁面)[:：]"
)
_BREADCRUMB_SEP = re.compile(r"\s*(?:>>|[>›»＞→])\s*")
_BREADCRUMB_HOME = re.compile(r"^(?:首页|首頁|主页|主頁|网站首页|網站首頁|返回首页)$")
# "美章网 资料文库 区府办信息公开报告范文": site name, channel, page title.
_SITE_NAME = re.compile(r"^\S{1,15}(?:网|網|文库|文庫|站)$")
_CHANNEL_WORDS = re.compile(r"文库|文庫|资料|資料|范文|範文|首页|首頁|频道|頻道|栏目|欄目|专题|專題")
# Portal footer navigation and the lines that follow it.
_NAV_ITEMS = frozenset(
    {
        "设为主页", "设为首页", "設為主頁", "設為首頁", "加入收藏", "收藏本站", "网站地图", "網站地圖",
        "站点地图", "站點地圖", "关于我们", "關於我們", "联系我们", "聯繫我們", "聯絡我們", "使用帮助",
        "使用幫助", "网站声明", "網站聲明", "法律声明", "法律聲明", "隐私声明", "隱私聲明", "免责声明",
        "免責聲明", "返回顶部", "返回頂部", "网站纠错", "網站糾錯", "RSS订阅", "无障碍", "無障礙",
    }
)
_NAV_SPLIT = re.compile(r"[|｜·•/]|\s+")
_FOOTER_MARKS = re.compile(
    r"ICP|公网安备|公網安備|版权所有|版權所有|Copyright|©|主办|主辦|承办|承辦|运行维护|運行維護|技术支持|技術支持"
    r"|网站标识码|網站標識碼|建议使用|建議使用|分辨率|浏览器|瀏覽器|地址[:：]|电话[:：]|電話[:：]|邮编|郵編"
    r"|E-?mail[:：]|传真[:：]|傳真[:：]|访问量|訪問量",
    re.IGNORECASE,
)
_FOOTER_ID = re.compile(r"ICP(?:备|備|证|證)\s*\d|公[网網]安[备備]\s*\d")
_SENTENCE_END = re.compile(r"[。！？；]")
# The copy site's "report this document" form.
# Starts at the form's first field ("被举报文档标题:"), not at the words 被举报 in prose.
_ABUSE_START = re.compile(r"^被(?:举报|舉報)(?:文档|文檔|文章|内容|內容)?(?:标题|標題|地址|链接|鏈接)[:：]")
_ABUSE_END = re.compile(
    r"^(?:[(（]必填[)）]|举报理由|舉報理由|点击换图|點擊換圖|验证码|驗證碼)"
)
_ABUSE_WINDOW = 30
# The last non-blank lines of a page, where a footer without its links line may sit.
_FOOTER_WINDOW = 8


def _is_nav_line(line: str) -> bool:
    """True for "设为主页 | 加入收藏 | 网站地图 …": mostly known portal links."""
    parts = [p for p in _NAV_SPLIT.split(line) if p]
    if len(parts) < 2:
        return False
    known = sum(p.strip("【】[]") in _NAV_ITEMS for p in parts)
    return known >= 2 and known * 2 >= len(parts)


def _is_footer_line(line: str) -> bool:
    return bool(_FOOTER_MARKS.search(line)) and not _SENTENCE_END.search(line)


def _is_breadcrumb(line: str) -> bool:
    if _BREADCRUMB_LABEL.match(line):
        return True
    parts = _BREADCRUMB_SEP.split(line)
    if len(parts) < 3 or not _BREADCRUMB_HOME.match(parts[0]):
        return False
    return all(0 < len(p) <= 30 and not _SENTENCE_END.search(p) for p in parts)


def _is_site_header(line: str, following: Sequence[str]) -> bool:
    """A top line "<site>网 <channel> <title>" whose title repeats below or names a channel."""
    parts = line.split()
    if len(parts) < 2 or not _SITE_NAME.match(parts[0]) or _SENTENCE_END.search(line):
        return False
    return parts[-1] in following or any(_CHANNEL_WORDS.search(p) for p in parts[1:-1])


def _drop_header(lines: list[str]) -> list[str]:
    """Drop a site header and a scrape timestamp among the first non-blank lines."""
    top = [i for i, line in enumerate(lines) if line][:_HEADER_WINDOW]
    drop: set[int] = set()
    for rank, i in enumerate(top):
        following = [lines[j] for j in top[rank + 1 : rank + 4]]
        if _SCRAPE_TIME.match(lines[i]) or (rank < 3 and _is_site_header(lines[i], following)):
            drop.add(i)
    return [line for i, line in enumerate(lines) if i not in drop]


def _abuse_block_end(lines: list[str], start: int) -> int:
    """Index after the last line of the report-abuse form that starts at ``start``."""
    window = range(start + 1, min(len(lines), start + _ABUSE_WINDOW))
    ends = [j for j in window if _ABUSE_END.match(lines[j])]
    if ends:
        return ends[-1] + 1
    # No closing field (truncated scrape): take the form-like lines that follow.
    end = start + 1
    while end < len(lines) and len(lines[end]) <= 100 and not _SENTENCE_END.search(lines[end]):
        end += 1
    return end


def remove_page_chrome(text: str) -> str:
    """Remove lines a scraper took from the page around the document.

    Each rule needs a shape that body text does not have: the scrape timestamp and
    site header only among the first lines; the 导语 line only with the copy site's
    disclaimer words; a breadcrumb only with its label or ``首页 >`` and short
    segments; the report-abuse form from ``被举报…`` to its last field; the footer
    from a line of portal links (or an ICP/公网安备 number) through the address,
    ICP and 技术支持 lines that follow it, none of which may contain a sentence.
    ``发布时间:``/``发布单位:`` lines of the real page are metadata and are kept.
    """
    lines = _drop_header([line.strip() for line in text.split("\n")])
    # An ICP/公网安备 number without the links line counts as footer only near the end:
    # a guide may quote its site's 备案号 in the body.
    tail_start = ([i for i, line in enumerate(lines) if line][-_FOOTER_WINDOW:] or [0])[0]
    kept: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line:
            kept.append(line)
            i += 1
        elif _ABUSE_START.match(line):
            i = _abuse_block_end(lines, i)
        elif _is_nav_line(line) or (
            i >= tail_start and _FOOTER_ID.search(line) and not _SENTENCE_END.search(line)
        ):
            i += 1
            while i < len(lines) and (not lines[i] or _is_footer_line(lines[i]) or _is_nav_line(lines[i])):
                i += 1
        elif (_DISCLAIMER.match(line) and _DISCLAIMER_MARKS.search(line)) or _is_breadcrumb(line):
            i += 1
        else:
            kept.append(line)
            i += 1
    return "\n".join(kept)


# --- entry points -----------------------------------------------------------------------

_STEPS: tuple[Callable[[str], str], ...] = (
    normalise_whitespace,
    remove_pinyin_annotations,  # before chrome: 時(shí)間 and 導(dǎo)語(yǔ) must read 時間, 導語
    remove_conversion_markers,
    remove_page_chrome,
    tidy_lines,
)


def clean_text(text: str) -> str:
    """The whole cleaning pipeline for a document body; paragraphs stay on their lines."""
    for step in _STEPS:
        text = step(text)
    return text


def clean_inline(text: str) -> str:
    """Clean a one-line field (title, 文号, organisation name): no chrome, one space."""
    text = normalise_whitespace(text)
    text = remove_pinyin_annotations(text)
    text = remove_conversion_markers(text)
    return _ANY_SPACE_RUN.sub(" ", text).strip()


def text_to_paragraphs(text: str, *, clean: bool = True) -> list[str]:
    """Split plain text into paragraphs: one per non-empty line.

    Chinese documents are not hard-wrapped, so every line break in a source is a
    paragraph break (Word exports and scraped pages alike); blank lines are just
    spacing.
    """
    if clean:
        text = clean_text(text)
    return [line.strip() for line in text.split("\n") if line.strip()]


def cjk_count(text: str) -> int:
    """Number of ideographs in ``text`` (used to judge whether a line is prose)."""
    return len(_CJK_CHAR.findall(text))

