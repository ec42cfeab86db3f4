"""Segmenting many pages' text on every core, for bulk indexing (rebuilds, imports, benchmarks).

Segmentation (script folding, jieba-rs cuts, search-mode expansion) holds the interpreter
lock, so a rebuild on one process uses one core. For a pass over at least :data:`MIN_PAGES` disclosure pages the texts are
cut in worker processes and the results handed to
:func:`disclosure_pages.text.segment.prime`, so that ``search_title()``/``search_document()``
find them ready. Single saves never start workers.

Design choices, and why:

* ``spawn``, not ``fork``: workers never inherit database connections or threads of a
  Django process; they import only :mod:`disclosure_pages.text` (no Django) and load the
  dictionary once (a tenth of a second), then live as long as the process.
* The webmasters' dictionary terms travel to the workers at start; the pool is
  replaced when they change, so workers cut exactly like the main process.
* Pipelined (:func:`pipelined`): the workers cut the next hundred pages while this process
  writes the last hundred to the database; waiting for them between writes left both idle
  in turn (9 % of a PostgreSQL pass).
* ``DISCLOSURE_SEARCH_INDEX_WORKERS`` sets the number of workers (default: the CPU
  count, at most 4; 0 or 1 turns this off). Any failure falls back to cutting in the
  main process: the index is the same either way, only slower.
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing
import os
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from django.conf import settings

from disclosure_pages.text.segment import add_terms, get_tokenizer, prime, remembered, segment_for_index

logger = logging.getLogger("disclosure_search")

MIN_PAGES = 200
# Pages per chunk of a pipelined pass (see pipelined()).
PIPELINE_CHUNK = 100
_CHUNK = 32

_lock = threading.Lock()
_executor: ProcessPoolExecutor | None = None
_executor_terms: frozenset | None = None


def workers() -> int:
    configured = getattr(settings, "DISCLOSURE_SEARCH_INDEX_WORKERS", None)
    if configured is None:
        return min(os.cpu_count() or 1, 4)
    return max(0, int(configured))


def _start_worker(terms: list[tuple[str, int | None]]) -> None:
    get_tokenizer()
    add_terms(terms)


def _pool(terms: frozenset) -> ProcessPoolExecutor:
    global _executor, _executor_terms
    with _lock:
        if _executor is not None and _executor_terms != terms:
            _executor.shutdown(wait=False, cancel_futures=True)
            _executor = None
        if _executor is None:
            _executor = ProcessPoolExecutor(
                max_workers=workers(),
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(sorted(terms, key=lambda t: t[0]),),
            )
            _executor_terms = terms
        return _executor


def shutdown() -> None:
    global _executor
    with _lock:
        if _executor is not None:
            _executor.shutdown(wait=True, cancel_futures=True)
            _executor = None


atexit.register(shutdown)


class Pending:
    """Texts being cut in the workers; :meth:`finish` waits for them and primes the cache."""

    def __init__(self, texts: list[str] | None = None, results: Any = None) -> None:
        self.texts = texts or []
        self._results = results

    def finish(self) -> int:
        """How many texts were cut in the workers (0 when none were sent, or they failed)."""
        if self._results is None:
            return 0
        try:
            results = list(self._results)
        except Exception:
            _failed()
            return 0
        finally:
            self._results = None
        prime(self.texts, results)
        return len(self.texts)


def start(pages: Sequence[Any]) -> Pending:
    """Start cutting the search text of ``pages`` in the workers and return at once."""
    if workers() < 2:
        return Pending()
    from disclosure_pages.page_text import page_text

    from .vocabulary import current_terms

    texts: list[str] = []
    for page in pages:
        text = page_text(page)
        texts += [text.title_text, text.body_text]
    texts = [t for t in dict.fromkeys(texts) if not remembered(t)]
    if not texts:
        return Pending()
    try:
        results = _pool(current_terms()).map(segment_for_index, texts, chunksize=_CHUNK)
    except Exception:
        _failed()
        return Pending()
    return Pending(texts, results)


def _failed() -> None:
    """The workers failed: log it and stop them; the texts are cut in this process instead."""
    logger.exception("Parallel segmentation failed; cutting in this process instead")
    shutdown()


def pipelined(pages: Sequence[Any], size: int = PIPELINE_CHUNK) -> Iterator[Sequence[Any]]:
    """``pages`` in chunks of ``size``, each cut in the workers while the caller writes the one before.

    The workers cut chunk k+1 while this process writes chunk k to the database, so the
    database's work and the segmentation overlap instead of taking turns.
    """
    if len(pages) < MIN_PAGES:  # a single save or a small pass: cut in this process
        yield pages
        return
    chunks = [pages[offset : offset + size] for offset in range(0, len(pages), size)]
    pending = start(chunks[0])
    for index, chunk in enumerate(chunks):
        pending.finish()
        if index + 1 < len(chunks):
            pending = start(chunks[index + 1])
        yield chunk
