"""保密审查 end to end in a real browser: editor, confidentiality reviewer and approver.

The editor writes a catalog entry with an ID number and submits it; the reviewer sees
the pre-screen warning and sends it back; the editor removes the number and resubmits;
the reviewer approves it as 主动公开, the approver signs it off, and it is public, with
both reviews in the page history.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from disclosure_pages.models import CatalogIndexPage
from disclosure_pages.moderation import roles
from tests import factories
from tests.browser.admin_login import PASSWORD, log_in

# live_server needs committed data; serialized_rollback restores the migrations' data
# (site root, groups, the default workflow) that the flush after a transactional test removes.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ID_NUMBER = "11010519491231002X"
ID_MASKED = "1101**********002X"
TITLE = "关于公布2024年城乡低保对象名单的通知"
SLUG = "dibao-2024"
ORGAN = "安庆市民政局"
COMMENT = "正文含有个人身份证号码，请删除后重新提交。"


@dataclass
class Scene:
    catalog_id: int
    catalog_url: str


@pytest.fixture
def scene(live_server, django_user_model) -> Scene:
    """Portal, organ and the three people, created before the browser starts (see conftest)."""
    portal = factories.portal()
    catalog = factories.section(portal, CatalogIndexPage)
    factories.organisation(name=ORGAN, code="003110999")
    for username, group, full_name in (
        ("editor", roles.EDITORS, ("编辑", "王")),
        ("reviewer", roles.REVIEWERS, ("审查", "李")),
        ("approver", roles.APPROVERS, ("签发", "张")),
    ):
        user = django_user_model.objects.create_user(
            username, f"{username}@example.gov.cn", PASSWORD, first_name=full_name[0], last_name=full_name[1]
        )
        user.groups.add(Group.objects.get(name=group))
    return Scene(catalog_id=catalog.pk, catalog_url=catalog.url)


def draftail(page):
    return page.locator("#body-root [contenteditable=true]").first


def test_review_flow(live_server, scene, desktop, screenshot):
    page = desktop
    base = live_server.url

    # --- The editor writes the entry and submits it -------------------------------------
    log_in(page, base, "editor")
    page.goto(f"{base}/admin/pages/add/disclosure_pages/catalogentrypage/{scene.catalog_id}/")
    page.locator("#id_title").fill(TITLE)
    page.get_by_role("button", name=re.compile("选择发布机构|选择")).first.click()
    page.get_by_role("link", name=ORGAN).click()
    page.locator(".w-field__input").filter(has_text=ORGAN).first.wait_for()
    screenshot(page, "review-flow-editor-form")
    page.locator("#body-root .c-sf-add-button").first.click()
    page.get_by_role("option", name="段落").click()
    editor = draftail(page)
    editor.click()
    page.keyboard.type(f"联系人：李某，身份证号码{ID_NUMBER}，联系电话略。")
    page.get_by_role("tab", name="推荐").click()
    page.locator("#id_slug").fill(SLUG)
    page.get_by_role("tab", name="内容").click()
    screenshot(page, "review-flow-editor-filled")
    page.locator("footer .dropdown-toggle, [data-w-dropdown-target=toggle]").last.click()
    page.locator('button[name="action-submit"]').click()
    # "已创建并提交审核", or "已经提交进行审核" when the editor's autosave made the draft first
    # (on a loaded machine typing takes long enough for it).
    page.locator(".messages").get_by_text(re.compile("已创建并提交审核|已经提交进行审核")).wait_for()
    edit_href = page.locator(".messages").get_by_role("link", name="编辑").get_attribute("href")
    page_id = int(re.search(r"/pages/(\d+)/edit/", edit_href).group(1))

    # --- The reviewer sees the warning and sends the entry back ---------------------------
    log_in(page, base, "reviewer")
    queue = page.locator(".review-queue")
    row = queue.get_by_role("row").filter(has_text=TITLE)
    assert ORGAN in row.inner_text() and "编辑 王" in row.inner_text()
    screenshot(page, "review-flow-reviewer-dashboard")
    # Approving is stopped in the browser while the warning is not acknowledged.
    row.get_by_role("button", name="审查通过").click()
    modal = page.locator(".modal-content")
    modal.get_by_text("自动预审提示", exact=True).wait_for()
    for checkbox in modal.locator("input[name=checklist]").all():
        checkbox.check()
    modal.get_by_role("button", name="审查通过").click()
    acknowledge = modal.locator("input[name=acknowledge_findings]")
    assert acknowledge.evaluate("el => el.validity.valueMissing")
    assert modal.is_visible()
    page.keyboard.press("Escape")
    expect(modal).to_have_count(0)
    row.get_by_role("button", name="退回修改").click()
    modal = page.locator(".modal-content")
    modal.get_by_text("自动预审提示", exact=True).wait_for()
    findings = modal.locator(".review-finding")
    assert findings.count() == 1
    assert "身份证号码" in findings.inner_text() and ID_MASKED in findings.inner_text()
    assert ID_NUMBER not in modal.inner_text()
    assert "首次审查" in modal.inner_text()
    screenshot(page, "review-flow-reject-modal")
    modal.locator("textarea[name=comment]").fill(COMMENT)
    modal.get_by_role("button", name="退回修改").click()
    expect(page.locator(".review-queue-count")).to_contain_text("共 0 项等待保密审查")

    # --- The editor reads the comment, removes the number and resubmits --------------------
    log_in(page, base, "editor")
    page.goto(f"{base}/admin/pages/{page_id}/edit/")
    page.locator('[data-side-panel-toggle="status"]').click()
    page.locator("[data-side-panel=status]").get_by_role("button", name=re.compile("查看|View")).first.click()
    dialog = page.locator("#workflow-status-dialog")
    expect(dialog).to_contain_text(COMMENT)
    screenshot(page, "review-flow-editor-sees-comment")
    page.keyboard.press("Escape")
    editor = draftail(page)
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("联系人：李某，联系电话略。")
    assert ID_NUMBER not in editor.inner_text()
    # Draftail writes the hidden input after a short pause; submit only once it has.
    expect(page.locator("input[name='body-0-value']")).not_to_have_value(re.compile(ID_NUMBER))
    page.locator("footer .dropdown-toggle, [data-w-dropdown-target=toggle]").last.click()
    page.locator('button[name="action-submit"]').click()
    page.get_by_text("已经提交进行审核").wait_for()

    # --- The reviewer approves it as 主动公开 ------------------------------------------------
    log_in(page, base, "reviewer")
    row = page.locator(".review-queue").get_by_role("row").filter(has_text=TITLE)
    row.get_by_role("button", name="审查通过").click()
    modal = page.locator(".modal-content")
    modal.get_by_text("自动预审提示", exact=True).wait_for()
    assert modal.locator(".review-finding").count() == 0, modal.locator(".review-findings").inner_text()
    assert "首次审查" in modal.inner_text()  # the rejection approved nothing to compare with
    modal.get_by_label("公开属性").select_option(label="主动公开")
    for checkbox in modal.locator("input[name=checklist]").all():
        checkbox.check()
    modal.locator("input[name=acknowledge_findings]").check()
    modal.locator("textarea[name=comment]").fill("已逐项核对，同意主动公开。")
    screenshot(page, "review-flow-approve-modal")
    modal.get_by_role("button", name="审查通过").click()
    expect(page.locator(".review-queue-count")).to_contain_text("共 0 项等待保密审查")

    # --- The approver signs it off; it goes live ------------------------------------------
    log_in(page, base, "approver")
    assert page.locator("[id^=confidentiality-review-queue]").count() == 0  # not a confidentiality reviewer
    awaiting = page.locator("#awaiting-review-section, [id^=awaiting-review]").first
    expect(awaiting).to_contain_text(TITLE)
    screenshot(page, "review-flow-approver-dashboard")
    approve = awaiting.locator('button[data-workflow-action-url*="/approve/"]:not([data-launch-modal])').first
    approve.dispatch_event("click")
    expect(page.locator("[id^=awaiting-review]")).to_have_count(0)  # the dashboard reloaded without it
    screenshot(page, "review-flow-signed-off")

    response = page.goto(f"{base}{scene.catalog_url}{SLUG}/")
    assert response.status == 200
    assert page.get_by_role("heading", level=1).inner_text() == TITLE
    assert ID_NUMBER not in page.content()

    # --- Both reviews are in the page history -----------------------------------------------
    log_in(page, base, "editor")
    page.goto(f"{base}/admin/pages/{page_id}/history/")
    history = page.locator("main")
    expect(history).to_contain_text("保密审查通过：主动公开（审查人：审查 李）")
    expect(history).to_contain_text("保密审查退回修改（审查人：审查 李）")
    screenshot(page, "review-flow-history")
