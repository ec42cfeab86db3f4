"""The admin's <select> of terms, in the classification's order (see ``choices``)."""

from __future__ import annotations

from typing import Any

from django import forms

from .choices import term_choices


class TermSelect(forms.Select):
    """主题分类 as groups of second-level terms under their first-level term, in order.

    Django lists a foreign key's terms in one flat run (the first-level terms among their
    children's, written 综合政务\\政务公开); the choices are regrouped as the form renders.
    """

    def optgroups(self, name: str, value: Any, attrs: dict | None = None) -> list:
        flat = list(self.choices)
        blank = [(v, label) for v, label in flat if getattr(v, "instance", None) is None]
        terms = [v.instance for v, _label in flat if getattr(v, "instance", None) is not None]
        self.choices = [*blank, *term_choices(terms, value=lambda term: term.pk)]
        try:
            return super().optgroups(name, value, attrs)
        finally:
            self.choices = flat
