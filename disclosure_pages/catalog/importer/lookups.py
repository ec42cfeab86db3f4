"""Organisations, terms and choices loaded once per import, so that no line costs a query."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.utils import translation

from ...taxonomy.models import ClassificationTerm, Dimension, Organisation
from ...text.cleaning import clean_inline
from ..models import (
    DisclosureMode,
    DisclosureScope,
    Validity,
)
from .records import _TOPIC_SEPARATOR, _VALIDITY_ALIASES, shown

# --- lookups ------------------------------------------------------------------------------


def _untranslated(label: Any) -> str:
    """A choice label as written in the code (the Chinese msgid), whatever the language."""
    with translation.override(None):
        return str(label)


def _choice_map(choices: Any, aliases: dict[str, str] | None = None) -> dict[str, str]:
    mapping = {**(aliases or {})}
    for value, label in choices.choices:
        mapping[value] = value
        mapping[_untranslated(label)] = value
    return mapping


@dataclass
class _Term:
    id: int
    full_name: str
    is_active: bool
    has_children: bool


class Lookups:
    """Organisations, terms and choices, read from the database once per import."""

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
        self.terms: dict[str, dict[str, list[_Term]]] = {d: {} for d in Dimension.values}
        for t in terms:
            full = f"{names[t.parent_id]}\\{t.name}" if t.parent_id else t.name
            info = _Term(t.pk, full, t.is_active, t.pk in parents)
            by_name = self.terms.setdefault(t.dimension, {})
            by_name.setdefault(t.name, []).append(info)
            if t.parent_id:
                by_name.setdefault(full, []).append(info)

        self.dimensions: dict[str, str] = {}
        for value, label in Dimension.choices:
            self.dimensions[value] = value
            self.dimensions[_untranslated(label)] = value
        self.validity = _choice_map(Validity, _VALIDITY_ALIASES)
        self.disclosure_mode = _choice_map(DisclosureMode)
        self.disclosure_scope = _choice_map(DisclosureScope)

    @classmethod
    def from_database(cls) -> Lookups:
        return cls(
            list(Organisation.objects.only("pk", "name", "code", "short_name")),
            ClassificationTerm.objects.only("pk", "dimension", "name", "parent_id", "is_active"),
        )

    def organisation(self, value: str) -> int | None:
        value = clean_inline(value)
        return self.organisations.get(value) or self.organisations.get(value.upper().replace("-", ""))

    def term(self, dimension: str, value: str) -> tuple[_Term | None, str]:
        """The term named ``value`` in ``dimension``, or None and why not."""
        name = clean_inline(value)
        if dimension == Dimension.TOPIC:  # gov.cn writes 一级\二级; "/" spares JSON escaping
            name = _TOPIC_SEPARATOR.sub(lambda _: "\\", name)
        candidates = self.terms.get(dimension, {}).get(name, [])
        if dimension == Dimension.TOPIC and len(candidates) > 1:
            candidates = [c for c in candidates if not c.has_children] or candidates
        if len(candidates) == 1:
            term = candidates[0]
            if dimension == Dimension.TOPIC and term.has_children:
                return None, f"请选择到二级主题分类 (choose a second-level topic), e.g. {shown(name)}\\…"
            return term, ""
        if candidates:
            options = "、".join(sorted(c.full_name for c in candidates))
            return None, f"「{name}」不唯一，请写全称 (ambiguous; write 一级\\二级): {options}"
        return None, f"未找到分类「{shown(name)}」(no such term)"


