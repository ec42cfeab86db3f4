"""Which tables hold what citizens can see: the single home of that list for the public cache."""

from __future__ import annotations

from django.apps import apps
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction, Locale, Page, PageViewRestriction, Site

from ..conf import get_setting
from ..pagebase import BasePage

#: Columns of the base page table (Wagtail's, or the host's swapped one) that change what citizens see when the page is live.
#: The others (draft_title, latest_revision, locks, numchild…) change while editors draft.
PAGE_COLUMNS = (
    "live", "title", "slug", "path", "url_path", "show_in_menus", "seo_title", "search_description",
    "locale_id", "alias_of_id", "translation_key", "content_type_id", "first_published_at",
    "last_published_at", "live_revision_id", "expired",
)  # fmt: skip
#: Columns Wagtail fills in lazily the first time a citizen downloads a file or sees an image.
LAZY_FILE_COLUMNS = frozenset({"file_size", "file_hash"})
#: Models of the add-on shown on public pages besides the pages themselves.
ADD_ON_MODELS = (
    "disclosure_pages.ClassificationTerm",
    "disclosure_pages.Organisation",
    "disclosure_pages.DisclosureSettings",
    "disclosure_pages.PublishedFile",
)


def _through_tables(model: type[models.Model]) -> list[type[models.Model]]:
    return [field.remote_field.through for field in model._meta.local_many_to_many]


def page_models() -> list[type[models.Model]]:
    """Every concrete page type's own table (the base page table is watched column by column)."""
    return [m for m in apps.get_models() if issubclass(m, Page) and m is not BasePage and not m._meta.proxy]


def child_models(pages: list[type[models.Model]]) -> list[type[models.Model]]:
    """Rows a page shows as its own (attachments, links): models with a ParentalKey to a page type.

    Not those of the base page (editors' comments).
    """
    page_set = set(pages)
    return [
        model
        for model in apps.get_models()
        if any(
            isinstance(field, ParentalKey) and field.remote_field.model in page_set
            for field in model._meta.local_fields
        )
    ]


def other_models() -> list[type[models.Model]]:
    named = [*ADD_ON_MODELS, *get_setting("DISCLOSURE_PUBLIC_CACHE_MODELS")]
    found = [apps.get_model(label) for label in named if _installed(label)]
    wagtail = [Site, Locale, PageViewRestriction, Collection, CollectionViewRestriction, get_document_model(),
               get_image_model()]  # fmt: skip
    return [*wagtail, *found]


def _installed(label: str) -> bool:
    try:
        apps.get_model(label)
    except LookupError:
        return False
    return True


def watched_tables() -> dict[str, frozenset[str]]:
    """Every table whose changes bump the generation (Wagtail's page table aside), with the
    columns whose changes do not (none but the files' lazily filled ones)."""
    pages = page_models()
    models_ = [*pages, *child_models(pages), *other_models()]
    for model in list(models_):
        models_.extend(_through_tables(model))
    files = {get_document_model(), get_image_model()}
    return {
        model._meta.db_table: LAZY_FILE_COLUMNS if model in files else frozenset()
        for model in sorted(models_, key=lambda m: m._meta.db_table)
        if model._meta.managed or model._meta.auto_created
    }
