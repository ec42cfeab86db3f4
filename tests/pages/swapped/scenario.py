"""Run inside the swapped host: build a portal, publish an entry, render it."""

import datetime

import django

django.setup()

from django.db import DatabaseError, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from wagtail.models import Site  # noqa: E402

from disclosure_pages.models import CatalogEntryPage, CatalogIndexPage, DisclosurePortalPage, Organisation  # noqa: E402
from disclosure_pages.moderation.guard import UnreviewedPublication  # noqa: E402
from disclosure_pages.moderation.review import record_legacy_approval  # noqa: E402
from disclosure_pages.pagebase import BasePage  # noqa: E402

assert BasePage._meta.label == "basepage.BasePage", BasePage
root = Site.objects.get(is_default_site=True).root_page


def publish(page):
    revision = page.save_revision()
    try:
        revision.publish()
    except UnreviewedPublication:
        pass
    else:
        raise AssertionError("published without a confidentiality review")
    record_legacy_approval(revision, None, source="demo")
    revision.publish()


portal = DisclosurePortalPage(title="政府信息公开", slug="xxgk", live=False)
root.add_child(instance=portal)
publish(portal)
catalog = CatalogIndexPage(title="目录", slug="catalog", live=False)
portal.add_child(instance=catalog)
publish(catalog)
org = Organisation.objects.create(name="测试机关", code="003110926")
entry = CatalogEntryPage(title="测试条目", slug="e1", publisher=org, publish_date=datetime.date(2024, 6, 2), live=False)
catalog.add_child(instance=entry)
publish(entry)
entry.refresh_from_db()
# The database trigger holds on the swapped page table too.
draft = CatalogEntryPage(title="草稿", slug="e2", publisher=org, live=False)
catalog.add_child(instance=draft)
try:
    with transaction.atomic():
        BasePage.objects.filter(pk=draft.pk).update(live=True)
except DatabaseError:
    pass
else:
    raise AssertionError("the trigger did not refuse a raw update")
assert isinstance(entry, BasePage)
assert entry.index_number == "003110926/2024-00001", entry.index_number
client = Client()
for page in (portal, catalog, entry):
    response = client.get(page.url)
    assert response.status_code == 200, (page.url, response.status_code)
print("swapped base page: ok")
