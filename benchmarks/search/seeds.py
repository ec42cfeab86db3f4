"""Where the benchmark's sentences come from: the seed documents, or the built-in list when asked."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path

from disclosure_pages.text.cleaning import cjk_count, clean_text

from .vocabulary import BUILTIN_SENTENCES

REPOSITORY = Path(__file__).resolve().parents[2]
SEEDS_ENV = "DISCLOSURE_SEEDS_DIR"
MIN_SENTENCES = 20

_SENTENCE_END = re.compile(r"(?<=[。！？；!?;])|\n+")


class SeedsMissing(Exception):
    """No usable seed documents where the options point."""


def default_seed_dir(environ: Mapping[str, str] = os.environ) -> Path:
    """``DISCLOSURE_SEEDS_DIR``, else ``../shared/seeds`` beside the repository (as the tests look)."""
    return Path(environ.get(SEEDS_ENV) or REPOSITORY.parent / "shared" / "seeds")


def seed_sentences(seed_dir: Path) -> list[str]:
    """The sentences of every ``*.txt`` in ``seed_dir``, cleaned, of a length a document has."""
    sentences: list[str] = []
    for path in sorted(seed_dir.glob("*.txt")):
        text = clean_text(path.read_text(encoding="utf-8", errors="replace"))
        for piece in _SENTENCE_END.split(text):
            piece = " ".join(piece.split())
            if 8 <= len(piece) <= 160 and cjk_count(piece) >= 6:
                sentences.append(piece)
    return list(dict.fromkeys(sentences))


def load_sentences(seed_dir: Path | None) -> tuple[list[str], str]:
    """Sentences and where they come from; ``None`` asks for the built-in list."""
    if seed_dir is None:
        return list(BUILTIN_SENTENCES), f"{len(BUILTIN_SENTENCES)} built-in sentences"
    if not seed_dir.is_dir():
        raise SeedsMissing(
            f"No seed directory at {seed_dir}. Pass --seeds DIR, set {SEEDS_ENV}, "
            "or use --builtin-text for the built-in sentences."
        )
    sentences = seed_sentences(seed_dir)
    if len(sentences) < MIN_SENTENCES:
        raise SeedsMissing(
            f"{seed_dir} holds {len(sentences)} usable sentences in *.txt files; the benchmark needs "
            f"{MIN_SENTENCES}. Point --seeds at the seed documents or use --builtin-text."
        )
    return sentences, f"{len(sentences)} sentences from the seed files in {seed_dir}"
