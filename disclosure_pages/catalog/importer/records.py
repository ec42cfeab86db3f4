"""What an import keeps and reports: limits, import keys and result records."""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.rich_text import RichText

from ...taxonomy.models import ClassificationTerm
from ..models import (
    CatalogEntryPage,
    DisclosureMode,
    DisclosureScope,
    Validity,
    normalise_doc_number,
)


def _model_limit(name: str) -> int:
    return CatalogEntryPage._meta.get_field(name).max_length


# Limits of the model's own columns, so that a change to the model moves the import with it.
MAX_TITLE = _model_limit("title")
MAX_DOC_NUMBER = _model_limit("doc_number")
MAX_KEYWORDS = _model_limit("keywords")
MAX_SUMMARY = _model_limit("summary")
MAX_KEY = _model_limit("import_key")
# Bounds without a model column to take them from: the body is a StreamField, and a line
# holds a whole entry (a 200,000-character body escaped as \uXXXX is 1.2 MB).
MAX_BODY = 200_000
MAX_LINE_BYTES = 2 * 1024 * 1024
MAX_SHOWN = 80  # characters of an input value repeated in a message
ID_PREFIX = "id:"
MAX_ID = MAX_KEY - len(ID_PREFIX)
SLUG_PREFIX = "entry-"


def shown(value: str, limit: int = MAX_SHOWN) -> str:
    """``value`` for a message: cut to ``limit`` characters so a huge value cannot flood it."""
    if len(value) <= limit:
        return value
    return _("%(start)s…（共 %(count)d 字）") % {"start": value[:limit], "count": len(value)}


def content_key(publisher_code: str, doc_number: str, title: str, published: datetime.date) -> str:
    """The import key of an entry without a source id: sha256 of what identifies it."""
    parts = (publisher_code, normalise_doc_number(doc_number), title, published.isoformat())
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


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

    entries: list[EntryData] = field(default_factory=list)  # unless checked with keep_entries=False
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    records: int = 0  # non-blank lines read
    valid: int = 0  # entries that passed every check

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
