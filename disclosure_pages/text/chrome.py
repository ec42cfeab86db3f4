"""Removal of a scraped page's chrome: site header, breadcrumbs, navigation, footer, report-abuse blocks.

One step of :func:`disclosure_pages.text.cleaning.clean_text`. A line goes only when it
has a shape body text does not have, and only near the start or the end of the
document (see each rule); document numbers and prose are never touched.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["remove_page_chrome"]

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
