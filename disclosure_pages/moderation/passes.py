"""Publication passes: how the database knows that the guard let a write through.

The guard (``guard.py``) checks the exact content of a disclosure page in Python; the
database cannot compute that fingerprint. So while the guard lets one page's save go
through, it holds a pass row for that page inside the save's transaction, and the
triggers of migration 0007 refuse any change to a live disclosure page's content —
its row, its specific row, its child rows — without one. Passes never outlive the
transaction that made them: they are deleted before it commits.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.db import models, transaction
from django.utils.translation import gettext_lazy as _


class PublicationPass(models.Model):
    """One page whose content the guard has just approved for the running transaction."""

    page_id = models.BigIntegerField(_("页面"), db_index=True)
    revision_id = models.BigIntegerField(_("版本"), null=True, blank=True)
    review_id = models.BigIntegerField(_("保密审查记录"), null=True, blank=True)

    class Meta:
        verbose_name = _("发布许可")
        verbose_name_plural = _("发布许可")
        default_permissions = ()


@contextmanager
def publication_pass(page_id: int | None, *, revision_id: int | None = None, review_id: int | None = None) -> Iterator[None]:
    """Hold a pass for ``page_id`` while the block writes its content (same transaction)."""
    if page_id is None:
        yield
        return
    with transaction.atomic():
        issued = PublicationPass.objects.create(page_id=page_id, revision_id=revision_id, review_id=review_id)
        yield
        PublicationPass.objects.filter(pk=issued.pk).delete()


@contextmanager
def bulk_publication_passes(
    page_ids: Iterable[int], review_ids: dict[int, int] | None = None, revision_ids: dict[int, int] | None = None
) -> Iterator[None]:
    """Passes for many pages at once: bulk publication of content whose approvals were just recorded."""
    ids = list(page_ids)
    review_ids, revision_ids = review_ids or {}, revision_ids or {}
    with transaction.atomic():
        PublicationPass.objects.bulk_create(
            [PublicationPass(page_id=pk, review_id=review_ids.get(pk), revision_id=revision_ids.get(pk)) for pk in ids],
            batch_size=500,
        )
        yield
        # Only this transaction's passes are visible to it, so this deletes exactly those.
        for start in range(0, len(ids), 500):
            PublicationPass.objects.filter(page_id__in=ids[start:start + 500]).delete()
