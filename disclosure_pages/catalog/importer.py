"""Bulk import of catalog entries from JSON Lines (one entry per line).

Two steps, kept apart so that the management command, tests and a later admin view
share them:

1. :func:`validate_lines` reads the lines (streamed), checks every one against the
   database's organisations and terms (loaded once into :class:`Lookups`) and returns a
   :class:`Validation`: the entries ready to write plus every error and warning as
   ``line N: field: message``. Nothing is written.
2. :func:`write_entries` creates the entries under a catalog inside one transaction,
   skipping those whose ``import_key`` is already present.

Policy: all or nothing. A file with any error is not imported at all, so that a
corrected file can simply be imported again; re-importing is safe because entries are
recognised by their import key (``id:<source id>`` or a hash of publisher code,
normalised 文号, title and 发布日期).
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import translation
from django.utils.html import escape
from wagtail.rich_text import RichText

from ..cleaning import clean_inline, clean_text, text_to_paragraphs
from ..taxonomy.models import ClassificationTerm, Dimension, Organisation
from .listing import DIMENSION_FILTERS
from .models import (
    CatalogEntryPage,
    CatalogIndexPage,
    DisclosureMode,
    DisclosureScope,
    Validity,
    normalise_doc_number,
)

REQUIRED_FIELDS = ("title", "body", "published", "publisher", "genre", "doc_number")
OPTIONAL_FIELDS = (
    "id", "written", "validity", "disclosure_mode", "disclosure_scope", "summary", "keywords", "classifications",
)
KNOWN_FIELDS = frozenset(REQUIRED_FIELDS + OPTIONAL_FIELDS)

# Limits of the model fields (Page.title, doc_number, keywords, summary, import_key).
MAX_TITLE, MAX_DOC_NUMBER, MAX_KEYWORDS, MAX_SUMMARY, MAX_KEY = 255, 100, 200, 300, 64
ID_PREFIX = "id:"
MAX_ID = MAX_KEY - len(ID_PREFIX)
SLUG_PREFIX = "entry-"

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_KEYWORD_SEPARATORS = re.compile(r"[\s,，;；、]+")
_TOPIC_SEPARATOR = re.compile(r"\s*[\\＼/／]\s*")
_BOM = "\ufeff"
# An unpaired ***marker*** at either end of a 文号 (two asterisks may be a redaction: **政发).
_STRAY_MARKERS = re.compile(r"^\*{3,}|\*{3,}$")

# Values seen on real portals for the same choices (有效 on gov.cn mirrors, §2.2).
_VALIDITY_ALIASES = {"有效": Validity.IN_FORCE, "失效": Validity.EXPIRED, "废止": Validity.REPEALED}


class ImportSetupError(Exception):
    """The import cannot start (no catalog, unknown reviewer, …); nothing was written."""


@dataclass(frozen=True)
class Problem:
    """One finding about one line; ``str()`` gives ``line N: field: message``."""

    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.field}: {self.message}"


@dataclass
class EntryData:
    """A validated entry: plain values and database ids, ready to become a page."""

    line: int
    import_key: str
    title: str
    paragraphs: list[str]
    publish_date: datetime.date
    publisher_id: int
    doc_number: str
    written_date: datetime.date | None = None
    validity: str = Validity.IN_FORCE
    disclosure_mode: str = DisclosureMode.PROACTIVE
    disclosure_scope: str = DisclosureScope.PUBLIC
    summary: str = ""
    keywords: str = ""
    terms: dict[str, int] = field(default_factory=dict)  # entry field name -> term id
    audience_ids: list[int] = field(default_factory=list)

    @property
    def slug(self) -> str:
        """Stable and ASCII, so that Chinese titles do not give empty or unstable URLs."""
        return SLUG_PREFIX + hashlib.sha256(self.import_key.encode()).hexdigest()[:12]

    def body_blocks(self) -> list[tuple[str, RichText]]:
        return [("paragraph", RichText(f"<p>{escape(text)}</p>")) for text in self.paragraphs]

    def build_page(
        self, slug: str | None = None, audience_terms: dict[int, ClassificationTerm] | None = None
    ) -> CatalogEntryPage:
        """An unsaved, not live page; add it to the tree with ``parent.add_child``.

        ``audience_terms`` maps ids to terms (loaded once per import): an unsaved page's
        many-to-many field takes objects, not ids.
        """
        page = CatalogEntryPage(
            title=self.title,
            slug=slug or self.slug,
            live=False,
            import_key=self.import_key,
            publisher_id=self.publisher_id,
            doc_number=self.doc_number,
            written_date=self.written_date,
            publish_date=self.publish_date,
            validity=self.validity,
            disclosure_mode=self.disclosure_mode,
            disclosure_scope=self.disclosure_scope,
            keywords=self.keywords,
            summary=self.summary,
            body=self.body_blocks(),
            **{f"{name}_id": term_id for name, term_id in self.terms.items()},
        )
        if self.audience_ids:
            if audience_terms is None:
                audience_terms = ClassificationTerm.objects.in_bulk(self.audience_ids)
            page.audience_categories.set([audience_terms[i] for i in self.audience_ids])
        return page


@dataclass
class Validation:
    """The result of reading a whole file: entries to write, errors, warnings."""

    entries: list[EntryData] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    records: int = 0  # non-blank lines read

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class ImportResult:
    created: int = 0
    skipped: int = 0
    page_ids: list[int] = field(default_factory=list)

    def summary(self) -> str:
        return f"created {self.created}, skipped {self.skipped} (already imported)"


# --- lookups ------------------------------------------------------------------------------


def _untranslated(label: Any) -> str:
    """A choice label as written in the code (the Chinese msgid), whatever the language."""
    with translation.override(None):
        return str(label)


def _choice_map(choices: Any, aliases: dict[str, str] | None = None) -> dict[str, str]:
    mapping = {**(aliases or {})}
    for value, label in choices.choices:
        mapping[value] = value
        mapping[_untranslated(label)] = value
    return mapping


@dataclass
class _Term:
    id: int
    full_name: str
    is_active: bool
    has_children: bool


class Lookups:
    """Organisations, terms and choices, read from the database once per import."""

    def __init__(self, organisations: Iterable[Organisation], terms: Iterable[ClassificationTerm]) -> None:
        organisations = list(organisations)
        self.organisations: dict[str, int] = {}
        self.short_names: dict[str, str] = {}
        for org in organisations:
            self.organisations[org.name] = org.pk
            self.organisations[org.code.upper()] = org.pk
            self.organisations[org.code.upper().replace("-", "")] = org.pk
            if org.short_name:
                self.short_names[org.short_name] = org.name
        self.org_codes = {org.pk: org.code for org in organisations}

        terms = list(terms)
        parents = {t.parent_id for t in terms if t.parent_id}
        names = {t.pk: t.name for t in terms}
        # dimension -> name or 一级\二级 -> candidates
        self.terms: dict[str, dict[str, list[_Term]]] = {d: {} for d in Dimension.values}
        for t in terms:
            full = f"{names[t.parent_id]}\\{t.name}" if t.parent_id else t.name
            info = _Term(t.pk, full, t.is_active, t.pk in parents)
            by_name = self.terms.setdefault(t.dimension, {})
            by_name.setdefault(t.name, []).append(info)
            if t.parent_id:
                by_name.setdefault(full, []).append(info)

        self.dimensions: dict[str, str] = {}
        for value, label in Dimension.choices:
            self.dimensions[value] = value
            self.dimensions[_untranslated(label)] = value
        self.validity = _choice_map(Validity, _VALIDITY_ALIASES)
        self.disclosure_mode = _choice_map(DisclosureMode)
        self.disclosure_scope = _choice_map(DisclosureScope)

    @classmethod
    def from_database(cls) -> Lookups:
        return cls(
            list(Organisation.objects.only("pk", "name", "code", "short_name")),
            ClassificationTerm.objects.only("pk", "dimension", "name", "parent_id", "is_active"),
        )

    def organisation(self, value: str) -> int | None:
        value = clean_inline(value)
        return self.organisations.get(value) or self.organisations.get(value.upper().replace("-", ""))

    def term(self, dimension: str, value: str) -> tuple[_Term | None, str]:
        """The term named ``value`` in ``dimension``, or None and why not."""
        name = clean_inline(value)
        if dimension == Dimension.TOPIC:  # gov.cn writes 一级\二级; "/" spares JSON escaping
            name = _TOPIC_SEPARATOR.sub(lambda _: "\\", name)
        candidates = self.terms.get(dimension, {}).get(name, [])
        if dimension == Dimension.TOPIC and len(candidates) > 1:
            candidates = [c for c in candidates if not c.has_children] or candidates
        if len(candidates) == 1:
            term = candidates[0]
            if dimension == Dimension.TOPIC and term.has_children:
                return None, f"请选择到二级主题分类 (choose a second-level topic), e.g. {name}\\…"
            return term, ""
        if candidates:
            options = "、".join(sorted(c.full_name for c in candidates))
            return None, f"「{name}」不唯一，请写全称 (ambiguous; write 一级\\二级): {options}"
        return None, f"未找到分类「{name}」(no such term)"


# --- reading and checking -----------------------------------------------------------------


def read_lines(lines: Iterable[bytes | str]) -> Iterator[tuple[int, str | Problem]]:
    """(line number, text) for each non-blank line, or a Problem for undecodable bytes."""
    for number, raw in enumerate(lines, start=1):
        if isinstance(raw, bytes):
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield number, Problem(number, "json", f"不是 UTF-8 编码 (not UTF-8: {exc.reason} at byte {exc.start})")
                continue
        else:
            text = raw
        if number == 1:
            text = text.removeprefix(_BOM)
        if text.strip():
            yield number, text


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
            self.error(name, f"「{value}」不是 YYYY-MM-DD 格式 (expected YYYY-MM-DD)")
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
            self.error(name, f"未知取值「{value}」(unknown value); 可用: {allowed}")
            return default
        return key

    def check(self) -> EntryData | None:
        data, lookups = self.data, self.lookups
        for name in data:
            if name not in KNOWN_FIELDS:
                self.warn(name, "未知字段，已忽略 (unknown field, ignored)")

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
                self.error("publisher", f"未找到发布机构「{publisher}」(no organisation with this name or code){hint}")

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
            label = f"classifications.{key}"
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


def validate_lines(lines: Iterable[bytes | str], lookups: Lookups | None = None) -> Validation:
    """Check every line; collect all problems; never write."""
    lookups = lookups or Lookups.from_database()
    result = Validation()
    first_line: dict[str, int] = {}
    for number, text in read_lines(lines):
        result.records += 1
        if isinstance(text, Problem):
            result.errors.append(text)
            continue
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            result.errors.append(Problem(number, "json", f"JSON 格式错误 (invalid JSON): {exc.msg}, column {exc.colno}"))
            continue
        if not isinstance(data, dict):
            result.errors.append(Problem(number, "json", f"每行应为一个 JSON 对象，实为 {type(data).__name__} (not an object)"))
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
        result.entries.append(entry)
    return result


# --- setup -------------------------------------------------------------------------------------


def resolve_catalog(spec: str | int | None = None) -> CatalogIndexPage:
    """The catalog to import into: by id, by URL path, or the only one there is."""
    catalogs = CatalogIndexPage.objects.all()
    if spec is None or spec == "":
        found = list(catalogs[:2])
        if len(found) == 1:
            return found[0]
        if not found:
            raise ImportSetupError("没有政府信息公开目录页 (no CatalogIndexPage); create one first")
        listing = "; ".join(f"{c.pk} {c.url_path}" for c in catalogs.order_by("path"))
        raise ImportSetupError(f"有多个目录页，请用 --catalog 指定 (several catalogs; pass --catalog): {listing}")
    spec = str(spec).strip()
    if spec.isdigit():
        catalog = catalogs.filter(pk=int(spec)).first()
    else:
        wanted = spec.strip("/")
        catalog = next(
            (
                c
                for c in catalogs
                if wanted in {c.url_path.strip("/"), (c.get_url_parts() or (None, None, ""))[2].strip("/")}
            ),
            None,
        )
    if catalog is None:
        raise ImportSetupError(f"找不到目录页「{spec}」(no CatalogIndexPage with this id or URL path)")
    return catalog


def resolve_reviewer(username: str, catalog: CatalogIndexPage):
    """The active user who reviewed the entries and may publish them under ``catalog``.

    Checked before anything is written: Wagtail refuses to publish for a user without
    publish permission, which would otherwise abort the import half-way.
    """
    user_model = get_user_model()
    user = user_model._default_manager.filter(**{user_model.USERNAME_FIELD: username}).first()
    if user is None:
        raise ImportSetupError(f"用户「{username}」不存在 (no such user)")
    if not user.is_active:
        raise ImportSetupError(f"用户「{username}」已停用 (user is not active)")
    if not catalog.permissions_for_user(user).can_publish_subpage():
        raise ImportSetupError(
            f"用户「{username}」无权在「{catalog.title}」下发布 (no publish permission under this catalog)"
        )
    return user


# --- writing --------------------------------------------------------------------------------------


def existing_import_keys(keys: Iterable[str], chunk: int = 500) -> set[str]:
    """Which of ``keys`` are already used by an entry (in chunks: SQLite's variable limit)."""
    keys = list(keys)
    found: set[str] = set()
    for start in range(0, len(keys), chunk):
        found.update(
            CatalogEntryPage.objects.filter(import_key__in=keys[start : start + chunk]).values_list(
                "import_key", flat=True
            )
        )
    return found


def publish_entry(page: CatalogEntryPage, reviewer) -> None:
    """Publish one imported entry on the reviewer's authority (assigns its 索引号).

    The single place where imported entries go live, so that the confidentiality
    review (保密审查) record can be added here.
    """
    page.save_revision(user=reviewer).publish(user=reviewer)


def save_draft(page: CatalogEntryPage) -> None:
    page.save_revision()


def write_entries(
    entries: list[EntryData],
    catalog: CatalogIndexPage,
    *,
    reviewer=None,
    on_entry: Callable[[EntryData, bool], None] | None = None,
) -> ImportResult:
    """Create the entries under ``catalog`` in one transaction; skip already imported ones.

    With a ``reviewer`` each entry is published, otherwise saved as a draft.
    ``on_entry(entry, created)`` is called after each entry (progress bars).
    """
    result = ImportResult()
    with transaction.atomic():
        catalog = CatalogIndexPage.objects.get(pk=catalog.pk)  # fresh tree fields
        existing = existing_import_keys(e.import_key for e in entries)
        slugs = set(catalog.get_children().values_list("slug", flat=True))
        audience_terms = ClassificationTerm.objects.in_bulk({i for e in entries for i in e.audience_ids})
        for entry in entries:
            created = entry.import_key not in existing
            if not created:
                result.skipped += 1
            else:
                page = entry.build_page(_free_slug(entry, slugs), audience_terms)
                catalog.add_child(instance=page)
                if reviewer is not None:
                    publish_entry(page, reviewer)
                else:
                    save_draft(page)
                existing.add(entry.import_key)
                result.created += 1
                result.page_ids.append(page.pk)
            if on_entry is not None:
                on_entry(entry, created)
    return result


def _free_slug(entry: EntryData, taken: set[str]) -> str:
    digest = hashlib.sha256(entry.import_key.encode()).hexdigest()
    for length in range(12, 65, 4):
        slug = SLUG_PREFIX + digest[:length]
        if slug not in taken:
            taken.add(slug)
            return slug
    raise RuntimeError(f"no free slug for {entry.import_key}")  # pragma: no cover
