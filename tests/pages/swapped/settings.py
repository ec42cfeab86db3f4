"""A host site that swaps Wagtail's base page model (WAGTAIL_PAGE_MODEL).

Uses the BasePage test model that Wagtail itself ships for this purpose. wagtail-localize
is left out: it checks ``isinstance(page, wagtail.models.Page)``, which a swapped base
page is not.
"""

import os

from hostsite.settings.test import *  # noqa: F403
from hostsite.settings.test import INSTALLED_APPS

INSTALLED_APPS = ["wagtail.test.basepage"] + [a for a in INSTALLED_APPS if not a.startswith("wagtail_localize")]
WAGTAIL_PAGE_MODEL = "basepage.BasePage"
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ["SWAPPED_DB"],
        "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 30, "init_command": "PRAGMA synchronous = OFF"},
    }
}
