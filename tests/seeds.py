"""Where the tests find the seed documents, and what happens when they are absent.

The seeds live in ``../shared/seeds`` beside the repository, on development machines
and in CI only (the product never reads them). ``DISCLOSURE_SEEDS_DIR`` points
elsewhere. Without them the seed tests skip, saying when they run; with
``REQUIRE_SEEDS=1`` (set by ``.ci/run``) or ``CI`` set they fail instead, so CI can
never pass by skipping them.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import pytest

SEEDS_DIR = Path(os.environ.get("DISCLOSURE_SEEDS_DIR") or Path(__file__).resolve().parents[2] / "shared" / "seeds")


def require_seeds(names: Iterable[str] = ()) -> list[Path]:
    """The seed files (all ``*.txt``, or the ``names`` given); skip or fail when missing."""
    wanted = [SEEDS_DIR / name for name in names]
    files = wanted if wanted else sorted(SEEDS_DIR.glob("*.txt"))
    missing = [path.name for path in wanted if not path.is_file()]
    if files and not missing:
        return files
    message = (
        f"seed documents missing in {SEEDS_DIR}{': ' + ', '.join(missing) if missing else ''}; "
        "this test runs where ../shared/seeds sits beside the repository (development machines "
        "and CI) or DISCLOSURE_SEEDS_DIR points to them, and is required when REQUIRE_SEEDS=1"
    )
    if os.environ.get("REQUIRE_SEEDS") == "1" or os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)
