"""The 保密审查记录 report: listing, filters, export, permissions, and no way to change records."""

from __future__ import annotations

import csv
import datetime
import io
import re
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from disclosure_pages.moderation import roles
from disclosure_pages.moderation.admin_views import RESULTS_URL_NAME, URL_NAME
from disclosure_pages.moderation.checklist import checklist_items, checklist_record, checklist_summary
from disclosure_pages.moderation.models import CHECKLIST, CHECKLIST_KEYS, ConfidentialityReview, Outcome
from disclosure_pages.moderation.review import record_review
from disclosure_pages.visibility import DisclosureMode
from tests import factories

pytestmark = pytest.mark.django_db

CHECKLIST_LABELS = [str(label) for _key, label in CHECKLIST]

HEADINGS = [
    "标题",
    "发布机构",
    "审查结果",
    "公开属性",
    "不予公开依据",
    "审查意见",
    "核对事项",
    "审查人",
    "审查时间",
    "内容指纹",
    "来源",
]


def make_user(django_user_model, username: str, group_name: str):
    user = django_user_model.objects.create_user(username, f"{username}@example.gov.cn", "pw-for-tests-only")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def webmaster(django_user_model):
    return make_user(django_user_model, "webmaster", roles.WEBMASTERS)


@pytest.fixture
def editor(django_user_model):
    return make_user(django_user_model, "editor", roles.EDITORS)


@pytest.fixture
def reviewers(django_user_model):
    li = make_user(django_user_model, "li", roles.REVIEWERS)
    li.first_name, li.last_name = "审查", "李"
    li.save()
    zhao = make_user(django_user_model, "zhao", roles.REVIEWERS)
    return li, zhao


@pytest.fixture
def records(catalog, reviewers):
    """Three reviews: two organs, two reviewers, all three outcomes/decisions, two dates."""
    li, zhao = reviewers
    other_org = factories.organisation(name="安庆市财政局", code="003110927")
    first = factories.entry(catalog, publish=False, title="关于公布低保对象名单的通知")
    second = factories.entry(catalog, publish=False, title="财政预算执行情况报告", publisher=other_org)
    # Dated in an earlier month for the date filter: records are immutable (even for the
    # database), so the clock is set back while it is created.
    with mock.patch(
        "django.utils.timezone.now", return_value=timezone.make_aware(datetime.datetime(2024, 1, 15, 10, 0))
    ):
        rejected = record_review(
            first.get_latest_revision(), reviewer=li, outcome=Outcome.REJECTED, comment="请删除身份证号码。"
        )
    approved = record_review(
        first.get_latest_revision(),
        reviewer=li,
        outcome=Outcome.APPROVED,
        decision=DisclosureMode.PROACTIVE,
        checklist=CHECKLIST_KEYS,
        comment="同意公开。",
    )
    withheld = record_review(
        second.get_latest_revision(),
        reviewer=zhao,
        outcome=Outcome.APPROVED,
        decision=DisclosureMode.WITHHELD,
        exemption_ground="process_information",
        comment="属于过程性信息。",
    )
    return {"rejected": rejected, "approved": approved, "withheld": withheld}


WORKFLOW = {"source": "workflow"}  # the portal fixture's pages carry 演示数据 approvals too


def rows(client, **params) -> str:
    response = client.get(reverse(URL_NAME), {**WORKFLOW, **params})
    assert response.status_code == 200
    return response.content.decode()


def listed_titles(client, **params) -> list[str]:
    response = client.get(reverse(URL_NAME), {**WORKFLOW, **params})
    assert response.status_code == 200
    return [r.page_title + "|" + r.outcome for r in response.context["object_list"]]


def test_webmaster_sees_all_records_newest_first(client, webmaster, records):
    client.force_login(webmaster)
    response = client.get(reverse(URL_NAME), WORKFLOW)
    assert response.status_code == 200
    assert [r.pk for r in response.context["object_list"]] == [
        records["withheld"].pk,
        records["approved"].pk,
        records["rejected"].pk,
    ]
    content = response.content.decode()
    assert "保密审查记录" in content
    assert "财政预算执行情况报告" in content and "安庆市财政局" in content
    assert "属于四类过程性信息" in content  # the exemption ground by its label
    assert "退回修改" in content and "不予公开" in content
    # The title leads to the page history, where the review is logged as well.
    assert reverse("wagtailadmin_pages:history", args=(records["approved"].page_id,)) in content
    # Results-only view (used by the filters without a reload) answers too.
    assert client.get(reverse(RESULTS_URL_NAME)).status_code == 200


def test_filters(client, webmaster, records, reviewers):
    li, zhao = reviewers
    client.force_login(webmaster)
    assert listed_titles(client, organisation_name="安庆市财政局") == ["财政预算执行情况报告|approved"]
    assert len(listed_titles(client, organisation_name="安庆市人民政府办公室")) == 2
    assert listed_titles(client, reviewer=zhao.pk) == ["财政预算执行情况报告|approved"]
    assert len(listed_titles(client, reviewer=li.pk)) == 2
    assert listed_titles(client, outcome=Outcome.REJECTED) == ["关于公布低保对象名单的通知|rejected"]
    assert listed_titles(client, decision=DisclosureMode.WITHHELD) == ["财政预算执行情况报告|approved"]
    assert listed_titles(client, decision=DisclosureMode.PROACTIVE) == ["关于公布低保对象名单的通知|approved"]
    assert listed_titles(client, created_at_from="2024-01-01", created_at_to="2024-01-31") == [
        "关于公布低保对象名单的通知|rejected"
    ]
    today = timezone.localdate().isoformat()
    assert len(listed_titles(client, created_at_from=today)) == 2
    all_sources = client.get(reverse(URL_NAME)).context["object_list"]
    assert {r.source for r in all_sources} == {"workflow", "demo"}
    assert len(listed_titles(client, source="demo")) == len(all_sources) - 3


def test_csv_export(client, webmaster, records):
    client.force_login(webmaster)
    response = client.get(reverse(URL_NAME), {"export": "csv", "decision": DisclosureMode.WITHHELD})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "confidentiality-reviews-" in response["Content-Disposition"]
    body = b"".join(response.streaming_content)
    assert body.startswith("\ufeff".encode())  # Excel reads the Chinese as UTF-8
    table = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert table[0] == HEADINGS
    assert len(table) == 2
    row = dict(zip(HEADINGS, table[1], strict=True))
    withheld = records["withheld"]
    assert row["标题"] == "财政预算执行情况报告"
    assert row["发布机构"] == "安庆市财政局"
    assert row["审查结果"] == "审查通过"
    assert row["公开属性"] == "不予公开"
    assert row["不予公开依据"].startswith("属于四类过程性信息")
    assert row["审查意见"] == "属于过程性信息。"
    assert row["核对事项"] == "；".join(f"{label}：未核对" for label in CHECKLIST_LABELS)  # none checked
    assert row["审查人"] == "zhao"
    assert row["审查时间"] == timezone.localtime(withheld.created_at).strftime("%Y-%m-%d %H:%M:%S")
    assert row["内容指纹"] == withheld.fingerprint
    assert row["来源"] == "审核流程"


def test_xlsx_export(client, webmaster, records):
    from openpyxl import load_workbook

    client.force_login(webmaster)
    response = client.get(reverse(URL_NAME), {"export": "xlsx", **WORKFLOW})
    assert response.status_code == 200
    sheet = load_workbook(
        io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    ).active
    values = list(sheet.values)
    assert list(values[0]) == HEADINGS
    assert len(values) == 4


def test_permissions(client, webmaster, editor, reviewers):
    client.force_login(editor)
    # Wagtail's admin answers a refused permission with 403 to scripts and, for a page
    # load, with its "no permission" message on the dashboard.
    xhr = {"x-requested-with": "XMLHttpRequest"}
    assert client.get(reverse(URL_NAME), headers=xhr).status_code == 403
    assert client.get(reverse(RESULTS_URL_NAME), headers=xhr).status_code == 403
    response = client.get(reverse(URL_NAME), {"export": "csv"})
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    response = client.get(reverse(URL_NAME), follow=True)
    assert "没有权限" in " ".join(str(m) for m in response.context["messages"])
    assert "财政" not in response.content.decode()
    assert reverse(URL_NAME) not in client.get(reverse("wagtailadmin_home")).content.decode()

    client.force_login(webmaster)
    assert reverse(URL_NAME) in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(reviewers[0])  # reviewers may read the records too (view permission)
    assert client.get(reverse(URL_NAME)).status_code == 200


def test_records_cannot_be_edited_or_deleted_from_the_ui(client, webmaster, records):
    client.force_login(webmaster)
    # The report's listing, not the keyboard-shortcuts dialog's table (删除线 is strike-through).
    table = rows(client).split('<table class="listing', 1)[1].split("</table>", 1)[0]
    for word in ("删除", "编辑", "Delete", "Edit"):  # no control so labelled (a comment may say 请删除…)
        assert not re.search(rf">\s*{word}\s*<", table), word
    assert "/edit/" not in table and "/delete/" not in table
    # Nor is there any admin URL that would change a record.
    for suffix in ("edit", "delete"):
        assert client.post(f"{reverse(URL_NAME)}{records['approved'].pk}/{suffix}/").status_code == 404
    assert ConfidentialityReview.objects.filter(source="workflow").count() == 3


# --- the checklist: every item on record, checked or not ------------------------------------------


def test_checklist_record_lists_every_item():
    assert checklist_record(["links_checked", "unknown"]) == [
        {"item": key, "checked": key == "links_checked"} for key in CHECKLIST_KEYS
    ]


@pytest.mark.parametrize(
    ("stored", "approved", "expected"),
    [
        (checklist_record(["no_state_secrets"]), True, [k == "no_state_secrets" for k in CHECKLIST_KEYS]),
        (["no_state_secrets"], True, [k == "no_state_secrets" for k in CHECKLIST_KEYS]),  # an old record
        (CHECKLIST_KEYS, True, [True] * len(CHECKLIST_KEYS)),  # an old record, all checked
        ([], True, [False] * len(CHECKLIST_KEYS)),  # an old approval with nothing checked
        ([], False, []),  # a rejection: no checklist to record
        (None, False, []),
        ("garbage", False, []),
        ([{"checked": True}, 3], True, [False] * len(CHECKLIST_KEYS)),  # malformed: never a crash
    ],
)
def test_checklist_items_read_old_and_new_records(stored, approved, expected):
    assert [item.checked for item in checklist_items(stored, approved=approved)] == expected


def test_an_item_no_longer_on_the_checklist_is_still_shown():
    items = checklist_items([{"item": "retired_item", "checked": False}])
    assert checklist_summary(items) == "retired_item：未核对"


def test_export_and_history_show_unchecked_items(client, webmaster, catalog, reviewers):
    from wagtail.models import PageLogEntry

    from disclosure_pages.moderation.history import APPROVED_ACTION

    li, _zhao = reviewers
    page = factories.entry(catalog, publish=False, title="依申请公开的答复")
    review = record_review(
        page.get_latest_revision(),
        reviewer=li,
        outcome=Outcome.APPROVED,
        decision=DisclosureMode.ON_APPLICATION,
        exemption_ground="process_information",
        checklist=["no_state_secrets", "no_personal_information"],
    )
    old = ConfidentialityReview(  # a record made before unchecked items were kept
        page_id=page.pk,
        fingerprint="0" * 64,
        page_title="旧记录",
        outcome=Outcome.APPROVED,
        decision=DisclosureMode.WITHHELD,
        checklist=["no_state_secrets"],
        reviewer_name="旧审查人",
    )
    old.save()

    client.force_login(webmaster)
    response = client.get(reverse(URL_NAME), {"export": "csv", **WORKFLOW})
    body = b"".join(response.streaming_content)
    assert body.startswith("\ufeff".encode())  # Excel reads the Chinese as UTF-8
    table = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    checklists = {row[0]: row[HEADINGS.index("核对事项")] for row in table[1:]}
    labels = CHECKLIST_LABELS
    assert checklists["依申请公开的答复"] == (
        f"{labels[0]}：已核对；{labels[1]}：已核对；{labels[2]}：未核对；{labels[3]}：未核对；{labels[4]}：未核对"
    )
    assert checklists["旧记录"] == "；".join(f"{label}：{'已核对' if i == 0 else '未核对'}" for i, label in enumerate(labels))

    entry = PageLogEntry.objects.filter(page=page, action=APPROVED_ACTION, data__fingerprint=review.fingerprint[:12]).get()
    assert entry.message.endswith(f"；未核对：{labels[2]}、{labels[3]}、{labels[4]}")
    history = client.get(reverse("wagtailadmin_pages:history", args=(page.pk,))).content.decode()
    assert f"未核对：{labels[2]}" in history
