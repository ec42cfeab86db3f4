"""Keep the search index to what citizens may read, the moment that changes.

modelsearch re-indexes a page on every save, but only *adds*: a page that stops
qualifying (unpublished, put behind a view restriction, no longer 主动公开) keeps
its old index entry. These receivers remove it at once, from every backend. Each
decision re-reads the page row, never the in-memory instance, which may carry an
unsaved draft.
"""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from modelsearch import index
from modelsearch.backends import get_search_backends_with_name
from wagtail.models import PageViewRestriction
from wagtail.signals import page_unpublished

from disclosure_pages.mixins import DisclosurePageMixin
from disclosure_pages.moderation.signals import bulk_published
from disclosure_pages.pagebase import BasePage
from disclosure_pages.visibility import visible

from . import engine

logger = logging.getLogger("disclosure_search")


def _specific_class(page: Any) -> type | None:
    if isinstance(page, DisclosurePageMixin):
        return type(page)
    if isinstance(page, BasePage) and getattr(page, "content_type_id", None):
        model = page.specific_class
        if model is not None and issubclass(model, DisclosurePageMixin):
            return model
    return None


def remove_from_index(model: type, pk: Any) -> None:
    """Delete the entry of page ``pk`` from every auto-updated backend (no-op if absent)."""
    stub = model(pk=pk)
    for name, backend in get_search_backends_with_name(with_auto_update=True):
        try:
            backend.delete(stub)
        except Exception:
            logger.exception("Could not remove page %s from search backend %r", pk, name)
            if not backend.catch_indexing_errors:
                raise


def sync_page(model: type, pk: Any, *, add: bool = True) -> None:
    """Index page ``pk`` if it is searchable now, remove it otherwise (reads the live row).

    ``add=False`` after a save: modelsearch's own post_save receiver adds the page.
    """
    if pk is None:
        return
    instance = visible(model.objects.filter(pk=pk)).first()
    if instance is None:
        remove_from_index(model, pk)
    elif add:
        index.insert_or_update_object(instance)


def sync_subtree(page: Any) -> None:
    """Re-decide ``page`` and its descendants (a view restriction covers a whole branch)."""
    pages = BasePage.objects.filter(path__startswith=page.path).values_list("pk", "content_type_id")
    for pk, content_type_id in pages:
        base = BasePage(pk=pk, content_type_id=content_type_id)
        model = _specific_class(base)
        if model is not None:
            sync_page(model, pk)


def on_page_saved(sender: type, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if raw:
        return
    model = _specific_class(instance)
    if model is not None:
        sync_page(model, instance.pk, add=False)


def on_page_unpublished(sender: type, instance: Any, **kwargs: Any) -> None:
    model = _specific_class(instance)
    if model is not None:
        remove_from_index(model, instance.pk)


def on_page_deleted(sender: type, instance: Any, **kwargs: Any) -> None:
    model = _specific_class(instance) if isinstance(instance, DisclosurePageMixin) else None
    if model is not None:
        remove_from_index(model, instance.pk)


def on_restriction_changed(sender: type, instance: PageViewRestriction, **kwargs: Any) -> None:
    page = BasePage.objects.filter(pk=instance.page_id).first()
    if page is not None:
        sync_subtree(page)


#: A bulk publication of at least this many pages merges the index after it commits.
COMPACT_AFTER = 1000


def on_bulk_published(sender: type, count: int, **kwargs: Any) -> None:
    if count >= COMPACT_AFTER:
        transaction.on_commit(_compact)


def _compact() -> None:
    try:
        engine.compact()
    except Exception:  # an optimisation: the import has committed, the index is complete
        logger.exception("Could not merge the search index after a bulk publication")


def connect() -> None:
    """Called from ``SearchConfig.ready``."""
    bulk_published.connect(on_bulk_published, dispatch_uid="disclosure_search_bulk_published")
    post_save.connect(on_page_saved, dispatch_uid="disclosure_search_page_saved")
    post_delete.connect(on_page_deleted, dispatch_uid="disclosure_search_page_deleted")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="disclosure_search_page_unpublished")
    post_save.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="disclosure_search_restriction_saved")
    post_delete.connect(
        on_restriction_changed, sender=PageViewRestriction, dispatch_uid="disclosure_search_restriction_deleted"
    )
