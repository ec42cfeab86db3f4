"""Identical applications (第四十四条): the same information asked of the same body by several
people, which the body may decide to disclose proactively.

Two descriptions are the same subject when they read the same once script, width,
spacing and punctuation are folded (繁體 or 简体, 〔2024〕 or [2024]). One click turns such
an application into a draft catalog entry, which then goes through 保密审查 and sign-off
like any other page; nothing here publishes.
"""

from __future__ import annotations

import hashlib
import re

from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from disclosure_pages.catalog.models import CatalogEntryPage, CatalogIndexPage
from disclosure_pages.text.normalise import forms

from .models import Application

PROPOSED_ACTION = "disclosure_applications.proposed_for_proactive_disclosure"
_NOT_WORD = re.compile(r"[\W_]+")


def subject_key(description: str) -> str:
    """The same for descriptions that differ only in script, width, spacing and punctuation."""
    folded = _NOT_WORD.sub("", forms(description).chars)
    return hashlib.sha1(folded.encode()).hexdigest() if folded else ""


def identical_to(application: Application) -> QuerySet[Application]:
    """The other applications of the same subject to the same body, by other applicants."""
    if not application.subject_key:
        return Application.objects.none()
    others = Application.objects.filter(
        organisation_id=application.organisation_id, subject_key=application.subject_key
    ).exclude(pk=application.pk)
    if application.id_number:
        others = others.exclude(id_number=application.id_number)
    return others.order_by("received_on", "pk")


def with_identical(queryset: QuerySet[Application]) -> QuerySet[Application]:
    """The applications of ``queryset`` whose subject was asked of their body by several people."""
    others = (
        Application.objects.filter(organisation_id=OuterRef("organisation_id"), subject_key=OuterRef("subject_key"))
        .exclude(pk=OuterRef("pk"))
        .exclude(id_number=OuterRef("id_number"))
    )
    return queryset.exclude(subject_key="").filter(Exists(others))


def catalog_for(user) -> CatalogIndexPage | None:
    """The first catalog the person may add entries to."""
    for catalog in CatalogIndexPage.objects.order_by("path"):
        if catalog.permissions_for_user(user).can_add_subpage():
            return catalog
    return None


def propose_catalog_entry(application: Application, user) -> CatalogEntryPage:
    """A draft 目录条目 for the subject of ``application`` (the editor completes and submits it)."""
    catalog = catalog_for(user)
    if catalog is None:
        raise PermissionError(_("您没有在公开目录中新建条目的权限。"))
    numbers = [application.number, *identical_to(application).values_list("number", flat=True)]
    title = application.description.strip().splitlines()[0][:200]
    summary = _(
        "本信息经 %(count)d 位申请人申请公开（受理编号：%(numbers)s），根据《中华人民共和国政府信息公开条例》第四十四条纳入主动公开范围。"
    ) % {
        "count": len(numbers),
        "numbers": "、".join(numbers),
    }
    entry = CatalogEntryPage(
        title=title, publisher=application.organisation, summary=summary[:300], publish_date=timezone.localdate(),
        live=False,
    )  # fmt: skip
    catalog.add_child(instance=entry)
    entry.save_revision(user=user, log_action=True)
    log(application, PROPOSED_ACTION, user=user, data={"page_id": entry.pk})
    return entry
