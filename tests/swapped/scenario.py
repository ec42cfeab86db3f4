"""Run inside the swapped host: build a portal, publish an entry, render it."""

import datetime

import django

django.setup()

from django.test import Client  # noqa: E402
from wagtail.models import Site  # noqa: E402

from disclosure_pages.models import CatalogEntryPage, CatalogIndexPage, DisclosurePortalPage, Organisation  # noqa: E402
from disclosure_pages.pagebase import BasePage  # noqa: E402

assert BasePage._meta.label == "basepage.BasePage", BasePage
root = Site.objects.get(is_default_site=True).root_page
portal = DisclosurePortalPage(title="政府信息公开", slug="xxgk", live=False)
root.add_child(instance=portal)
portal.save_revision().publish()
catalog = CatalogIndexPage(title="目录", slug="catalog", live=False)
portal.add_child(instance=catalog)
catalog.save_revision().publish()
org = Organisation.objects.create(name="测试机关", code="003110926")
entry = CatalogEntryPage(title="测试条目", slug="e1", publisher=org, publish_date=datetime.date(2024, 6, 2), live=False)
catalog.add_child(instance=entry)
entry.save_revision().publish()
entry.refresh_from_db()
assert isinstance(entry, BasePage)
assert entry.index_number == "003110926/2024-00001", entry.index_number
client = Client()
for page in (portal, catalog, entry):
    response = client.get(page.url)
    assert response.status_code == 200, (page.url, response.status_code)
print("swapped base page: ok")
