"""Identical applications (第四十四条): linked across applicants, listed, and turned into a draft
catalog entry in one click, which is a draft like any other (nothing is published)."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import Group
from wagtail.models import ModelLogEntry

from disclosure_applications.identical import identical_to, subject_key, with_identical
from disclosure_applications.models import Application, OfficeHandler
from disclosure_pages.models import CatalogEntryPage
from tests import factories

from .conftest import ID_NUMBER, letter

WANTED = "2024年城乡低保资金发放明细（宜政办秘〔2024〕8号）"
OTHER_ID = "110105194912310037"  # another valid 居民身份证 number


def test_a_subject_reads_the_same_in_either_script_width_and_punctuation() -> None:
    key = subject_key(WANTED)
    assert key and subject_key("2024年城鄉低保資金發放明細(宜政辦秘[2024]8號)") == key
    assert subject_key("２０２４年 城乡低保资金发放明细，宜政办秘〔2024〕8号。") == key
    assert subject_key("2023年城乡低保资金发放明细（宜政办秘〔2024〕8号）") != key
    assert subject_key("。，！") == ""


@pytest.fixture
def three(office):
    """The same subject from two people (one in 繁體), the first person again, and another body."""
    first = letter(office, datetime.date(2025, 9, 26), description=WANTED)
    second = letter(office, datetime.date(2025, 9, 29), description="2024年城鄉低保資金發放明細（宜政辦秘〔2024〕8號）",
                    name="李四", id_number=OTHER_ID)  # fmt: skip
    again = letter(office, datetime.date(2025, 10, 9), description=WANTED)
    elsewhere = letter(factories.organisation(name="安庆市财政局", code="00311092X"), datetime.date(2025, 9, 26),
                       description=WANTED, id_number=OTHER_ID)  # fmt: skip
    return first, second, again, elsewhere


def test_identical_applications_are_those_of_other_people_to_the_same_body(three) -> None:
    first, second, again, elsewhere = three
    assert list(identical_to(first)) == [second]
    assert list(identical_to(second)) == [first, again]
    assert list(identical_to(elsewhere)) == []
    assert set(with_identical(Application.objects.all())) == {first, second, again}


def test_the_handler_sees_them_and_the_list_filters_them(client, three, django_user_model, office) -> None:
    handler = django_user_model.objects.create_user("h")
    handler.groups.add(Group.objects.get(name="信息公开申请办理人"))
    OfficeHandler.objects.create(user=handler, organisation=office)
    client.force_login(handler)
    first, second, again, _elsewhere = three
    html = client.get(f"/admin/applications/handle/{first.pk}/").content.decode()
    assert second.number in html and "李*" in html and "李四" not in html
    assert "新建目录条目草稿" not in html  # a handler without page permissions is not offered it
    lonely = letter(office, datetime.date(2025, 10, 10), description="另一事项")
    listing = client.get("/admin/applications/", {"identical": "true"}).content.decode()
    assert first.number in listing and second.number in listing and again.number in listing
    assert lonely.number not in listing
    refused = client.post(f"/admin/applications/propose/{first.pk}/")
    assert refused.status_code == 302 and not CatalogEntryPage.objects.exists()


def test_one_click_makes_a_draft_catalog_entry_and_logs_it(admin_client, three, office) -> None:
    portal = factories.portal()
    first, second, again, _elsewhere = three
    response = admin_client.post(f"/admin/applications/propose/{first.pk}/")
    entry = CatalogEntryPage.objects.get()
    assert response["Location"] == f"/admin/pages/{entry.pk}/edit/"
    assert not entry.live and entry.get_parent().get_parent().pk == portal.pk
    assert entry.publisher == office and entry.title == WANTED
    assert first.number in entry.summary and second.number in entry.summary and "第四十四条" in entry.summary
    assert ID_NUMBER not in entry.summary and "张三" not in entry.summary
    log = ModelLogEntry.objects.get(action="disclosure_applications.proposed_for_proactive_disclosure")
    assert log.object_id == str(first.pk) and log.data["page_id"] == entry.pk
