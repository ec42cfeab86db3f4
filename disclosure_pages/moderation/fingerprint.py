"""What a review covers: the content a citizen would see, its text, its files and its fingerprint.

The fingerprint, so that an approval fits exactly that content, is built from the page's
serialisable data (the same data a revision stores) minus what is not content (tree
position, URL slug, publication bookkeeping, locks, comments, and the fields a page type
declares in ``non_content_fields``, such as the 索引号 assigned at publication), plus the
file hashes of the documents the page attaches or links from rich text, so that replacing
such a file invalidates the approval too. The text the reviewer reads (pre-screen, diff)
is the same fields' text, from the one walker of a page's text (``page_text``).
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from modelcluster.models import get_all_child_relations
from wagtail.documents import get_document_model

from ..memo import PassMemo
from ..page_text import page_text

# Fields of Wagtail's page models that say where or when a page is, not what it says.
NON_CONTENT_FIELDS = frozenset(
    {
        "pk", "id", "page_ptr", "path", "depth", "numchild", "url_path", "slug", "content_type",
        "live", "has_unpublished_changes", "first_published_at", "last_published_at", "live_revision",
        "latest_revision", "latest_revision_created_at", "draft_title", "owner", "locked", "locked_at",
        "locked_by", "expired", "go_live_at", "expire_at", "alias_of", "translation_key", "locale",
        "show_in_menus", "wagtail_admin_comments", "comments",
    }
)
DOCUMENT_BLOCK_TYPES = frozenset({"document"})
# Draftail's per-paragraph keys change whenever rich text passes through the editor;
# they never change what is shown.
BLOCK_KEY = re.compile(r' data-block-key=(?:\\"|")[^"\\]*(?:\\"|")')
# Rich text stores links to documents as <a linktype="document" id="N">, in any attribute
# order; inside a StreamField's JSON the quotes are escaped.
A_TAG = re.compile(r"<a\b([^>]*)>")
DOCUMENT_LINKTYPE = re.compile(r'(?:^|\s)linktype=\\?"document\\?"')
LINK_ID = re.compile(r'(?:^|\s)id=\\?"(\d+)\\?"')


def _without_editor_keys(value: Any) -> Any:
    if isinstance(value, str):
        return BLOCK_KEY.sub("", value) if "data-block-key" in value else value
    if isinstance(value, dict):
        return {k: _without_editor_keys(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_editor_keys(v) for v in value]
    return value


def _strip_children(page, content: dict[str, Any]) -> None:
    """Child rows keep their order and fields, not their ids or parent key."""
    for relation in get_all_child_relations(page):
        name = relation.get_accessor_name()
        parent_key = relation.field.name
        rows = content.get(name)
        if isinstance(rows, list):
            content[name] = [
                {k: v for k, v in row.items() if k not in {"pk", "id", parent_key}} for row in rows
            ]


def _linked_document_ids(text: str, found: set[int]) -> None:
    for attributes in A_TAG.findall(text):
        if DOCUMENT_LINKTYPE.search(attributes) and (match := LINK_ID.search(attributes)):
            found.add(int(match.group(1)))


def _document_ids(value: Any, found: set[int]) -> None:
    """Ids of documents in attachment rows, StreamField document blocks and rich-text links."""
    if isinstance(value, dict):
        if value.get("type") in DOCUMENT_BLOCK_TYPES and isinstance(value.get("value"), int):
            found.add(value["value"])
        if isinstance(value.get("document"), int):
            found.add(value["document"])
        for item in value.values():
            _document_ids(item, found)
    elif isinstance(value, list):
        for item in value:
            _document_ids(item, found)
    elif isinstance(value, str):
        if value[:1] in "[{" and '"document"' in value:
            try:
                _document_ids(json.loads(value), found)
            except ValueError:
                pass
        if "linktype=" in value:
            _linked_document_ids(value, found)


def document_ids(page) -> set[int]:
    """Ids of every document ``page``'s content shows or links to (what a review covers)."""
    found: set[int] = set()
    _document_ids(content_of(page), found)
    return found


def non_content_fields(page) -> frozenset[str]:
    """Wagtail's non-content fields and those the page type declares (``non_content_fields``)."""
    return NON_CONTENT_FIELDS.union(getattr(page, "non_content_fields", ()))


def content_texts(page) -> list[tuple[str, str]]:
    """(field label, plain text) for every text of the page's content, as the index reads it."""
    excluded = non_content_fields(page)
    return [(field.label, field.text) for field in page_text(page).fields if field.name not in excluded]


def content_of(page) -> dict[str, Any]:
    """The page's content as a review covers it (callers must not change the dict returned).

    Within :func:`content_pass` each page object's content is read once: a bulk publication
    reads it for the fingerprint, the pre-screen's attachments and the files it records, and
    each reading copied and walked the page's serialised data (a tenth of an import's time).
    Only for pages whose content cannot change inside the pass.
    """
    return _contents(page)


def _content_of(page) -> dict[str, Any]:
    content = page.serializable_data()
    _strip_children(page, content)
    excluded = non_content_fields(page)
    content = {k: _without_editor_keys(v) for k, v in content.items() if k not in excluded}
    normalise = getattr(page, "fingerprint_content", None)
    return normalise(content) if normalise is not None else content


def content_fingerprint(page) -> str:
    content = content_of(page)
    ids: set[int] = set()
    _document_ids(content, ids)
    documents = sorted(
        get_document_model().objects.filter(pk__in=ids).values_list("pk", "title", "file", "file_hash")
    ) if ids else []
    payload = json.dumps(
        {"content": content, "documents": [list(d) for d in documents]},
        sort_keys=True,
        ensure_ascii=False,
        default=str,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


_contents: PassMemo[dict[str, Any]] = PassMemo(_content_of)
content_pass = _contents.active
