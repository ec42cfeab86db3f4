"""One organisation's 文号 names one document: the same organ + 文号 under two ids is an error.

A source system that exports the same document twice under different ids (or once with
an id and once without) would otherwise create two catalog entries, each with its own
索引号. 文号 are compared normalised (国办发[2019]26号 = 国办发〔2019〕26号); an empty 文号
never clashes, since many documents have none.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _

from ..models import CatalogEntryPage, normalise_doc_number
from .records import EntryData, Problem, shown
from .seen import SeenKeys

_CHUNK = 500  # SQLite's limit on query variables


def _organ_number(entry: EntryData) -> tuple[int, str] | None:
    number = normalise_doc_number(entry.doc_number)
    return (entry.publisher_id, number) if number else None


class FileClashes:
    """Remembers each organ + 文号 seen in the file, to report a later line under another id."""

    def __init__(self, seen: SeenKeys) -> None:
        # The line and import key of the first entry with each organ + 文号 (not the entry,
        # which would keep every entry of a 100,000-line file in memory).
        self.first = seen

    def check(self, entry: EntryData) -> Problem | None:
        key = _organ_number(entry)
        if key is None:
            return None
        line, import_key = self.first.first(f"{key[0]}\x1f{key[1]}", entry.line, entry.import_key)
        if line == entry.line or import_key == entry.import_key:
            return None
        message = _(
            "与第 %(line)d 行的发布机构和文号「%(number)s」相同，但 id 不同"
            " (same organisation and 文号 as line %(line)d under another id)"
        )
        return Problem(entry.line, "doc_number", message % {"line": line, "number": shown(entry.doc_number)})


def database_clashes(entries: Iterable[EntryData]) -> list[Problem]:
    """Lines whose organ + 文号 belong to an existing entry with another import key (or none)."""
    wanted: dict[tuple[int, str], list[EntryData]] = {}
    for entry in entries:
        key = _organ_number(entry)
        if key is not None:
            wanted.setdefault(key, []).append(entry)
    numbers = sorted({number for _organ, number in wanted})
    problems: list[Problem] = []
    message = _(
        "已有条目「%(title)s」（页面 %(page)d）的发布机构和文号与此相同，但 id 不同"
        " (an existing entry, page %(page)d, has the same organisation and 文号 under another id)"
    )
    for start in range(0, len(numbers), _CHUNK):
        rows = (
            CatalogEntryPage.objects.filter(
                alias_of__isnull=True, doc_number_normalised__in=numbers[start : start + _CHUNK]
            )
            .order_by("pk")
            .values_list("pk", "publisher_id", "doc_number_normalised", "import_key", "title")
        )
        for pk, organ, number, import_key, title in rows:
            for entry in wanted.get((organ, number), []):
                if entry.import_key != import_key:
                    problems.append(Problem(entry.line, "doc_number", message % {"title": shown(title), "page": pk}))
    return sorted(problems, key=lambda p: p.line)
