"""The page model the add-on's page types inherit from.

Wagtail 8 lets a host site swap its base page model (``WAGTAIL_PAGE_MODEL``). The
add-on resolves it here, once, so every page type follows the host's choice. A host
that swaps the model must list the app defining it before ``disclosure_pages`` in
``INSTALLED_APPS``.
"""

from __future__ import annotations

import swapper
from django.db import models
from wagtail.models import Page as _WagtailPage  # noqa: F401  (sets swapper's prefix)

swapper.set_app_prefix("wagtailcore", "wagtail")

BasePage = swapper.load_model("wagtailcore", "Page", require_ready=False)
BASE_PAGE_MODEL_NAME: str = swapper.get_model_name("wagtailcore", "Page")


def page_parent_link() -> models.OneToOneField:
    """An explicit ``page_ptr`` so the column keeps its name whatever the base model is called."""
    return models.OneToOneField(
        BasePage,
        on_delete=models.CASCADE,
        parent_link=True,
        primary_key=True,
        serialize=False,
    )
