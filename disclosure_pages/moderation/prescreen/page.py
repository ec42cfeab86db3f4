"""Pre-screening of a whole page: the text of its content (as the index reads it) and its attachments."""

from __future__ import annotations

import dataclasses

from wagtail.documents import get_document_model

from ..fingerprint import content_texts, document_ids
from .attachments import describe_unreadable, extract_text
from .scan import scan_fields


@dataclasses.dataclass(frozen=True)
class PageFinding:
    kind: str
    label: str
    field: str
    excerpt: str
    context: str

    def as_dict(self) -> dict[str, str]:
        return dataclasses.asdict(self)


def attached_documents(page) -> list:
    ids = document_ids(page)
    return list(get_document_model().objects.filter(pk__in=ids)) if ids else []


def findings_for(page) -> list[PageFinding]:
    """Warnings for the reviewer; unreadable attachments are listed so they are checked by hand."""
    texts = content_texts(page)
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
