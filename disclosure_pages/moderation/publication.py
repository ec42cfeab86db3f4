"""Writing a disclosure page's content: the guard's verdict, the database pass, the signal.

Every save of a specific disclosure page passes through ``guarded_save`` (called by
``DisclosurePageMixin.save``). When the page is live, the guard checks the exact content
first; while the save runs — the page row, its specific row and its child rows — a
publication pass tells the database triggers (migration 0007) that this write was
checked. Child rows written on their own, outside their page's save, are refused here
while the page is live: they are content and wait for the next reviewed publication.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models.signals import post_delete, pre_delete, pre_save
from django.utils.translation import gettext_lazy as _
from modelcluster.models import get_all_child_relations

from ..pagebase import BasePage
from .guard import ModerationRefusal, check_publication, is_disclosure_model
from .passes import PublicationPass, publication_pass
from .signals import content_published

# Pages whose save or deletion is running in this context (their child rows may change).
_writing: ContextVar[tuple] = ContextVar("disclosure_pages_writing", default=())


class UnreviewedChange(ModerationRefusal):
    """A part of a live page's content would change without a reviewed publication."""


@contextmanager
def _writing_page(page) -> Iterator[None]:
    token = _writing.set((*_writing.get(), page))
    try:
        yield
    finally:
        _writing.reset(token)

def take_detached_alias_offline(page, update_fields) -> list[str]:
    """The alias showed its reviewed source; its own text is not reviewed yet, so it goes
    offline (readers get the source meanwhile, see disclosure_pages.i18n) until its own
    review and publication. Returns the fields the save must write."""
    page.live = False
    page.has_unpublished_changes = True
    page.live_revision = None
    return [*update_fields, "live", "has_unpublished_changes", "live_revision"]


@contextmanager
def guarded_save(page, update_fields=None) -> Iterator[None]:
    """Check, hold a pass, save, tell the followers; all in the caller's transaction."""
    result = check_publication(page, update_fields)
    if result is None:
        with _writing_page(page):
            yield
        return
    review = result.review
    page._disclosure_checked = True
    page._disclosure_approval = review  # for the four-eyes check of the same save
    try:
        with _writing_page(page), publication_pass(
            page.pk or page.alias_of_id,
            revision_id=page.live_revision_id,
            review_id=getattr(review, "pk", None),
        ):
            yield
            content_published.send(sender=type(page), page=page, review=review, fingerprint=result.fingerprint)
    finally:
        page._disclosure_checked = False
        page._disclosure_approval = None


def _being_written(page_id) -> bool:
    return any(p.pk == page_id for p in _writing.get())


def _live_parent_title(parent_model, parent_id) -> str | None:
    """The title of the live disclosure page ``parent_id``, or None if it is not live."""
    if parent_id is None or _being_written(parent_id):
        return None
    return BasePage.objects.filter(pk=parent_id, live=True).values_list("title", flat=True).first()


def _refuse_child_change(instance, parent_attname: str, parent_model) -> None:
    title = _live_parent_title(parent_model, getattr(instance, parent_attname))
    if title is not None:
        page = parent_model.objects.filter(pk=getattr(instance, parent_attname)).first()
        raise UnreviewedChange(
            _("“%(title)s”已经公开，其“%(part)s”是页面内容的一部分，只能在页面中修改并经保密审查后随页面发布。")
            % {"title": title, "part": instance._meta.verbose_name},
            page=page,
        )


def _child_save_receiver(parent_attname: str, parent_model):
    def receiver(sender, instance, raw=False, **kwargs) -> None:
        if not raw:
            _refuse_child_change(instance, parent_attname, parent_model)

    return receiver


def _child_delete_receiver(parent_attname: str, parent_model):
    def receiver(sender, instance, origin=None, **kwargs) -> None:
        if isinstance(origin, BasePage) or getattr(origin, "model", None) is not None and issubclass(origin.model, BasePage):
            return  # the page itself is being deleted (a withdrawal, never a disclosure)
        _refuse_child_change(instance, parent_attname, parent_model)

    return receiver


_receivers: list = []  # signals hold receivers weakly


def connect_child_guards(models) -> None:
    """Guard the child rows of every disclosure page type among ``models``."""
    for model in models:
        if not (issubclass(model, BasePage) and is_disclosure_model(model)):
            continue
        for relation in get_all_child_relations(model):
            child = relation.related_model
            on_save = _child_save_receiver(relation.field.attname, model)
            on_delete = _child_delete_receiver(relation.field.attname, model)
            _receivers.extend([on_save, on_delete])
            pre_save.connect(on_save, sender=child, dispatch_uid=f"disclosure_child_save_{child._meta.label}")
            pre_delete.connect(on_delete, sender=child, dispatch_uid=f"disclosure_child_delete_{child._meta.label}")


def _pass_for_deleted_page(sender, instance, **kwargs) -> None:
    """Deleting a live page removes its child rows first: the triggers must let that through."""
    if isinstance(instance, BasePage) and instance.live and instance.pk is not None:
        PublicationPass.objects.create(page_id=instance.pk)


def _end_pass_for_deleted_page(sender, instance, **kwargs) -> None:
    if isinstance(instance, BasePage) and instance.pk is not None:
        PublicationPass.objects.filter(page_id=instance.pk).delete()


pre_delete.connect(_pass_for_deleted_page, dispatch_uid="disclosure_pages_deletion_pass")
post_delete.connect(_end_pass_for_deleted_page, dispatch_uid="disclosure_pages_deletion_pass_end")
