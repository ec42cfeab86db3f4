"""The confidentiality invariant, enforced where every publishing path passes: the model layer.

A disclosure page is live only with content whose latest confidentiality review is an
approval with the decision 主动公开. The check runs on ``pre_save`` of any page
instance (specific or base ``Page``, raw fixture saves included), so it holds for the
Publish button, reverts, workflows, bulk actions, schedules, APIs, copies, moves,
translations, commands and code alike, for every user including superusers. Database
triggers (migration 0007) back it for writes that skip Python entirely: a live page's
content changes only while the guard holds a publication pass for it (publication.py).
"""

from __future__ import annotations

import logging
from contextvars import ContextVar
from typing import NamedTuple

from django.core.exceptions import PermissionDenied
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import Revision

from ..pagebase import BasePage
from ..visibility import shown_by_mode
from .fingerprint import content_fingerprint
from .models import ConfidentialityReview

logger = logging.getLogger("disclosure_pages.moderation")

# Fields a save may write on a live page without changing what citizens see.
BOOKKEEPING_FIELDS = frozenset(
    {
        "latest_revision", "latest_revision_created_at", "draft_title", "has_unpublished_changes",
        "locked", "locked_at", "locked_by", "path", "depth", "numchild", "url_path", "slug",
        "owner", "search_description_auto", "expired", "expire_at", "go_live_at", "show_in_menus",
        "translation_key", "locale", "wagtail_admin_comments", "comments",
    }
)
ALIAS_FIELDS = frozenset({"alias_of", "alias_of_id"})


def detaches_alias(page, update_fields) -> bool:
    """Whether this save makes a live alias a page of its own: wagtail-localize does so when an
    alias becomes a translation, then writes the translated text into the page."""
    fields = set(update_fields or ())
    return bool(
        page.live and page.alias_of_id is None and fields & ALIAS_FIELDS and fields <= BOOKKEEPING_FIELDS | ALIAS_FIELDS
    )



# Refusals raised during the current request, so that the request is rolled back even
# when a view (an API's error handler, say) turns the exception into a response itself.
_refusals: ContextVar[list | None] = ContextVar("disclosure_moderation_refusals", default=None)


class ModerationRefusal(PermissionDenied):
    """Refused by the moderation rules; carries the page for the audit log."""

    log_action = "disclosure_pages.publish_refused"

    def __init__(self, message, page=None, subject=None):
        super().__init__(message)
        self.message = str(message)
        self.page = page
        # What the audit-log entry is about when no page is (a user whose role was refused).
        self.subject = subject
        refusals = _refusals.get()
        if refusals is not None:
            refusals.append(self)


def collect_refusals() -> tuple[list, object]:
    """Start collecting refusals (for one request); returns the list and a reset token."""
    refusals: list = []
    return refusals, _refusals.set(refusals)


def stop_collecting(token) -> None:
    _refusals.reset(token)


class UnreviewedPublication(ModerationRefusal):
    """A disclosure page would go live without an approved review of exactly that content."""


def is_disclosure_model(model) -> bool:
    """Page types plug into moderation by the marker ``DisclosurePageMixin`` sets."""
    return bool(getattr(model, "is_disclosure_page", False))


def is_disclosure_page(page) -> bool:
    if is_disclosure_model(type(page)):
        return True
    if isinstance(page, BasePage) and page.content_type_id:
        return is_disclosure_model(page.specific_class)
    return False


def content_going_live(page):
    """The specific page whose content a save of ``page`` would make public."""
    if is_disclosure_model(type(page)) or page.pk is None:
        return page
    # A base Page instance (a move saves one): its own fields over the specific row.
    specific = page.specific_class.objects.filter(pk=page.pk).first()
    if specific is None:  # a fixture loading the base row before the specific one
        return page
    for field in BasePage._meta.concrete_fields:
        setattr(specific, field.attname, getattr(page, field.attname))
    return specific


def page_type_refusal(page) -> str | None:
    """Why the page's type says it may not be live (its ``publication_refusal``), beyond the 公开方式 rule."""
    hook = getattr(page, "publication_refusal", None)
    return hook() if hook is not None else None


def latest_review(page, fingerprint: str):
    review_page_id = page.alias_of_id or page.pk
    if review_page_id is None:
        return None
    return (
        ConfidentialityReview.objects.filter(page_id=review_page_id, fingerprint=fingerprint)
        .order_by("-created_at", "-pk")
        .first()
    )


def approval_for(page):
    """The approval that lets ``page``'s current content be public, or None."""
    review = latest_review(page, content_fingerprint(page))
    return review if review is not None and review.allows_publication else None


class Verdict(NamedTuple):
    """What the rules say about one page's current content."""

    reason: str | None
    review: object | None
    fingerprint: str


def verdict(page) -> Verdict:
    """The rules applied to ``page`` (a specific disclosure page) as it would be live now."""
    if not shown_by_mode(page):  # the Regulation's rule, whatever a page type declares
        return Verdict(str(_("“%(title)s”的公开方式不是主动公开，不能在网站公开。") % {"title": page.title}), None, "")
    refusal = page_type_refusal(page)
    if refusal:
        return Verdict(str(refusal), None, "")
    fingerprint = content_fingerprint(page)
    review = latest_review(page, fingerprint)
    if review is None:
        reason = str(_("“%(title)s”的当前内容未经保密审查，不能发布。请提交审核。") % {"title": page.title})
    elif not review.allows_publication:
        reason = str(
            _("“%(title)s”的当前内容保密审查结论为“%(result)s”，不能发布。")
            % {"title": page.title, "result": review.get_decision_display() or review.get_outcome_display()}
        )
    else:
        reason = None
    return Verdict(reason, review if reason is None else None, fingerprint)


def refusal_reason(page) -> str | None:
    """Why ``page`` (a specific disclosure page) may not be live with its current content."""
    return verdict(page).reason


def check_publication(page, update_fields=None) -> Verdict | None:
    """Raise UnreviewedPublication if saving ``page`` would put unreviewed content live.

    Returns the verdict that let the content through, or None when nothing needed checking
    (a draft, a page of another app, a save of bookkeeping fields only, or a save the
    publication wrapper has already checked).
    """
    if not page.live or not is_disclosure_page(page) or getattr(page, "_disclosure_checked", False):
        return None
    if update_fields is not None and set(update_fields) <= BOOKKEEPING_FIELDS:
        return None
    target = content_going_live(page)
    if not is_disclosure_model(type(target)):
        result = Verdict(str(_("“%(title)s”没有可核对的内容，不能发布。") % {"title": page.title}), None, "")
    else:
        result = verdict(target)
    if result.reason:
        logger.warning("Refused publication of page %s: %s", page.pk, result.reason)
        raise UnreviewedPublication(result.reason, page=target)
    return result


@receiver(pre_save, dispatch_uid="disclosure_pages_publication_guard")
def guard_page_save(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    if isinstance(instance, BasePage):
        check_publication(instance, update_fields)


@receiver(pre_save, sender=Revision, dispatch_uid="disclosure_pages_schedule_guard")
def guard_scheduling(sender, instance: Revision, update_fields=None, **kwargs) -> None:
    """Scheduling a revision to go live later needs the same approval as publishing it now."""
    if instance.approved_go_live_at is None:
        return
    if update_fields is not None and "approved_go_live_at" not in update_fields:
        return
    page = instance.content_object if instance.object_id else None
    if page is None or not is_disclosure_page(page):
        return
    target = instance.as_object()
    reason = refusal_reason(target)
    if reason:
        raise UnreviewedPublication(_("不能定时发布：") + reason, page=target)


def log_refusal(refusal: ModerationRefusal, user=None) -> None:
    """Write the refusal to Wagtail's audit log (call after the refused work was rolled back)."""
    target = refusal.page if refusal.page is not None else refusal.subject
    if target is None or target.pk is None:
        return
    try:
        log(
            instance=target,
            action=refusal.log_action,
            user=user if user is not None and user.is_authenticated else None,
            data={"reason": refusal.message},
        )
    except Exception:  # the audit log must never turn a refusal into a crash
        logger.exception("Could not write the refusal about %r to the audit log", target)
