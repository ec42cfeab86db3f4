"""What a reviewer and an approver are told once they have acted in the workflow.

Wagtail's workflow actions end in a redirect without a word: the reviewer did not learn that the
entry went on to sign-off, nor the approver that it is live and under which 索引号.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.utils.translation import gettext as _

from .actor import current_request


def _tell(text: str) -> None:
    request = current_request()
    if request is not None:
        messages.success(request, text, fail_silently=True)


def after_review(page: Any, proactive: bool) -> None:
    if proactive:
        _tell(_("“%(title)s”已通过保密审查，已转交审核签发。") % {"title": page.title})
    else:
        _tell(_("“%(title)s”的保密审查结论不是主动公开，不予发布，审核流程已结束。") % {"title": page.title})


def after_sign_off(page: Any, revision_id: int) -> None:
    """Told from the page as stored: only once the signed-off revision is the live one."""
    page = type(page).objects.filter(pk=page.pk).first()
    if page is None or not page.live or page.live_revision_id != revision_id:
        return
    number = getattr(page, "shown_index_number", "") or ""
    if number:
        _tell(_("“%(title)s”已签发并发布，索引号：%(number)s。") % {"title": page.title, "number": number})
    else:
        _tell(_("“%(title)s”已签发并发布。") % {"title": page.title})
