"""Checking a whole file: each line through its form, then what only the file shows.

A line's own checks live in :class:`.ImportLineForm`; here are the checks across lines
(the same entry twice, one organ's 文号 under two ids) and against stored entries.
Nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing

from django.utils.translation import gettext as _

from ..models import DisclosureMode
from .clashes import FileClashes, database_clashes
from .forms import ImportLineForm
from .lookups import Lookups
from .reading import LineStream, parse_line, read_lines, unstorable_values
from .records import ID_PREFIX, EntryData, Problem, Validation
from .seen import SeenKeys
from .spool import EntrySpool

_CHUNK = 500  # entries checked against the database at a time

EntryCheck = Callable[[list[EntryData]], list[Problem]]


def validate_lines(
    lines: Iterable[bytes | str] | LineStream,
    lookups: Lookups | None = None,
    *,
    against_database: bool = True,
    keep_entries: bool = True,
    checks: Sequence[EntryCheck] = (),
    spool: EntrySpool | None = None,
) -> Validation:
    """Check every line; collect all problems; never write.

    ``lines`` is a binary file (read line by line, an over-long line never whole), or any
    iterable of lines. ``against_database`` also looks for entries already stored under
    the same organ + 文号 with another id; ``checks`` are further checks of the valid
    entries (a batch at a time). With ``keep_entries=False`` only their number is kept
    (``Validation.valid``) and no line's text stays in memory (the keys the checks across
    lines need are on disk, :mod:`.seen`); with a ``spool`` each checked batch goes there,
    to be written from (:mod:`.spool`).
    """
    lookups = lookups or Lookups.from_database()
    result = Validation()
    pending: list[EntryData] = []

    def check(batch: list[EntryData]) -> None:
        if against_database:
            result.errors.extend(database_clashes(batch))
        for extra in checks:
            result.errors.extend(extra(batch))
        result.valid += len(batch)
        if keep_entries:
            result.entries.extend(batch)
        if spool is not None:
            spool.write(batch)
        batch.clear()

    for entry in _entries(read_lines(lines), lookups, result):
        pending.append(entry)
        if len(pending) >= _CHUNK:
            check(pending)
    check(pending)
    result.errors.sort(key=lambda problem: problem.line)  # stable: a line's own order stays
    return result


def _entries(
    numbered: Iterable[tuple[int, str | Problem]], lookups: Lookups, result: Validation
) -> Iterator[EntryData]:
    """Each line's entry, through its own checks and those across lines; problems go to ``result``."""
    with closing(SeenKeys()) as ids, closing(SeenKeys()) as organ_numbers:
        yield from _checked_entries(numbered, lookups, result, ids, FileClashes(organ_numbers))


def _checked_entries(
    numbered: Iterable[tuple[int, str | Problem]],
    lookups: Lookups,
    result: Validation,
    ids: SeenKeys,
    clashes: FileClashes,
) -> Iterator[EntryData]:
    for number, text in numbered:
        result.records += 1
        data = text if isinstance(text, Problem) else parse_line(number, text)
        if isinstance(data, Problem):
            result.errors.append(data)
            continue
        unstorable = unstorable_values(number, data)
        if unstorable:  # checked first: later messages repeat values, which must be printable
            result.errors.extend(unstorable)
            continue
        form = ImportLineForm(data, lookups=lookups, line=number)
        entry = form.entry()
        result.warnings.extend(form.warnings)
        result.errors.extend(form.problems())
        if entry is None:
            continue
        problem = _duplicate(entry, ids.first(entry.import_key, number)[0]) or clashes.check(entry)
        if problem is not None:
            result.errors.append(problem)
            continue
        yield entry


def _duplicate(entry: EntryData, earlier: int) -> Problem | None:
    """A line that repeats the entry of an earlier line (same id, or same content)."""
    if earlier == entry.line:
        return None
    if entry.import_key.startswith(ID_PREFIX):
        message = _("与第 %(line)d 行重复：id 重复 (duplicate of line %(line)d)")
        return Problem(entry.line, "id", message % {"line": earlier})
    message = _("与第 %(line)d 行重复：发布机构、文号、标题、发布日期均相同 (duplicate of line %(line)d)")
    return Problem(entry.line, "title", message % {"line": earlier})


def publication_problems(entries: Iterable[EntryData]) -> list[Problem]:
    """With --publish: only 主动公开 entries may go live (the others stay unpublished by law)."""
    message = _("只有主动公开的条目可以发布 (only 主动公开 entries can be published)")
    return [
        Problem(e.line, "disclosure_mode", message) for e in entries if e.disclosure_mode != DisclosureMode.PROACTIVE
    ]
