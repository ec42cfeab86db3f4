"""The first line of each key met in a file, kept on disk so that memory stays flat.

The checks across lines (the same id twice, one organ's 文号 under two ids) must remember
every key of the file. In dictionaries, a 100,000-line file's keys held about 40 MB and
grew with the file; here they go to a private temporary SQLite database (Python's own
``sqlite3``, whatever database the site runs on), whose page cache is a few megabytes
whatever the file's size. The database file is deleted when it is closed.
"""

from __future__ import annotations

import sqlite3

# SQLite's page cache for the keys, in KiB (negative: a size, not a number of pages).
_CACHE_KIB = 2048


class SeenKeys:
    """Like ``dict.setdefault(key, (line, value))``, on disk; close it when done (``contextlib.closing``)."""

    def __init__(self) -> None:
        # "": a temporary database on disk, private to this connection and removed on close.
        self._db = sqlite3.connect("", isolation_level=None)
        self._db.execute(f"PRAGMA cache_size = -{_CACHE_KIB}")
        self._db.execute("PRAGMA journal_mode = OFF")
        self._db.execute("PRAGMA synchronous = OFF")
        self._db.execute("CREATE TABLE seen (key TEXT PRIMARY KEY, line INTEGER NOT NULL, value TEXT) WITHOUT ROWID")

    def first(self, key: str, line: int, value: str = "") -> tuple[int, str]:
        """The (line, value) first given for ``key``; these, when ``key`` is new."""
        row = self._db.execute("SELECT line, value FROM seen WHERE key = ?", (key,)).fetchone()
        if row is not None:
            return row
        self._db.execute("INSERT INTO seen VALUES (?, ?, ?)", (key, line, value))
        return line, value

    def close(self) -> None:
        self._db.close()
