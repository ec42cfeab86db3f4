"""Plain text out of attached documents, for the pre-screening in :mod:`.prescreen`.

Attachments are where personal data most often slips through (a 名单.xlsx, a scanned
application), so the reviewer's warning list should cover them too. Extraction is
deliberately modest and safe:

* standard library only, plus openpyxl which Wagtail already installs: no new
  dependencies, no external programs, nothing in the file is ever executed;
* bounded: at most :data:`MAX_FILE_BYTES` are read, a zip container (docx, xlsx, odt) is
  refused when its members inflate beyond :data:`MAX_UNCOMPRESSED_BYTES` (zip bombs),
  XML with a DOCTYPE is refused (entity expansion), spreadsheets stop after
  :data:`MAX_ROWS` rows;
* never raises: any failure returns ``None`` and is logged with the document id. ``None``
  means "could not be read" and the reviewer is told to check the file by hand (see
  :func:`describe_unreadable`) — a silent empty string would look like a clean file.

Supported: .txt .csv .md (UTF-8, UTF-16 with BOM, otherwise GB18030), .html .htm,
.docx, .xlsx, .odt. Everything else — notably .pdf (no PDF library is installed), .doc,
.xls, .wps, .ofd, .rtf, .zip and images — returns ``None``.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from html.parser import HTMLParser
from typing import Any
from xml.etree import ElementTree

from django.utils.translation import gettext_lazy as _

__all__ = ["MAX_FILE_BYTES", "MAX_ROWS", "MAX_UNCOMPRESSED_BYTES", "describe_unreadable", "extract_text"]

logger = logging.getLogger(__name__)

MAX_FILE_BYTES = 50 * 1024 * 1024  # the site's WAGTAILDOCS_MAX_UPLOAD_SIZE
MAX_UNCOMPRESSED_BYTES = 20 * 1024 * 1024
MAX_ROWS = 100_000

TEXT_EXTENSIONS = frozenset({"txt", "csv", "md"})
HTML_EXTENSIONS = frozenset({"html", "htm"})

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TEXT_NS = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
# Parts of a .docx whose text is published with the file: body, headers and footers
# (where 密级 marks often sit), foot/endnotes and comments.
_DOCX_PARTS = re.compile(r"word/(document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml")
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)


class _Unreadable(Exception):
    """The file is well-formed enough to open but is refused (too large, DOCTYPE, …)."""


def extract_text(document: Any) -> str | None:
    """The document's text, or ``None`` if it cannot (or may not) be read.

    ``document`` is a Wagtail Document (anything with ``.file`` and ``.filename``).
    PDF gives ``None``: no PDF library is installed, and guessing at a PDF's text with
    regexes would miss exactly the scanned forms that matter; the reviewer is told to
    check such attachments by hand instead.
    """
    extension = _extension(document)
    reader = _READERS.get(extension)
    if reader is None:
        logger.info("Pre-screening: no text reader for .%s (document %s)", extension, _doc_id(document))
        return None
    try:
        return reader(_read_bytes(document))
    except Exception:
        logger.warning("Pre-screening: could not read document %s (.%s)", _doc_id(document), extension, exc_info=True)
        return None


def describe_unreadable(document: Any) -> str:
    """The note shown to the reviewer for an attachment whose text could not be read."""
    name = getattr(document, "title", "") or _filename(document)
    return _("附件“%(name)s”无法自动读取，请人工检查其中是否含有身份证号码、联系方式等个人信息或密级标志。") % {
        "name": name
    }


# --- reading ---------------------------------------------------------------------------


def _doc_id(document: Any) -> object:
    return getattr(document, "pk", None)


def _filename(document: Any) -> str:
    try:
        return str(document.filename)
    except Exception:
        return str(getattr(getattr(document, "file", None), "name", "") or "")


def _extension(document: Any) -> str:
    try:
        extension = document.file_extension
    except Exception:
        extension = _filename(document).rpartition(".")[2]
    return str(extension or "").lower()


def _read_bytes(document: Any) -> bytes:
    """Read the whole file, refusing anything larger than :data:`MAX_FILE_BYTES`."""
    opener = getattr(document, "open_file", None)
    if opener is not None:
        with opener() as f:
            data = f.read(MAX_FILE_BYTES + 1)
    else:
        document.file.open("rb")
        try:
            data = document.file.read(MAX_FILE_BYTES + 1)
        finally:
            document.file.close()
    if len(data) > MAX_FILE_BYTES:
        raise _Unreadable(f"file larger than {MAX_FILE_BYTES} bytes")
    return data


def _decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 when it has a BOM, otherwise GB18030.

    Chinese government text files saved by older Windows tools are GBK; GB18030 is a
    superset. Undecodable bytes become U+FFFD rather than failing the whole file.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace")


def _read_text(data: bytes) -> str:
    return _decode(data)


class _HTMLText(HTMLParser):
    """Collects text nodes; block elements become line breaks, script/style are dropped."""

    _BLOCKS = frozenset(
        "p div br li tr td th h1 h2 h3 h4 h5 h6 table ul ol section article header footer title".split()
    )
    _SKIP = frozenset({"script", "style", "template"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def _read_html(data: bytes) -> str:
    parser = _HTMLText()
    parser.feed(_decode(data))
    parser.close()
    return "".join(parser.parts)


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
            raise _Unreadable("zip members too large")
    total = 0
    for info in archive.infolist():
        with archive.open(info) as member:
            while chunk := member.read(1024 * 1024):
                total += len(chunk)
                if total > MAX_UNCOMPRESSED_BYTES:
                    raise _Unreadable("zip members inflate too much")
    return archive


def _parse_xml(data: bytes) -> ElementTree.Element:
    # Office XML never needs a DTD; refusing one rules out entity-expansion tricks.
    if _DOCTYPE.search(data):
        raise _Unreadable("XML with a DOCTYPE")
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


def _read_docx(data: bytes) -> str:
    with _open_zip(data) as archive:
        names = sorted((n for n in archive.namelist() if _DOCX_PARTS.fullmatch(n)), key=_part_order)
        if "word/document.xml" not in names:
            raise _Unreadable("no word/document.xml")
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


def _read_odt(data: bytes) -> str:
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


def _read_xlsx(data: bytes) -> str:
    import openpyxl  # installed with Wagtail; imported here so the module loads without it

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


_READERS = {
    **dict.fromkeys(TEXT_EXTENSIONS, _read_text),
    **dict.fromkeys(HTML_EXTENSIONS, _read_html),
    "docx": _read_docx,
    "xlsx": _read_xlsx,
    "odt": _read_odt,
}
