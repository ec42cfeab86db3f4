"""Import lines as a legacy system exports them, for timing ``import_disclosure --publish``."""

from __future__ import annotations

import datetime
import json
import random
from collections.abc import Iterator
from pathlib import Path

from .vocabulary import BUILTIN_SENTENCES, KEYWORDS, SUBJECTS, TITLE_TEMPLATES


def import_lines(count: int, organisations: list[tuple[str, str]], rng: random.Random) -> Iterator[str]:
    """``count`` valid, distinct JSON lines naming ``organisations`` ((name, 文号 prefix) pairs)."""
    for n in range(count):
        name, prefix = rng.choice(organisations)
        published = datetime.date(2008, 1, 1) + datetime.timedelta(days=rng.randrange(18 * 365))
        title = rng.choice(TITLE_TEMPLATES).format(subject=rng.choice(SUBJECTS), organ=name, year=published.year)
        paragraphs = ["".join(rng.sample(BUILTIN_SENTENCES, k=rng.randint(1, 4))) for _ in range(rng.randint(1, 5))]
        yield json.dumps(
            {
                "id": f"legacy-{n}",
                "title": title,
                "body": "\n".join(paragraphs),
                "published": published.isoformat(),
                "publisher": name,
                "genre": "通知",
                "doc_number": f"{prefix}〔{published.year}〕{n + 1}号",
                "classifications": {"topic": "综合政务\\政务公开", "audience": ["公民"]},
                "keywords": rng.sample(KEYWORDS, k=rng.randint(1, 3)),
            },
            ensure_ascii=False,
        )


def write_import_file(path: Path, count: int, organisations: list[tuple[str, str]], rng: random.Random) -> Path:
    with path.open("w", encoding="utf-8") as stream:
        for line in import_lines(count, organisations, rng):
            stream.write(line + "\n")
    return path
