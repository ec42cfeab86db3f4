"""The reviewer's checklist (核对事项) as it is recorded and shown: every item, checked or not.

A record lists each item with whether it was checked (``[{"item": key, "checked": bool}]``),
so that an item left unchecked is on file as such, not merely absent. Records made before
this form (a plain list of the checked keys) read the same way: an item missing from
such a list was not checked. Both forms fit the same JSONField; no migration is needed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from .models import CHECKLIST, CHECKLIST_KEYS, Outcome


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    label: str
    checked: bool


def checklist_record(checked: Iterable[str]) -> list[dict[str, Any]]:
    """What a review stores: every checklist item, in order, with whether it was checked."""
    ticked = set(checked)
    return [{"item": key, "checked": key in ticked} for key in CHECKLIST_KEYS]


def checklist_items(stored: Any, *, approved: bool = True) -> list[ChecklistItem]:
    """The recorded checklist, in either stored form; ``[]`` when nothing was recorded.

    An empty old-style list on an approval means the reviewer checked nothing; on a
    rejection there was no checklist to fill in. Malformed entries are skipped.
    """
    labels = {key: str(label) for key, label in CHECKLIST}
    if not isinstance(stored, list) or not stored:
        return [ChecklistItem(key, labels[key], False) for key in CHECKLIST_KEYS] if approved else []
    if all(isinstance(entry, dict) for entry in stored):
        return [
            ChecklistItem(str(entry["item"]), labels.get(str(entry["item"]), str(entry["item"])), entry.get("checked") is True)
            for entry in stored
            if "item" in entry
        ]
    ticked = [str(key) for key in stored if isinstance(key, str)]
    items = [ChecklistItem(key, labels[key], key in ticked) for key in CHECKLIST_KEYS]
    return items + [ChecklistItem(key, key, True) for key in ticked if key not in labels]


def review_checklist(review) -> list[ChecklistItem]:
    """The checklist of a :class:`ConfidentialityReview`, old or new record."""
    return checklist_items(review.checklist, approved=review.outcome == Outcome.APPROVED)


def state_label(checked: bool) -> str:
    return _("已核对") if checked else _("未核对")


def checklist_summary(items: Iterable[ChecklistItem]) -> str:
    """One line for exports: ``不含国家秘密，无密级标志：已核对；…：未核对``."""
    return "；".join(f"{item.label}：{state_label(item.checked)}" for item in items)


def unchecked_labels(items: Iterable[ChecklistItem]) -> list[str]:
    return [item.label for item in items if not item.checked]
