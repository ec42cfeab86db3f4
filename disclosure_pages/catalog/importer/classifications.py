"""A line's 体裁分类 (``genre``) and ``classifications`` resolved to term ids.

Kept apart from the form because one JSON key holds several dimensions: each finding is
named by its own key (``classifications.topic``), and two keys may name one dimension
(``genre`` and ``classifications.体裁分类``), which is an error only when they disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ...taxonomy.models import Dimension
from ..listing import DIMENSION_FILTERS
from .lookups import Lookups
from .reading import field_label

_TERM_FIELDS = {dimension: name for dimension, name in DIMENSION_FILTERS.values()}


@dataclass
class Classified:
    terms: dict[str, int] = field(default_factory=dict)  # entry field name -> term id
    audience: list[int] = field(default_factory=list)
    errors: list[tuple[str, ValidationError]] = field(default_factory=list)  # (form field, error)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (label, message)

    def error(self, label: str, message: str, *, form_field: str = "classifications", **params: Any) -> None:
        if label != form_field:
            params["label"] = label  # the key the error is about, for the form's problems()
        self.errors.append((form_field, ValidationError(message, params=params or None)))


def classify(lookups: Lookups, genre: str | None, classifications: dict[Any, Any]) -> Classified:
    """The terms named by ``genre`` (already a string) and ``classifications`` (already an object)."""
    result = Classified()
    wanted: list[tuple[str, str, str, Any]] = []  # (form field, label, dimension, name)
    if genre is not None:
        wanted.append(("genre", "genre", Dimension.GENRE, genre))
    for key, value in classifications.items():
        label = f"classifications.{field_label(key)}"
        dimension = lookups.dimension(key)
        if dimension is None:
            allowed = "、".join(lookups.dimensions)
            result.error(label, _("未知分类维度 (unknown dimension); 可用: %(allowed)s"), allowed=allowed)
        elif value is None or value == "" or value == []:
            continue
        elif dimension == Dimension.AUDIENCE:
            values = value if isinstance(value, list) else [value]
            if all(isinstance(v, str) for v in values):
                wanted.extend(("classifications", label, dimension, v) for v in values)
            else:
                result.error(label, _("应为分类名称或名称列表 (must be a name or a list of names)"))
        elif isinstance(value, str):
            wanted.append(("classifications", label, dimension, value))
        else:
            result.error(label, _("应为分类名称字符串 (must be a term name)"))

    for form_field, label, dimension, name in wanted:
        try:
            term = lookups.term(dimension, name)
        except ValidationError as error:
            result.error(label, error.message, form_field=form_field, **error.params)
            continue
        if not term.is_active:
            result.warnings.append((label, _("分类「%(name)s」已停用 (term is inactive)") % {"name": term.full_name}))
        if dimension == Dimension.AUDIENCE:
            if term.id not in result.audience:
                result.audience.append(term.id)
            continue
        entry_field = _TERM_FIELDS[dimension]
        if result.terms.get(entry_field, term.id) != term.id:
            message = _("与同一维度的另一个分类冲突 (conflicts with another %(dimension)s term)")
            result.error(label, message, form_field=form_field, dimension=dimension)
            continue
        result.terms[entry_field] = term.id
    return result
