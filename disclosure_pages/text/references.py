"""文号 and 索引号 in normalised text: what they look like and their searchable parts.

Works on the lower-cased Simplified ``chars`` form of :mod:`.normalise`, so 號 is 号 and
the placeholder year 20XX is 20xx; bracket styles are folded only here, never in display text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# 发文字号: agency code, year in brackets of any style, sequence, 号. Matched on the
# lower-cased Simplified form, so 號 is 号 and the placeholder year 20XX is 20xx.
_DOCNUM = re.compile(
    rf"(?P<agency>[{_CJK}]{{1,12}})?"
    r"[〔\[【(〖]\s*(?P<year>(?:19|20)(?:\d\d|xx))\s*[〕\]】)〗]"
    r"\s*第?\s*0*(?P<seq>[1-9]\d{0,5}|0)\s*号"
)
# Orders carry no year: 国令第672号, 省政府令第270号.
_ORDER = re.compile(rf"(?P<agency>[{_CJK}]{{0,11}}令)\s*第\s*(?P<seq>\d{{1,6}})\s*号")
# Words that precede a 文号 in prose and are not part of the agency code.
_AGENCY_CUT = re.compile(r".*[的了和及与或在对将把被为是即以按据依见、]")
_AGENCY_LEAD = re.compile(
    r"^(?:根据|依据|按照|依照|参照|遵照|贯彻|落实|执行|关于|印发|转发|下发|废止|修订|修改|"
    r"发文字号|文号|字号|详见|参见|原|经|附)+"
)
# 索引号: <issuer code>/<year or year+month>-<sequence>; or the Yunnan style
# <9-char organisation code>-<year>-<sequence>.
_INDEX_NUMBER = re.compile(
    r"(?<![0-9a-z])(?P<issuer>[0-9a-z]{6,18}(?:-[0-9a-z])?)\s*/\s*"
    r"(?P<serial>(?:19|20)\d{2}(?:[01]\d)?-\d{3,8})(?![0-9])"
)
_INDEX_NUMBER_DASHED = re.compile(r"(?<![0-9a-z-])(?P<issuer>\d{8}[0-9x])-(?P<serial>(?:19|20)\d{2}-\d{3,8})(?![0-9])")


def _trim_agency(agency: str | None) -> str:
    if not agency:
        return ""
    agency = _AGENCY_CUT.sub("", agency)
    return _AGENCY_LEAD.sub("", agency)


@dataclass(frozen=True)
class DocNumber:
    """A 发文字号 in its GB/T 9704 form: agency code, 〔year〕, sequence 号."""

    agency: str
    year: str | None
    sequence: str

    @property
    def whole(self) -> str:
        if self.year is None:
            return f"{self.agency}第{self.sequence}号"
        return f"{self.agency}〔{self.year}〕{self.sequence}号"

    def forms(self) -> list[str]:
        """Whole number and the parts a citizen may search for on their own."""
        if self.year is None:
            parts = [self.whole, self.agency, f"第{self.sequence}号"]
        else:
            parts = [self.whole, self.agency, self.year, f"〔{self.year}〕{self.sequence}号", f"{self.sequence}号"]
        return list(dict.fromkeys(p for p in parts if p))


@dataclass(frozen=True)
class IndexNumber:
    """A 索引号: issuer code and the year-sequence serial (003110926/2024-00001)."""

    issuer: str
    serial: str
    separator: str = "/"

    @property
    def whole(self) -> str:
        return f"{self.issuer}{self.separator}{self.serial}"

    def forms(self) -> list[str]:
        return [self.whole, self.issuer, self.serial]


def document_numbers(chars: str) -> list[DocNumber]:
    found: list[DocNumber] = []
    for match in _DOCNUM.finditer(chars):
        year = match.group("year").replace("x", "X")
        found.append(DocNumber(_trim_agency(match.group("agency")), year, match.group("seq")))
    for match in _ORDER.finditer(chars):
        agency = _trim_agency(match.group("agency"))
        if agency:
            found.append(DocNumber(agency, None, match.group("seq")))
    return list(dict.fromkeys(found))


def index_numbers(chars: str) -> list[IndexNumber]:
    found: list[IndexNumber] = []
    for match in _INDEX_NUMBER.finditer(chars):
        issuer = match.group("issuer")
        if sum(c.isdigit() for c in issuer) >= 6:
            found.append(IndexNumber(issuer.upper(), match.group("serial")))
    for match in _INDEX_NUMBER_DASHED.finditer(chars):
        found.append(IndexNumber(match.group("issuer").upper(), match.group("serial"), "-"))
    return list(dict.fromkeys(found))


def reference_forms(chars: str) -> list[str]:
    if not any(c in chars for c in "号/-"):
        return []
    found = [*document_numbers(chars), *index_numbers(chars)]
    return list(dict.fromkeys(form for number in found for form in number.forms()))


# --- the same numbers in display text (any script), by position ---------------------------

_DOCNUM_SHOWN = re.compile(
    rf"(?P<agency>[{_CJK}]{{1,12}})?"
    r"[〔\[【(（〖﹝]\s*(?:19|20)(?:\d\d|XX|xx)\s*[〕\]】)）〗﹞]"
    r"\s*第?\s*\d{1,6}\s*[号號]"
)
_ORDER_SHOWN = re.compile(rf"(?P<agency>[{_CJK}]{{0,11}}令)\s*第\s*\d{{1,6}}\s*[号號]")
# In display text a wrongly long agency leaves prose unconverted, so it is also cut after the
# verbs that lead into a number anywhere in it (市信息中心转发|宜政办秘〔2008〕8号).
_AGENCY_CUT_SHOWN = re.compile(
    r".*(?:转发|印发|下发|发布|公布|根据|依据|按照|依照|参照|遵照|关于|废止|修订|修改|执行|落实|贯彻|详见|参见)"
)


def document_number_spans(text: str, simplified: Callable[[str], str]) -> list[tuple[int, int]]:
    """Where the 文号 of ``text`` (Simplified or Traditional, as written) start and end.

    ``simplified`` reads the agency part in Simplified characters, one for one, so that
    the words that lead into a number in prose (根据, 關於…) are cut off as in
    :func:`document_numbers`.
    """
    spans = []
    for pattern in (_DOCNUM_SHOWN, _ORDER_SHOWN):
        for match in pattern.finditer(text):
            start = match.start()
            agency = match.group("agency") or ""
            folded = simplified(agency)
            if agency and len(folded) == len(agency):
                start += len(agency) - len(_AGENCY_CUT_SHOWN.sub("", _trim_agency(folded)))
            spans.append((start, match.end()))
    return sorted(spans)
