"""Template tags of the reviewer's admin screens; the work is done in ``moderation/review_modal.py``."""

from __future__ import annotations

from django import template

from ..moderation.review_modal import review_context

register = template.Library()
register.simple_tag(review_context)
