"""Bulk import of catalog entries from JSON Lines (one entry per line).

Two steps, kept apart so that the management command, tests and a later admin view
share them:

1. :func:`validate_lines` reads the lines (streamed), checks every one with an
   :class:`ImportLineForm` against the database's organisations and terms (loaded once
   into :class:`Lookups`) and returns a :class:`Validation`: the entries ready to write
   plus every error and warning as ``line N: field: message``. Nothing is written.
   A large file is checked with ``keep_entries=False`` into an :class:`EntrySpool` (the
   checked entries on disk, written from afterwards), so that memory does not grow with
   the file.
2. :func:`write_entries` creates the entries under a catalog inside one transaction,
   a batch at a time, skipping those whose ``import_key`` is already present.

A bad line is a line error, never an exception (:mod:`.reading`: bytes to a JSON object
of storable strings; :mod:`.forms`: the object's fields, with translated messages;
:mod:`.clashes`: one organ's 文号 under two ids).

Policy: all or nothing. A file with any error is not imported at all, so that a
corrected file can simply be imported again; re-importing is safe because entries are
recognised by their import key (``id:<source id>`` or a hash of publisher code,
normalised 文号, title and 发布日期).
"""

from .clashes import database_clashes
from .forms import KNOWN_FIELDS, OPTIONAL_FIELDS, REQUIRED_FIELDS, ImportLineForm
from .lookups import Lookups
from .reading import parse_line, read_lines
from .records import (
    ID_PREFIX,
    MAX_BODY,
    MAX_ID,
    MAX_LINE_BYTES,
    SLUG_PREFIX,
    EntryData,
    ImportResult,
    ImportSetupError,
    Problem,
    Validation,
    content_key,
)
from .spool import EntrySpool
from .validation import publication_problems, validate_lines
from .writing import BATCH_SIZE, batches, existing_import_keys, resolve_catalog, resolve_reviewer, write_entries

__all__ = [
    "BATCH_SIZE",
    "EntryData",
    "EntrySpool",
    "ID_PREFIX",
    "ImportLineForm",
    "ImportResult",
    "ImportSetupError",
    "KNOWN_FIELDS",
    "Lookups",
    "MAX_BODY",
    "MAX_ID",
    "MAX_LINE_BYTES",
    "OPTIONAL_FIELDS",
    "Problem",
    "REQUIRED_FIELDS",
    "SLUG_PREFIX",
    "Validation",
    "batches",
    "content_key",
    "database_clashes",
    "publication_problems",
    "existing_import_keys",
    "parse_line",
    "read_lines",
    "resolve_catalog",
    "resolve_reviewer",
    "validate_lines",
    "write_entries",
]
