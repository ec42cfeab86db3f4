"""Text out of zip-container office files (.docx, .xlsx, .odt), refusing zip bombs and DTDs."""

from __future__ import annotations

import io
import logging
import re
import zipfile
from xml.etree import ElementTree

import openpyxl

logger = logging.getLogger(__name__)

MAX_UNCOMPRESSED_BYTES = 20 * 1024 * 1024
MAX_ROWS = 100_000

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TEXT_NS = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
# Parts of a .docx whose text is published with the file: body, headers and footers
# (where 密级 marks often sit), foot/endnotes and comments.
_DOCX_PARTS = re.compile(r"word/(document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml")
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)


class Unreadable(Exception):
    """The file is well-formed enough to open but is refused (too large, DOCTYPE, …)."""


def _open_zip(data: bytes) -> zipfile.ZipFile:
    """Open a zip container after checking how much its members really inflate to.

    The sizes in the zip directory can lie, so every member is decompressed in chunks
    and counted; the total may not exceed :data:`MAX_UNCOMPRESSED_BYTES`.
    """
    archive = zipfile.ZipFile(io.BytesIO(data))
    total = 0
    for info in archive.infolist():
        total += info.file_size
        if total > MAX_UNCOMPRESSED_BYTES:
            raise Unreadable("zip members too large")
    total = 0
    for info in archive.infolist():
        with archive.open(info) as member:
            while chunk := member.read(1024 * 1024):
                total += len(chunk)
                if total > MAX_UNCOMPRESSED_BYTES:
                    raise Unreadable("zip members inflate too much")
    return archive


def _parse_xml(data: bytes) -> ElementTree.Element:
    # Office XML never needs a DTD; refusing one rules out entity-expansion tricks.
    if _DOCTYPE.search(data):
        raise Unreadable("XML with a DOCTYPE")
    return ElementTree.fromstring(data)


def _docx_part_text(root: ElementTree.Element) -> str:
    # One pass in document order: a paragraph inside a text box is itself inside a
    # paragraph, so collecting per <w:p> would repeat its text.
    parts: list[str] = []
    for element in root.iter():
        tag = element.tag
        if tag == f"{_W}p":
            parts.append("\n")
        # delText (tracked deletions) is still in the published file, so it is scanned.
        elif tag in (f"{_W}t", f"{_W}delText", f"{_W}instrText"):
            parts.append(element.text or "")
        elif tag == f"{_W}tab":
            parts.append("\t")
        elif tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
    return "".join(parts)


def _part_order(name: str) -> tuple[int, str]:
    """Headers first (a 密级 mark belongs at the top), then the body, then the rest."""
    if name.startswith("word/header"):
        return 0, name
    return (1 if name == "word/document.xml" else 2), name


def read_docx(data: bytes) -> str:
    with _open_zip(data) as archive:
        names = sorted((n for n in archive.namelist() if _DOCX_PARTS.fullmatch(n)), key=_part_order)
        if "word/document.xml" not in names:
            raise Unreadable("no word/document.xml")
        texts = [_docx_part_text(_parse_xml(archive.read(name))) for name in names]
    return "\n".join(text.strip("\n") for text in texts if text.strip())


def _odt_text(element: ElementTree.Element, parts: list[str]) -> None:
    tag = element.tag
    if tag in (f"{_TEXT_NS}p", f"{_TEXT_NS}h", f"{_TEXT_NS}line-break"):
        parts.append("\n")
    elif tag == f"{_TEXT_NS}s":
        parts.append(" ")
    elif tag == f"{_TEXT_NS}tab":
        parts.append("\t")
    if element.text:
        parts.append(element.text)
    for child in element:
        _odt_text(child, parts)
        if child.tail:
            parts.append(child.tail)


def read_odt(data: bytes) -> str:
    with _open_zip(data) as archive:
        root = _parse_xml(archive.read("content.xml"))
    parts: list[str] = []
    body = root.find("{urn:oasis:names:tc:opendocument:xmlns:office:1.0}body")
    _odt_text(body if body is not None else root, parts)
    return "".join(parts).strip("\n")


def _cell_text(value: object) -> str:
    # A whole number read back as float (13812345678.0) would hide a phone number from
    # the scanner, which does not match digits followed by ".0".
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_xlsx(data: bytes) -> str:
    _open_zip(data).close()
    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    lines: list[str] = []
    try:
        for sheet in workbook.worksheets:
            lines.append(str(sheet.title))
            for row in sheet.iter_rows(values_only=True):
                if len(lines) >= MAX_ROWS:
                    logger.info("Pre-screening: spreadsheet cut at %s rows", MAX_ROWS)
                    return "\n".join(lines)
                cells = [_cell_text(v) for v in row if v is not None and v != ""]
                if cells:
                    lines.append("\t".join(cells))
    finally:
        workbook.close()
    return "\n".join(lines)
