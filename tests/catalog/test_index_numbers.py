"""索引号: assigned on first publication, unique, never reused, never changed once public."""

from __future__ import annotations

import datetime
import re
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from disclosure_pages.catalog.index_numbers import (
    IndexNumberSequence,
    next_sequence_value,
    validate_index_number_format,
)
from disclosure_pages.models import CatalogEntryPage, CatalogIndexPage, DisclosureSettings
from tests import factories

pytestmark = pytest.mark.django_db


def test_draft_has_no_number_and_first_publish_assigns_one(catalog, org):
    page = factories.entry(catalog, publish=False)
    assert page.index_number is None
    factories.publish(page)
    assert page.index_number == f"{org.code}/2024-00001"


def test_sequence_is_per_organisation_and_per_year(catalog, org):
    other = factories.organisation("安庆市财政局", "003110801")
    a = factories.entry(catalog)
    b = factories.entry(catalog)
    c = factories.entry(catalog, publisher=other)
    d = factories.entry(catalog, publish_date=datetime.date(2025, 1, 3))
    assert [a.index_number, b.index_number] == ["003110926/2024-00001", "003110926/2024-00002"]
    assert c.index_number == "003110801/2024-00001"
    assert d.index_number == "003110926/2025-00001"


def test_number_survives_edits_reverts_unpublish_and_republish(catalog):
    page = factories.entry(catalog)
    number = page.index_number
    first_revision = page.latest_revision

    page.title = "修改后的标题"
    factories.publish(page)
    assert page.index_number == number

    # Reverting to the revision saved before the number existed must not clear it.
    first_revision.publish()
    page.refresh_from_db()
    assert page.index_number == number

    page.unpublish()
    page.refresh_from_db()
    assert page.index_number == number
    page.get_latest_revision().publish()
    page.refresh_from_db()
    assert page.index_number == number
    assert IndexNumberSequence.objects.get().last_value == 1


def test_a_revision_cannot_change_the_number(catalog):
    page = factories.entry(catalog)
    revision = page.save_revision()
    revision.content["index_number"] = "forged/2024-99999"
    revision.save()
    revision.publish()
    page.refresh_from_db()
    assert page.index_number.endswith("2024-00001")


def test_copy_gets_its_own_number_when_published(catalog):
    page = factories.entry(catalog)
    draft_copy = page.copy(update_attrs={"slug": "draft-copy", "title": "副本"}, keep_live=False)
    assert draft_copy.specific.index_number is None
    factories.publish(draft_copy.specific)
    draft_copy = CatalogEntryPage.objects.get(pk=draft_copy.pk)
    assert draft_copy.index_number.endswith("2024-00002")
    assert CatalogEntryPage.objects.get(pk=page.pk).index_number.endswith("2024-00001")


def test_numbers_are_never_reused_after_deletion(catalog):
    first = factories.entry(catalog)
    first.delete()
    second = factories.entry(catalog)
    assert second.index_number.endswith("-00002")


def test_site_format_is_used_and_skips_numbers_that_exist(catalog, org, portal):
    settings = DisclosureSettings.for_site(portal.get_site())
    settings.index_number_format = "{org_code}-{seq}"
    settings.save()
    a = factories.entry(catalog)
    assert a.index_number == "003110926-1"
    # A different year restarts the counter, but "003110926-1" is taken: the next is used.
    b = factories.entry(catalog, publish_date=datetime.date(2023, 5, 1))
    assert b.index_number == "003110926-2"


@pytest.mark.parametrize(
    "fmt",
    ["{org_code}/{year}", "{org_code}/{yr}-{seq}", "{org_code/{seq}", "{seq:q}"],
)
def test_bad_formats_are_refused(fmt):
    with pytest.raises(ValidationError):
        validate_index_number_format(fmt)


def test_default_format_shape(catalog):
    page = factories.entry(catalog)
    assert re.fullmatch(r"\d{9}/\d{4}-\d{5}", page.index_number)


def _run_in_threads(count: int, target) -> list:
    barrier = threading.Barrier(count)
    results: list = []
    errors: list = []

    def worker(i: int) -> None:
        try:
            barrier.wait(timeout=30)
            results.append(target(i))
        except Exception as exc:  # reported below, so a failure names its cause
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors
    return results


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_counter_increments_never_collide():
    org = factories.organisation()
    values = _run_in_threads(8, lambda i: next_sequence_value(org.pk, 2024))
    assert sorted(values) == list(range(1, 9))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_entries_published_at_the_same_moment_get_different_numbers():
    portal = factories.portal()
    catalog = factories.section(portal, CatalogIndexPage)
    drafts = [factories.entry(catalog, publish=False) for _ in range(6)]
    for draft in drafts:
        factories.approve(draft.get_latest_revision())
    if connection.vendor == "sqlite":
        assert connection.settings_dict["OPTIONS"]["transaction_mode"] == "IMMEDIATE"

    def publish(i: int) -> str:
        page = CatalogEntryPage.objects.get(pk=drafts[i].pk)
        page.get_latest_revision().publish()
        return CatalogEntryPage.objects.get(pk=page.pk).index_number

    numbers = _run_in_threads(len(drafts), publish)
    assert len(set(numbers)) == len(drafts)
    assert sorted(n[-5:] for n in numbers) == [f"{i:05d}" for i in range(1, 7)]
