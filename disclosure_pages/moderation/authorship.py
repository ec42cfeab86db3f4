"""Who wrote a content since its last approval: the people four eyes keep from reviewing it."""

from __future__ import annotations

from django.db.models import BigIntegerField, F, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from wagtail.models import Revision

from ..pagebase import BasePage
from .models import ConfidentialityReview


def review_page_id(page) -> int | None:
    """The page whose reviews cover ``page``'s content (an alias is covered by its source's)."""
    return page.alias_of_id or page.pk


def last_approval(page_id: int, *, exclude_task_state: int | None = None):
    approvals = ConfidentialityReview.objects.filter(page_id=page_id).approvals()
    if exclude_task_state is not None:
        approvals = approvals.exclude(task_state_id=exclude_task_state)
    return approvals.order_by("-created_at", "-pk").first()


def author_ids(page, *, exclude_task_state: int | None = None) -> set[int]:
    """Users who wrote or edited ``page`` since its last approval (its owner too if never approved)."""
    page_id = review_page_id(page)
    if page_id is None:
        return set()
    revisions = Revision.objects.filter(
        base_content_type_id=page.get_base_content_type().pk, object_id=str(page_id), user__isnull=False
    )
    approval = last_approval(page_id, exclude_task_state=exclude_task_state)
    if approval is not None:
        revisions = revisions.filter(created_at__gt=approval.created_at)
    ids = set(revisions.values_list("user_id", flat=True))
    if approval is None:
        owner_id = BasePage.objects.filter(pk=page_id).values_list("owner_id", flat=True).first()
        if owner_id is not None:
            ids.add(owner_id)
    return ids


def authored_page_ids(pages: list, user) -> set[int]:
    """Of ``pages``, those ``user`` may not review (the bulk ``author_ids``: one query, two if they own some)."""
    if not pages:
        return set()
    ids = {page.pk for page in pages}
    last = (
        ConfidentialityReview.objects.approvals()
        .filter(page_id=Cast(OuterRef("object_id"), BigIntegerField()))
        .order_by("-created_at", "-pk")
        .values("created_at")[:1]
    )
    authored = set(
        int(object_id)
        for object_id in Revision.objects.filter(
            base_content_type_id=pages[0].get_base_content_type().pk, object_id__in=[str(pk) for pk in ids], user=user
        )
        .annotate(last_approval=Subquery(last))
        .filter(Q(last_approval__isnull=True) | Q(created_at__gt=F("last_approval")))
        .values_list("object_id", flat=True)
    )
    owned = {page.pk for page in pages if page.owner_id == user.pk} - authored
    if owned:
        approved = set(ConfidentialityReview.objects.approvals().filter(page_id__in=owned).values_list("page_id", flat=True))
        authored |= owned - approved
    return authored
