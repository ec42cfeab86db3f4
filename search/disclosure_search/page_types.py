"""The page types search covers, and the date each result shows: shared by filters, results and the engine."""

from __future__ import annotations

import datetime
from functools import lru_cache
from typing import Any

from django.apps import apps
from django.utils.text import capfirst
from django.utils.translation import get_language

from disclosure_pages.mixins import DisclosurePageMixin
from disclosure_pages.portal.models import DisclosurePortalPage
from disclosure_pages.sections import SectionIndexPage


def disclosure_models() -> list[type]:
    """Every concrete disclosure page type that holds information, in app registry order.

    The portal and its section pages are navigation: with little text they would rank
    above the documents citizens look for, so search leaves them out.
    """
    return [
        model
        for model in apps.get_models()
        if issubclass(model, DisclosurePageMixin)
        and not issubclass(model, (SectionIndexPage, DisclosurePortalPage))
        and not model._meta.abstract
        and not model._meta.proxy
    ]


def model_by_code(code: str) -> type | None:
    for model in disclosure_models():
        if model._meta.model_name == code:
            return model
    return None


def type_label(model: type) -> str:
    return _type_label(model, get_language())


@lru_cache(maxsize=256)
def _type_label(model: type, language: str | None) -> str:
    return str(capfirst(model._meta.verbose_name))


def has_field(model: type, name: str) -> bool:
    try:
        model._meta.get_field(name)
    except Exception:
        return False
    return True


def date_field(model: type) -> str | None:
    """The 发布日期 of a page type, if it has one."""
    return "publish_date" if has_field(model, "publish_date") else None


def publication_date(page: Any) -> datetime.date | None:
    """The date a result shows and sorts by: 发布日期 where the type has one, else first publication."""
    name = date_field(type(page))
    value = getattr(page, name, None) if name else None
    if value is None and page.first_published_at is not None:
        value = page.first_published_at.date()
    return value
