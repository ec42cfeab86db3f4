"""Who is a confidentiality reviewer: a member of a group assigned to an active 保密审查 task."""

from __future__ import annotations

from .tasks import ConfidentialityReviewTask


def is_confidentiality_reviewer(user) -> bool:
    if user is None or not user.is_active:
        return False
    return ConfidentialityReviewTask.objects.filter(active=True, groups__user=user).exists()
