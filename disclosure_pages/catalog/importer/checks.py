"""Reading the lines and checking each one; nothing is written here."""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Iterable
from typing import Any

from ...taxonomy.models import Dimension
from ...text.cleaning import clean_inline, clean_text, text_to_paragraphs
from ..listing import DIMENSION_FILTERS
from ..models import (
    DisclosureMode,
    DisclosureScope,
    Validity,
    normalise_doc_number,
)
from .clashes import FileClashes, database_clashes
from .lookups import Lookups
from .reading import _LineStream, field_label, parse_line, read_lines, unstorable_values
from .records import (
    _ISO_DATE,
    _KEYWORD_SEPARATORS,
    _STRAY_MARKERS,
    ID_PREFIX,
    KNOWN_FIELDS,
    MAX_BODY,
    MAX_DOC_NUMBER,
    MAX_ID,
    MAX_KEYWORDS,
    MAX_SUMMARY,
    MAX_TITLE,
    EntryData,
    Problem,
    Validation,
    shown,
)

# --- checking -------------------------------------------------------------------------------


class _LineChecker:
    """Checks one JSON object; collects problems; returns an EntryData or None."""

    def __init__(self, line: int, data: dict[str, Any], lookups: Lookups) -> None:
        self.line, self.data, self.lookups = line, data, lookups
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []

    def error(self, name: str, message: str) -> None:
        self.errors.append(Problem(self.line, name, message))

    def warn(self, name: str, message: str) -> None:
        self.warnings.append(Problem(self.line, name, message))

    def string(self, name: str, *, required: bool = False) -> str | None:
        if name not in self.data:
            if required:
                self.error(name, "缺少必填字段 (required field missing)")
            return None
        value = self.data[name]
        if value is None and not required:
            return None
        if not isinstance(value, str):
            self.error(name, f"应为字符串，实为 {type(value).__name__} (must be a string)")
            return None
        return value

    def date(self, name: str, *, required: bool = False) -> datetime.date | None:
        value = self.string(name, required=required)
        if value is None or (not required and not value.strip()):
            return None
        value = value.strip()
        if not _ISO_DATE.fullmatch(value):
            self.error(name, f"「{shown(value)}」不是 YYYY-MM-DD 格式 (expected YYYY-MM-DD)")
            return None
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            self.error(name, f"日期不存在：{value} (no such date)")
            return None

    def choice(self, name: str, mapping: dict[str, str], default: str) -> str:
        value = self.string(name)
        if value is None or not value.strip():
            return default
        key = mapping.get(value.strip()) or mapping.get(value.strip().lower())
        if key is None:
            allowed = "、".join(label for label, v in mapping.items() if label != v)
            self.error(name, f"未知取值「{shown(value)}」(unknown value); 可用: {allowed}")
            return default
        return key

    def check(self) -> EntryData | None:
        data, lookups = self.data, self.lookups
        for name in data:
            if name not in KNOWN_FIELDS:
                self.warn(field_label(name), "未知字段，已忽略 (unknown field, ignored)")

        title = self.string("title", required=True)
        if title is not None:
            title = clean_inline(title)
            if not title:
                self.error("title", "标题为空 (empty)")
            elif len(title) > MAX_TITLE:
                self.error("title", f"标题过长：{len(title)} 字，最多 {MAX_TITLE} (too long)")

        body = self.string("body", required=True)
        paragraphs = text_to_paragraphs(body) if body is not None else []
        if body is not None and not paragraphs:
            self.warn("body", "正文为空 (empty body)")
        length = sum(map(len, paragraphs))
        if length > MAX_BODY:
            self.error("body", f"正文过长：{length} 字，最多 {MAX_BODY} (too long)")

        published = self.date("published", required=True)
        written = self.date("written")
        if published and written and written > published:
            self.error("written", f"成文日期 {written} 晚于发布日期 {published} (after the publication date)")

        publisher_id = None
        publisher = self.string("publisher", required=True)
        if publisher is not None:
            publisher_id = lookups.organisation(publisher)
            if publisher_id is None:
                full = lookups.short_names.get(clean_inline(publisher))
                hint = f"；「{publisher}」是简称，请用全称「{full}」" if full else ""
                self.error(
                    "publisher", f"未找到发布机构「{shown(publisher)}」(no organisation with this name or code){hint}"
                )

        doc_number = self.string("doc_number", required=True)
        if doc_number is not None:
            doc_number = _STRAY_MARKERS.sub("", clean_inline(doc_number)).strip()
            if len(doc_number) > MAX_DOC_NUMBER:
                self.error("doc_number", f"文号过长：{len(doc_number)} 字，最多 {MAX_DOC_NUMBER} (too long)")

        terms, audience = self.classifications()

        summary = self.string("summary")
        summary = clean_text(summary) if summary else ""
        if len(summary) > MAX_SUMMARY:
            self.error("summary", f"内容概述过长：{len(summary)} 字，最多 {MAX_SUMMARY} (too long)")

        keywords = self.keywords()
        import_key = self.import_key(publisher_id, doc_number, title, published)

        entry_data = EntryData(
            line=self.line,
            import_key=import_key or "",
            title=title or "",
            paragraphs=paragraphs,
            publish_date=published or datetime.date.min,
            publisher_id=publisher_id or 0,
            doc_number=doc_number or "",
            written_date=written,
            validity=self.choice("validity", lookups.validity, Validity.IN_FORCE),
            disclosure_mode=self.choice("disclosure_mode", lookups.disclosure_mode, DisclosureMode.PROACTIVE),
            disclosure_scope=self.choice("disclosure_scope", lookups.disclosure_scope, DisclosureScope.PUBLIC),
            summary=summary,
            keywords=keywords,
            terms=terms,
            audience_ids=audience,
        )
        return None if self.errors else entry_data

    def keywords(self) -> str:
        value = self.data.get("keywords")
        if value is None:
            return ""
        if isinstance(value, str):
            words = _KEYWORD_SEPARATORS.split(clean_inline(value))
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            words = [w for v in value for w in _KEYWORD_SEPARATORS.split(clean_inline(v))]
        else:
            self.error("keywords", "应为字符串或字符串列表 (must be a string or a list of strings)")
            return ""
        joined = " ".join(dict.fromkeys(w for w in words if w))
        if len(joined) > MAX_KEYWORDS:
            self.error("keywords", f"主题词过长：{len(joined)} 字，最多 {MAX_KEYWORDS} (too long)")
        return joined

    def classifications(self) -> tuple[dict[str, int], list[int]]:
        """(entry field -> term id, audience term ids) from ``genre`` and ``classifications``."""
        lookups = self.lookups
        terms: dict[str, int] = {}
        audience: list[int] = []
        wanted: list[tuple[str, str, Any]] = []  # (field label for messages, dimension, value)

        genre = self.string("genre", required=True)
        if genre is not None:
            wanted.append(("genre", Dimension.GENRE, genre))

        raw = self.data.get("classifications")
        if raw is not None and not isinstance(raw, dict):
            self.error("classifications", "应为对象 {维度: 分类} (must be an object: dimension -> term)")
            raw = None
        for key, value in (raw or {}).items():
            label = f"classifications.{field_label(key)}"
            dimension = lookups.dimensions.get(str(key).strip()) or lookups.dimensions.get(str(key).strip().lower())
            if dimension is None:
                allowed = "、".join(lookups.dimensions)
                self.error(label, f"未知分类维度 (unknown dimension); 可用: {allowed}")
                continue
            if value is None or value == "" or value == []:
                continue
            if dimension == Dimension.AUDIENCE:
                values = value if isinstance(value, list) else [value]
                if not all(isinstance(v, str) for v in values):
                    self.error(label, "应为分类名称或名称列表 (must be a name or a list of names)")
                    continue
                wanted.extend((label, dimension, v) for v in values)
            elif isinstance(value, str):
                wanted.append((label, dimension, value))
            else:
                self.error(label, "应为分类名称字符串 (must be a term name)")

        for label, dimension, value in wanted:
            term, why = lookups.term(dimension, value)
            if term is None:
                self.error(label, why)
                continue
            if not term.is_active:
                self.warn(label, f"分类「{term.full_name}」已停用 (term is inactive)")
            if dimension == Dimension.AUDIENCE:
                if term.id not in audience:
                    audience.append(term.id)
                continue
            field_name = next(f for _, (d, f) in DIMENSION_FILTERS.items() if d == dimension)
            if field_name in terms and terms[field_name] != term.id:
                self.error(label, f"与同一维度的另一个分类冲突 (conflicts with another {dimension} term)")
                continue
            terms[field_name] = term.id
        return terms, audience

    def import_key(
        self, publisher_id: int | None, doc_number: str | None, title: str | None, published: datetime.date | None
    ) -> str | None:
        source_id = self.data.get("id")
        if source_id is not None and source_id != "":
            if isinstance(source_id, bool) or not isinstance(source_id, (str, int)):
                self.error("id", "应为字符串或整数 (must be a string or an integer)")
                return None
            source_id = str(source_id).strip()
            if len(source_id) > MAX_ID:
                self.error("id", f"过长：{len(source_id)} 字符，最多 {MAX_ID} (too long)")
                return None
            return ID_PREFIX + source_id
        if publisher_id is None or doc_number is None or not title or published is None:
            return None
        return content_key(self.lookups.org_codes[publisher_id], doc_number, title, published)


def content_key(publisher_code: str, doc_number: str, title: str, published: datetime.date) -> str:
    """The import key of an entry without a source id: sha256 of what identifies it."""
    parts = (publisher_code, normalise_doc_number(doc_number), title, published.isoformat())
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def validate_lines(
    lines: Iterable[bytes | str] | _LineStream, lookups: Lookups | None = None, *, against_database: bool = True
) -> Validation:
    """Check every line; collect all problems; never write.

    ``lines`` is a binary file (read line by line, an over-long line never whole), or any
    iterable of lines. ``against_database`` also looks for entries already stored under
    the same organ + 文号 with another id.
    """
    lookups = lookups or Lookups.from_database()
    result = Validation()
    first_line: dict[str, int] = {}
    clashes = FileClashes()
    for number, text in read_lines(lines):
        result.records += 1
        if isinstance(text, Problem):
            result.errors.append(text)
            continue
        data = parse_line(number, text)
        if isinstance(data, Problem):
            result.errors.append(data)
            continue
        unstorable = unstorable_values(number, data)
        if unstorable:  # checked first: later messages repeat values, which must be printable
            result.errors.extend(unstorable)
            continue
        checker = _LineChecker(number, data, lookups)
        entry = checker.check()
        result.warnings.extend(checker.warnings)
        result.errors.extend(checker.errors)
        if entry is None:
            continue
        earlier = first_line.setdefault(entry.import_key, number)
        if earlier != number:
            name = "id" if entry.import_key.startswith(ID_PREFIX) else "title"
            what = "id 重复" if name == "id" else "发布机构、文号、标题、发布日期均相同"
            result.errors.append(Problem(number, name, f"与第 {earlier} 行重复：{what} (duplicate of line {earlier})"))
            continue
        clash = clashes.check(entry)
        if clash is not None:
            result.errors.append(clash)
            continue
        result.entries.append(entry)
    if against_database:
        result.errors.extend(database_clashes(result.entries))
        result.errors.sort(key=lambda problem: problem.line)  # stable: a line's own order stays
    return result


def publication_problems(entries: Iterable[EntryData]) -> list[Problem]:
    """With --publish: only 主动公开 entries may go live (the others stay unpublished by law)."""
    return [
        Problem(e.line, "disclosure_mode", "只有主动公开的条目可以发布 (only 主动公开 entries can be published)")
        for e in entries
        if e.disclosure_mode != DisclosureMode.PROACTIVE
    ]
