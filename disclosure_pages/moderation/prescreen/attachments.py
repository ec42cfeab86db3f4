"""Plain text out of attached documents, for the pre-screening (zip containers: :mod:`.office`).

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

import logging
from html.parser import HTMLParser
from typing import Any

from django.utils.translation import gettext_lazy as _

from .office import MAX_ROWS, MAX_UNCOMPRESSED_BYTES, Unreadable, read_docx, read_odt, read_xlsx

__all__ = ["MAX_FILE_BYTES", "MAX_ROWS", "MAX_UNCOMPRESSED_BYTES", "describe_unreadable", "extract_text"]

logger = logging.getLogger(__name__)

MAX_FILE_BYTES = 50 * 1024 * 1024  # the site's WAGTAILDOCS_MAX_UPLOAD_SIZE

TEXT_EXTENSIONS = frozenset({"txt", "csv", "md"})
HTML_EXTENSIONS = frozenset({"html", "htm"})


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
        raise Unreadable(f"file larger than {MAX_FILE_BYTES} bytes")
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


_READERS = {
    **dict.fromkeys(TEXT_EXTENSIONS, _read_text),
    **dict.fromkeys(HTML_EXTENSIONS, _read_html),
    "docx": read_docx,
    "xlsx": read_xlsx,
    "odt": read_odt,
}
