"""Reading the public HTML in tests: fetch a page, squash whitespace, check table headers."""

from __future__ import annotations

import re
from html.parser import HTMLParser


def html_of(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response.content.decode()


def squash(html: str) -> str:
    """The HTML with whitespace runs collapsed, so assertions can ignore template indentation."""
    return re.sub(r"\s+", " ", html)


class TableHeaders(HTMLParser):
    """Collects ids (failing on duplicates) and td headers references, to check that every reference resolves."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.references: list[str] = []
        self.cells: list[tuple[str, str]] = []  # (headers, text)
        self._in_td: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            assert attributes["id"] not in self.ids, f"duplicate id {attributes['id']}"
            self.ids.add(attributes["id"] or "")
        if tag == "td" and attributes.get("headers"):
            self._in_td = attributes["headers"] or ""
            self._text = []
            self.references += (attributes["headers"] or "").split()

    def handle_data(self, data: str) -> None:
        if self._in_td is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "td" and self._in_td is not None:
            self.cells.append((self._in_td, "".join(self._text).strip()))
            self._in_td = None
