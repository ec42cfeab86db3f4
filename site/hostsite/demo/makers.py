"""Turn the demo specs into unsaved page instances; the builder adds and publishes them.

Kept apart from the builder so that the builder holds only tree, idempotency and publishing
logic, and these functions only map data onto model fields.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from typing import Any

from django.core.management.base import CommandError
from django.utils.html import escape
from wagtail.documents.models import Document

from disclosure_pages.models import (
    AnnualReportPage,
    CatalogEntryAttachment,
    CatalogEntryPage,
    CatalogIndexPage,
    ClassificationTerm,
    DisclosureArticlePage,
    GuidePage,
    Organisation,
    PolicyInterpretationPage,
    PolicyLink,
    ReadingRoom,
    TopicPage,
)
from disclosure_pages.moderation.models import Source
from disclosure_pages.moderation.review import record_legacy_approval

from .guide import READING_ROOMS, guide_fields
from .spec import ArticleSpec, AttachmentSpec, EntrySpec, InterpretationSpec, ReportSpec, TopicSpec

Blocks = list[dict[str, Any]]


def publish_revision(revision: Any, comment: str = "演示数据") -> None:
    """Publish ``revision`` after recording an approved confidentiality review (source 演示数据)
    of exactly its content, so that the publication passes the same guard as any other."""
    record_legacy_approval(revision, None, source=Source.DEMO, comment=comment)
    revision.publish()


def date(value: str) -> datetime.date:
    return datetime.date.fromisoformat(value)


def body_blocks(items: Iterable[str | tuple[str, str]]) -> Blocks:
    """StreamField JSON for prose: plain strings become paragraphs, ``("h", text)`` a heading,
    strings starting with ``<`` are taken as ready-made rich text (lists)."""
    blocks: Blocks = []
    for item in items:
        if isinstance(item, tuple):
            blocks.append({"type": "heading", "value": {"text": item[1], "level": "h2"}})
        elif item.startswith("<"):
            blocks.append({"type": "paragraph", "value": item})
        else:
            blocks.append({"type": "paragraph", "value": f"<p>{escape(item)}</p>"})
    return blocks


class TermIndex:
    """Classification terms by (dimension, name); 主题分类 names are written ``一级/二级``."""

    def __init__(self) -> None:
        self._terms: dict[tuple[str, str], ClassificationTerm] = {}
        for term in ClassificationTerm.objects.select_related("parent"):
            name = f"{term.parent.name}/{term.name}" if term.parent_id else term.name
            self._terms[(term.dimension, name)] = term

    def get(self, dimension: str, name: str) -> ClassificationTerm:
        try:
            return self._terms[(dimension, name)]
        except KeyError:
            raise CommandError(f"Demo data names an unknown {dimension} term: {name!r}") from None

    def optional(self, dimension: str, name: str) -> ClassificationTerm | None:
        return self.get(dimension, name) if name else None


def entry_page(
    spec: EntrySpec,
    orgs: dict[str, Organisation],
    terms: TermIndex,
    document_for: Callable[[AttachmentSpec], Document],
) -> CatalogEntryPage:
    page = CatalogEntryPage(
        title=spec.title,
        publisher=orgs[spec.publisher],
        doc_number=spec.doc,
        written_date=date(spec.written),
        publish_date=date(spec.published),
        validity=spec.validity,
        keywords=spec.keywords,
        summary=spec.summary,
        body=body_blocks(spec.body),
        assembled_category=terms.optional("assembled", spec.assembled),
        topic_category=terms.optional("topic", spec.topic),
        lifecycle_category=terms.optional("lifecycle", spec.lifecycle),
        genre_category=terms.optional("genre", spec.genre),
        format_category=terms.optional("format", spec.fmt),
    )
    page.audience_categories = [terms.get("audience", name) for name in spec.audience]
    page.attachments = [
        CatalogEntryAttachment(document=document_for(attachment), title=attachment.title)
        for attachment in spec.attachments
    ]
    return page


def article_page(spec: ArticleSpec) -> DisclosureArticlePage:
    return DisclosureArticlePage(
        title=spec.title,
        publish_date=date(spec.published),
        source=spec.source,
        doc_number=spec.doc,
        body=body_blocks(spec.body),
    )


def guide_page(guide: dict[str, Any]) -> GuidePage:
    page = GuidePage(**guide_fields(guide))
    page.reading_rooms = [ReadingRoom(**room) for room in READING_ROOMS]
    return page


def interpretation_page(
    spec: InterpretationSpec, orgs: dict[str, Organisation], entries: dict[str, CatalogEntryPage]
) -> PolicyInterpretationPage:
    body = body_blocks(spec.body)
    if spec.table:
        body.append({
            "type": "table",
            "value": {
                "data": [list(row) for row in spec.table],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": spec.title,
            },
        })
    page = PolicyInterpretationPage(
        title=spec.title,
        form=spec.form,
        interpreting_organ=orgs[spec.organ],
        interpreter=spec.interpreter,
        publish_date=date(spec.published),
        summary=spec.summary,
        body=body,
        questions=[{"type": "qa", "value": {"question": q, "answer": a}} for q, a in spec.questions],
    )
    try:
        page.policy_links = [PolicyLink(policy=entries[slug]) for slug in spec.policies]
    except KeyError as exc:
        raise CommandError(f"Interpretation {spec.slug} names an unknown catalog entry {exc}") from None
    return page


def report_page(spec: ReportSpec, orgs: dict[str, Organisation]) -> AnnualReportPage:
    page = AnnualReportPage(
        title=spec.title,
        organisation=orgs[spec.organisation],
        year=spec.year,
        publish_date=date(spec.published),
        format_version=spec.format_version,
        statistics=dict(spec.statistics),
    )
    for name, text in zip(AnnualReportPage.SECTION_FIELDS, spec.sections, strict=True):
        setattr(page, name, text)
    return page


def topic_page(spec: TopicSpec, terms: TermIndex, catalog: CatalogIndexPage) -> TopicPage:
    page = TopicPage(title=spec.title, intro=spec.intro, catalog=catalog)
    page.terms = [terms.get(dimension, name) for dimension, name in spec.terms]
    return page
