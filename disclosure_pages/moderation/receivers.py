"""Connecting the moderation rules to Django's signals, once, from ``DisclosurePagesConfig.ready``.

Importing the modules below connects their ``@receiver`` functions: the publication guard,
the workflow rules, four eyes, the published files and the review history. The rest is
connected here explicitly because it needs models that exist only once the apps are
loaded (the user model, the document model, every page type's child relations).
"""

from __future__ import annotations

from collections.abc import Iterable

from . import audit, file_changes, files, four_eyes, grants, guard, history, workflow  # noqa: F401  (connect on import)
from .publication import connect_child_guards


def connect(models: Iterable[type]) -> None:
    """Connect the rules for the add-on's ``models`` (their child rows are guarded too)."""
    grants.connect()
    audit.connect()
    file_changes.connect()
    connect_child_guards(models)
