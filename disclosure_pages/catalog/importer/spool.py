"""The checked entries of a file, kept on disk between checking and writing.

A large file is checked keeping no entry in memory, and writing needs the entries again.
Reading and checking the file a second time cost as much as the first reading (the two
were nearly half of an import's time); here each batch that passed its checks is pickled
to a private temporary file as it is checked, and read back a batch at a time for
writing. What is written is exactly what was checked: the file is not read again, so a
file replaced meanwhile changes nothing.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterator, Sequence

from .records import EntryData


class EntrySpool:
    """Batches of checked entries in an unnamed temporary file (removed when closed: ``contextlib.closing``)."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="disclosure-import-")
        self.count = 0

    def write(self, entries: Sequence[EntryData]) -> None:
        if entries:
            pickle.dump(list(entries), self._file, protocol=pickle.HIGHEST_PROTOCOL)
            self.count += len(entries)

    def __iter__(self) -> Iterator[EntryData]:
        self._file.flush()
        self._file.seek(0)
        while True:
            try:
                # Only this process wrote the file: it has no name and was created exclusively.
                batch = pickle.load(self._file)  # noqa: S301
            except EOFError:
                return
            yield from batch

    def close(self) -> None:
        self._file.close()
