"""The benchmark's own portal: made before a run, deleted after it, never beside real content.

Review records are immutable by design (the model refuses changes, and database
triggers refuse ``UPDATE`` and, on PostgreSQL, ``DELETE``), so a run cannot take back
the approvals it records. The benchmark therefore writes only to a database that holds
no disclosure page and no review record other than its own: a throwaway database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, Revision, Site

from disclosure_pages.catalog.index_numbers import IndexNumberSequence
from disclosure_pages.catalog.models import CatalogEntryPage, CatalogIndexPage
from disclosure_pages.moderation.models import ConfidentialityReview, Source
from disclosure_pages.moderation.review import record_legacy_approval
from disclosure_pages.pagebase import BasePage
from disclosure_pages.portal.models import DisclosurePortalPage
from disclosure_pages.taxonomy.models import Organisation

from .vocabulary import ORGANISATION_NAMES

PORTAL_SLUG_PREFIX = "bench-search-"
ORG_CODE_PREFIX = "BENCH"
REVIEW_COMMENT = "bench_search: synthetic benchmark entry"


@dataclass
class Fixture:
    """The benchmark's own portal, catalog and organisations."""

    portal: DisclosurePortalPage
    catalog: CatalogIndexPage
    organisations: list[tuple[Organisation, str]]  # (organisation, 文号 prefix)
    created_organisations: list[int] = field(default_factory=list)


def real_content() -> list[str]:
    """What this database holds that the benchmark did not write (empty: a throwaway database)."""
    pages = Page.objects.filter(content_type__app_label=DisclosurePortalPage._meta.app_label)
    for path in DisclosurePortalPage.objects.filter(slug__startswith=PORTAL_SLUG_PREFIX).values_list("path", flat=True):
        pages = pages.exclude(path__startswith=path)
    found = []
    if count := pages.count():
        found.append(f"{count} disclosure pages")
    if count := ConfidentialityReview.objects.exclude(comment=REVIEW_COMMENT).count():
        found.append(f"{count} confidentiality review records")
    return found


def _publish(parent: Any, page: Any) -> Any:
    """Create and publish one page the way an import does (a recorded approval, then publish)."""
    page.live = False
    parent.add_child(instance=page)
    revision = page.save_revision()
    record_legacy_approval(revision, None, source=Source.DEMO, comment=REVIEW_COMMENT)
    revision.publish()
    page.refresh_from_db()
    return page


def create_fixture() -> Fixture:
    """A live benchmark portal with a catalog under the default site's root, and organisations."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise RuntimeError("No default site: run migrations first.")
    stamp = timezone.now().strftime("%Y%m%d%H%M%S%f")
    portal = _publish(
        site.root_page,
        DisclosurePortalPage(title="政府信息公开（检索基准测试）", slug=f"{PORTAL_SLUG_PREFIX}{stamp}"),
    )
    catalog = _publish(portal, CatalogIndexPage(title="政府信息公开目录", slug="catalog"))
    organisations: list[tuple[Organisation, str]] = []
    created: list[int] = []
    for number, (name, prefix) in enumerate(ORGANISATION_NAMES, start=1):
        organisation, was_created = Organisation.objects.get_or_create(
            code=f"{ORG_CODE_PREFIX}{number:03d}0", defaults={"name": name, "short_name": prefix}
        )
        organisations.append((organisation, prefix))
        if was_created:
            created.append(organisation.pk)
    return Fixture(portal, catalog, organisations, created)


def delete_fixture(fixture: Fixture, ids: list[int], *, backend_is_database: bool, batch_size: int = 900) -> int:
    """Delete the entries in bulk, then the portal the Wagtail way; returns the review records left."""
    from wagtail.search.models import IndexEntry

    content_type = ContentType.objects.get_for_model(CatalogEntryPage)
    page_type = ContentType.objects.get_for_model(BasePage)
    entry_table = connection.ops.quote_name(CatalogEntryPage._meta.db_table)
    for start in range(0, len(ids), batch_size):
        chunk = ids[start : start + batch_size]
        with transaction.atomic():
            if backend_is_database:
                IndexEntry.objects.filter(
                    content_type_id=content_type.pk, object_id__in=[str(pk) for pk in chunk]
                )._raw_delete(IndexEntry.objects.db)
            placeholders = ", ".join(["%s"] * len(chunk))
            with connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {entry_table} WHERE page_ptr_id IN ({placeholders})", chunk)  # noqa: S608
            BasePage.objects.filter(pk__in=chunk)._raw_delete(BasePage.objects.db)
            Revision.objects.filter(object_id__in=[str(pk) for pk in chunk], base_content_type=page_type)._raw_delete(
                Revision.objects.db
            )
            PageLogEntry.objects.filter(page_id__in=chunk)._raw_delete(PageLogEntry.objects.db)
    BasePage.objects.filter(pk=fixture.catalog.pk).update(numchild=0)
    with transaction.atomic():
        DisclosurePortalPage.objects.get(pk=fixture.portal.pk).delete()
        if fixture.created_organisations:
            IndexNumberSequence.objects.filter(organisation_id__in=fixture.created_organisations).delete()
            for organisation in Organisation.objects.filter(pk__in=fixture.created_organisations):
                organisation.delete()
    return ConfidentialityReview.objects.filter(comment=REVIEW_COMMENT).count()
