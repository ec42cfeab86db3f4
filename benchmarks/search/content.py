"""Random but plausible catalog entries: titles, 文号, bodies and terms, a third in Traditional script."""

from __future__ import annotations

import datetime
import json
import random
import uuid
from functools import cache
from typing import Any

import opencc

from disclosure_pages.catalog.models import normalise_doc_number
from disclosure_pages.taxonomy.models import ClassificationTerm, Dimension, Organisation

from .vocabulary import KEYWORDS, SUBJECTS, TITLE_TEMPLATES


@cache
def converter(config: str) -> opencc.OpenCC:
    """OpenCC converters are costly to build and safe to reuse."""
    return opencc.OpenCC(config)


class EntryFactory:
    """Random but plausible entry content from sentences; a third in Traditional script."""

    def __init__(self, sentences: list[str], organisations: list[tuple[Organisation, str]], rng: random.Random):
        self.sentences = sentences
        self.organisations = organisations
        self.rng = rng
        terms = list(ClassificationTerm.objects.filter(is_active=True).values_list("pk", "dimension", "parent_id"))
        self.terms = {
            Dimension.ASSEMBLED: [pk for pk, dim, _ in terms if dim == Dimension.ASSEMBLED],
            Dimension.TOPIC: [pk for pk, dim, parent in terms if dim == Dimension.TOPIC and parent],
            Dimension.GENRE: [pk for pk, dim, _ in terms if dim == Dimension.GENRE],
        }
        self.doc_counter = 0

    def _term(self, dimension: str) -> int | None:
        choices = self.terms.get(dimension) or []
        return self.rng.choice(choices) if choices else None

    def content(self) -> dict[str, Any]:
        """Field values of one entry (child and base fields), script chosen at random."""
        rng = self.rng
        organisation, prefix = rng.choice(self.organisations)
        publish_date = datetime.date(2008, 1, 1) + datetime.timedelta(days=rng.randrange(18 * 365))
        title = rng.choice(TITLE_TEMPLATES).format(
            subject=rng.choice(SUBJECTS), organ=organisation.name, year=publish_date.year
        )
        self.doc_counter += 1
        bracket = rng.choice(("〔〕", "[]", "【】", "〔〕"))
        doc_number = (
            f"{prefix}{bracket[0]}{publish_date.year}{bracket[1]}{rng.randint(1, 199)}号" if rng.random() < 0.7 else ""
        )
        paragraphs = [
            "".join(rng.sample(self.sentences, k=min(len(self.sentences), rng.randint(1, 4))))
            for _ in range(rng.randint(1, 5))
        ]
        summary = rng.choice(self.sentences)[:300]
        keywords = " ".join(rng.sample(KEYWORDS, k=rng.randint(1, 4)))
        script = rng.random()
        config = "s2hk" if script < 0.2 else "s2twp" if script < 0.33 else None
        if config is not None:
            convert = converter(config).convert
            title, summary, keywords = convert(title), convert(summary), convert(keywords)
            paragraphs = [convert(p) for p in paragraphs]
            doc_number = doc_number.replace("号", "號")
        body = [{"type": "paragraph", "value": f"<p>{p}</p>", "id": str(uuid.uuid4())} for p in paragraphs]
        return {
            "title": title[:255],
            "publisher": organisation,
            "doc_number": doc_number,
            "doc_number_normalised": normalise_doc_number(doc_number),
            "written_date": publish_date - datetime.timedelta(days=rng.randint(0, 20)),
            "publish_date": publish_date,
            "keywords": keywords[:200],
            "summary": summary,
            "body": json.dumps(body, ensure_ascii=False),
            "assembled_category_id": self._term(Dimension.ASSEMBLED),
            "topic_category_id": self._term(Dimension.TOPIC),
            "genre_category_id": self._term(Dimension.GENRE),
        }
