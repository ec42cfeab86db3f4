"""Pre-screening of a whole page: its text fields, StreamField blocks and attachments."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from django.db import models
from django.utils.html import strip_tags
from wagtail.fields import RichTextField, StreamField

from .fingerprint import NON_CONTENT_FIELDS, _document_ids, content_of


@dataclasses.dataclass(frozen=True)
class PageFinding:
    kind: str
    label: str
    field: str
    excerpt: str
    context: str

    def as_dict(self) -> dict[str, str]:
        return dataclasses.asdict(self)


def page_texts(page) -> Iterator[tuple[str, str]]:
    """(field label, plain text) for every text the page would show."""
    for field in page._meta.concrete_fields:
        if field.name in NON_CONTENT_FIELDS or field.attname.endswith("_id"):
            continue
        value = getattr(page, field.attname, None)
        if not value:
            continue
        label = str(field.verbose_name)
        if isinstance(field, StreamField):
            yield label, "\n".join(str(s) for s in field.get_searchable_content(value))
        elif isinstance(field, RichTextField):
            yield label, strip_tags(str(value))
        elif isinstance(field, (models.CharField, models.TextField)):
            yield label, str(value)


def attached_documents(page) -> list:
    from wagtail.documents import get_document_model

    ids: set[int] = set()
    _document_ids(content_of(page), ids)
    return list(get_document_model().objects.filter(pk__in=ids)) if ids else []


def findings_for(page) -> list[PageFinding]:
    """Warnings for the reviewer; unreadable attachments are listed so they are checked by hand."""
    from .extract import describe_unreadable, extract_text
    from .prescreen import scan_fields

    texts = list(page_texts(page))
    unreadable: list[PageFinding] = []
    for document in attached_documents(page):
        text = extract_text(document)
        if text is None:
            name = f"附件：{document.title}"
            unreadable.append(PageFinding("unreadable", str(describe_unreadable(document)), name, "", ""))
        else:
            texts.append((f"附件：{document.title}", text))
    found = [
        PageFinding(f.kind, str(f.label), f.field, f.excerpt, f.context) for f in scan_fields(texts)
    ]
    return found + unreadable
