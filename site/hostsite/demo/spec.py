"""The shapes of the demo data, so that data modules stay declarative and typo-checked.

Data modules refer to organisations by a short key (see ``organisations.ORGANISATIONS``) and to
classification terms by name; the builder resolves both and fails loudly on an unknown name.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class OrganisationSpec:
    key: str
    name: str
    code: str
    short_name: str = ""
    address: str = ""
    phone: str = ""
    website: str = ""


@dataclass(frozen=True)
class AttachmentSpec:
    """A small text file generated at load time (no binary blobs in the repository)."""

    title: str
    filename: str
    content: str


@dataclass(frozen=True)
class EntrySpec:
    """One catalog entry. ``topic`` is ``一级/二级``; dates are ISO strings."""

    slug: str
    title: str
    publisher: str
    written: str
    published: str
    summary: str
    body: tuple[str, ...]
    doc: str = ""
    validity: str = "in_force"
    assembled: str = ""
    topic: str = ""
    audience: tuple[str, ...] = ()
    lifecycle: str = ""
    genre: str = ""
    fmt: str = "HTML"
    keywords: str = ""
    attachments: tuple[AttachmentSpec, ...] = ()


@dataclass(frozen=True)
class ArticleSpec:
    """A prose page (制度 text). ``body`` items are paragraphs; ``("h", text)`` is a heading."""

    slug: str
    title: str
    published: str
    source: str
    body: tuple[str | tuple[str, str], ...]
    doc: str = ""


@dataclass(frozen=True)
class InterpretationSpec:
    slug: str
    title: str
    form: str
    organ: str
    published: str
    summary: str
    policies: tuple[str, ...]
    body: tuple[str | tuple[str, str], ...] = ()
    questions: tuple[tuple[str, str], ...] = ()
    interpreter: str = ""
    table: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class ReportSpec:
    """An annual report; ``sections`` holds the six sections' rich text in order."""

    slug: str
    title: str
    organisation: str
    year: int
    published: str
    format_version: str
    sections: tuple[str, str, str, str, str, str]
    statistics: dict = field(default_factory=dict)


@dataclass(frozen=True)
class TopicSpec:
    """A 重点领域 page; ``terms`` are (dimension, name) pairs, topics written ``一级/二级``."""

    slug: str
    title: str
    intro: str
    terms: tuple[tuple[str, str], ...]
