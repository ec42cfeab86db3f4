"""The keys met in a file, kept on disk (importer.seen): a dict's answers, not a dict's memory."""

from __future__ import annotations

import tracemalloc
from contextlib import closing

from disclosure_pages.catalog.importer.seen import SeenKeys


def test_the_first_line_and_value_of_a_key_are_kept() -> None:
    with closing(SeenKeys()) as seen:
        assert seen.first("id:7", 1, "甲") == (1, "甲")
        assert seen.first("id:8", 2) == (2, "")
        assert seen.first("id:7", 3, "乙") == (1, "甲")  # a later line does not replace the first
        assert seen.first("ID:7", 4) == (4, "")  # keys are compared exactly


def test_the_keys_do_not_stay_in_this_process_memory() -> None:
    with closing(SeenKeys()) as seen:
        tracemalloc.start()
        try:
            before = tracemalloc.get_traced_memory()[0]
            for line in range(1, 20_001):
                seen.first(f"sha:{line:064d}", line, f"import-key-{line}")
            grown = tracemalloc.get_traced_memory()[0] - before
        finally:
            tracemalloc.stop()
        assert seen.first("sha:" + "1".zfill(64), 99) == (1, "import-key-1")
    # A dict of these keys and values grows by about 6 MB; the database's pages are
    # SQLite's own memory (a few MB at most, whatever the number of keys) and not traced.
    assert grown < 256 * 1024
