"""A dimension's terms as choices, in the order of the classification itself.

主题分类 has two levels: a first-level term with second-level terms becomes a group whose first
choice is the whole group (综合政务（全部）) and whose others are its second-level terms, by
their order. One home for every list of terms: catalog and topic filters, search, the admin.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from django.utils.translation import gettext as _

from .models import ClassificationTerm

Choice = tuple[Any, str]
Group = tuple[str, list[Choice]]


def _order(term: ClassificationTerm) -> tuple[int, int]:
    return term.sort_order, term.pk


def term_choices(
    terms: Iterable[ClassificationTerm], value: Callable[[ClassificationTerm], Any] = lambda t: str(t.pk)
) -> list[Choice | Group]:
    """Flat choices for a one-level dimension; groups (label, choices) for first-level terms with children."""
    terms = list(terms)
    known = {term.pk for term in terms}
    children: dict[int, list[ClassificationTerm]] = defaultdict(list)
    for term in terms:
        if term.parent_id in known:
            children[term.parent_id].append(term)
    choices: list[Choice | Group] = []
    for top in sorted((t for t in terms if t.parent_id not in known), key=_order):
        kids = sorted(children.get(top.pk, ()), key=_order)
        label = top.label if top.parent_id is None else top.full_label  # a child whose parent is off
        if kids:
            whole = _("%(name)s（全部）") % {"name": label}
            choices.append((label, [(value(top), whole), *((value(kid), kid.label) for kid in kids)]))
        else:
            choices.append((value(top), label))
    return choices


def is_group(choice: Choice | Group) -> bool:
    return isinstance(choice[1], list)
