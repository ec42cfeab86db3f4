"""Organisations and terms loaded once per import, so that no line costs a query."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _

from ...taxonomy.models import ClassificationTerm, Dimension, Organisation
from ...text.cleaning import clean_inline
from .records import shown

_TOPIC_SEPARATOR = re.compile(r"\s*[\\＼/／]\s*")


def untranslated(label: Any) -> str:
    """A choice label as written in the code (the Chinese msgid), whatever the language."""
    with translation.override(None):
        return str(label)


@dataclass
class Term:
    id: int
    full_name: str
    is_active: bool
    has_children: bool


class Lookups:
    """Organisations, terms and dimensions, read from the database once per import."""

    def __init__(self, organisations: Iterable[Organisation], terms: Iterable[ClassificationTerm]) -> None:
        organisations = list(organisations)
        self.organisations: dict[str, int] = {}
        self.short_names: dict[str, str] = {}
        for org in organisations:
            self.organisations[org.name] = org.pk
            self.organisations[org.code.upper()] = org.pk
            self.organisations[org.code.upper().replace("-", "")] = org.pk
            if org.short_name:
                self.short_names[org.short_name] = org.name
        self.org_codes = {org.pk: org.code for org in organisations}

        terms = list(terms)
        parents = {t.parent_id for t in terms if t.parent_id}
        names = {t.pk: t.name for t in terms}
        # dimension -> name or 一级\二级 -> candidates
        self.terms: dict[str, dict[str, list[Term]]] = {d: {} for d in Dimension.values}
        for t in terms:
            full = f"{names[t.parent_id]}\\{t.name}" if t.parent_id else t.name
            info = Term(t.pk, full, t.is_active, t.pk in parents)
            by_name = self.terms.setdefault(t.dimension, {})
            by_name.setdefault(t.name, []).append(info)
            if t.parent_id:
                by_name.setdefault(full, []).append(info)

        self.dimensions: dict[str, str] = {}
        for value, label in Dimension.choices:
            self.dimensions[value] = value
            self.dimensions[untranslated(label)] = value

    @classmethod
    def from_database(cls) -> Lookups:
        return cls(
            list(Organisation.objects.only("pk", "name", "code", "short_name")),
            ClassificationTerm.objects.only("pk", "dimension", "name", "parent_id", "is_active"),
        )

    def organisation(self, value: str) -> int | None:
        value = clean_inline(value)
        return self.organisations.get(value) or self.organisations.get(value.upper().replace("-", ""))

    def dimension(self, key: Any) -> str | None:
        """The dimension named by ``key`` (its key or its Chinese label), if any."""
        key = str(key).strip()
        return self.dimensions.get(key) or self.dimensions.get(key.lower())

    def term(self, dimension: str, value: str) -> Term:
        """The term named ``value`` in ``dimension``; ValidationError says why there is none."""
        name = clean_inline(value)
        if dimension == Dimension.TOPIC:  # gov.cn writes 一级\二级; "/" spares JSON escaping
            name = _TOPIC_SEPARATOR.sub(lambda _match: "\\", name)
        candidates = self.terms.get(dimension, {}).get(name, [])
        if dimension == Dimension.TOPIC and len(candidates) > 1:
            candidates = [c for c in candidates if not c.has_children] or candidates
        if len(candidates) == 1:
            term = candidates[0]
            if dimension == Dimension.TOPIC and term.has_children:
                raise ValidationError(
                    _("请选择到二级主题分类 (choose a second-level topic), e.g. %(name)s\\…"),
                    code="top_level",
                    params={"name": shown(name)},
                )
            return term
        if candidates:
            raise ValidationError(
                _("「%(name)s」不唯一，请写全称 (ambiguous; write 一级\\二级): %(options)s"),
                code="ambiguous",
                params={"name": name, "options": "、".join(sorted(c.full_name for c in candidates))},
            )
        raise ValidationError(_("未找到分类「%(name)s」(no such term)"), code="unknown", params={"name": shown(name)})
