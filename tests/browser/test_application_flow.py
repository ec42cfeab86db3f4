"""依申请公开 in a real browser: a citizen applies in Traditional Chinese, a handler asks for
a correction in the admin, and the citizen's status page shows it; the handler replies 部分公开
with a document, which the citizen sees only after another person approves it in 保密审查,
and then downloads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from disclosure_applications.models import OfficeHandler
from disclosure_pages.moderation.roles import REVIEWERS
from tests import factories

from .test_review_flow import PASSWORD, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NOTICE = "請寫明文件的文號或形成時間。"
REPLY_DOCUMENT = "2024年城乡低保资金发放汇总表（已遮盖第三方个人信息）。".encode()


@dataclass
class Scene:
    body: str


@pytest.fixture
def scene(live_server, django_user_model, settings, tmp_path) -> Scene:
    settings.MEDIA_ROOT = str(tmp_path)
    factories.portal()
    body = factories.organisation()
    handler = django_user_model.objects.create_user("handler", "h@example.gov.cn", PASSWORD)
    handler.groups.add(Group.objects.get(name="信息公开申请办理人"))
    OfficeHandler.objects.create(user=handler, organisation=body)
    reviewer = django_user_model.objects.create_user("reviewer", "r@example.gov.cn", PASSWORD)
    reviewer.groups.add(Group.objects.get(name=REVIEWERS))
    return Scene(body=body.name)


def track(page, base: str, number: str, code: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{base}/zh-hant/applications/track/?number={number}")
    page.get_by_label("查詢碼").fill(code)
    page.get_by_role("button", name="查詢").click()


def test_apply_in_traditional_chinese_and_see_the_correction_request(live_server, scene, desktop, screenshot):
    page = desktop
    base = live_server.url

    # --- The citizen applies on the 繁體 site, fixes a mistake, keeps what was typed ----------
    page.goto(f"{base}/zh-hant/applications/apply/")
    page.get_by_label("申請人類型").select_option("natural_person")
    page.get_by_label("姓名或名稱").fill("陳大文")
    page.get_by_label("身份證明類型").select_option("id_card")
    page.get_by_label("身份證明號碼").fill("110105194912310021")  # wrong check digit
    page.get_by_label("聯繫電話").fill("13800000000")
    page.get_by_label("受理機關").select_option(label=scene.body)
    page.get_by_label("所需政府信息的名稱、文號或特徵性描述").fill("2024年城鄉低保資金發放明細")
    page.get_by_label("獲取信息的方式").select_option("online")
    page.get_by_role("button", name="提交申請").click()
    expect(page.get_by_text("居民身份證號碼應爲18位，且校驗位正確。")).to_be_visible()
    expect(page.get_by_label("姓名或名稱")).to_have_value("陳大文")
    page.get_by_label("身份證明號碼").fill("11010519491231002X")
    screenshot(page, "application-form-zh-hant")
    page.get_by_role("button", name="提交申請").click()
    page.get_by_text("申請已提交").wait_for()
    number = page.locator(".application-receipt__number").inner_text()
    code = page.locator(".application-receipt__code").inner_text()
    assert re.fullmatch(r"\d{10}", number) and re.fullmatch(r"[A-Z0-9]{8}", code)
    screenshot(page, "application-receipt-zh-hant")

    # --- The handler asks for a correction ---------------------------------------------------
    log_in(page, base, "handler")
    page.goto(f"{base}/admin/applications/")
    page.get_by_role("link", name=number).click()
    expect(page.get_by_text("陳大文")).to_be_visible()
    page.locator("#id_kind").select_option("correction_requested")
    page.locator("#id_days").fill("10")
    page.locator("#id_note").fill(NOTICE)
    page.get_by_role("button", name="记录").click()
    expect(page.get_by_text("已记录。")).to_be_visible()

    # --- The citizen sees the request and the stopped clock -----------------------------------
    track(page, base, number, code)
    expect(page.locator(".application-status")).to_have_text("待補正")
    expect(page.get_by_text(NOTICE)).to_be_visible()
    assert "陳大文" not in page.content()
    screenshot(page, "application-status-zh-hant")

    # --- The correction arrives; the handler replies 部分公开 with a document ----------------
    log_in(page, base, "handler")
    page.goto(f"{base}/admin/applications/")
    page.get_by_role("link", name=number).click()
    page.locator("#id_kind").select_option("corrected")
    page.get_by_role("button", name="记录").click()
    expect(page.get_by_text("已记录。")).to_be_visible()
    page.get_by_role("link", name="撰写答复").click()
    page.locator("#id_outcome").select_option("partly")
    page.get_by_role("button", name="按模板重新生成告知书").click()
    expect(page.get_by_text("答复已保存。")).to_be_visible()
    expect(page.locator("#id_notice")).to_contain_text("第三十七条")
    page.locator("#id_documents").set_input_files(
        {"name": "dibao-2024.txt", "mimeType": "text/plain", "buffer": REPLY_DOCUMENT}
    )
    page.get_by_role("button", name="保存并送审").click()
    expect(page.get_by_text("答复已送保密审查")).to_be_visible()
    screenshot(page, "application-reply-in-review")

    # --- Before the review the citizen sees no reply -------------------------------------------
    track(page, base, number, code)
    expect(page.locator(".application-status")).to_have_text("答覆審查中")
    expect(page.locator(".application-reply")).to_have_count(0)

    # --- Another person reviews and releases it ------------------------------------------------
    log_in(page, base, "reviewer")
    page.goto(f"{base}/admin/applications/replies/")
    page.get_by_role("link", name="审查", exact=True).click()
    expect(page.locator(".reply-notice")).to_contain_text("第三十七条")
    assert "陳大文" not in page.content()
    page.get_by_label("审查通过，发出答复").check()
    for checkbox in page.locator("input[name=checklist]").all():
        checkbox.check()
    page.get_by_role("button", name="提交审查结论").click()
    expect(page.get_by_text("审查通过，答复已发出。")).to_be_visible()

    # --- The citizen reads the reply and downloads the document --------------------------------
    track(page, base, number, code)
    expect(page.locator(".application-status")).to_have_text("已答覆")
    expect(page.locator(".application-reply")).to_contain_text("第三十七条")
    with page.expect_download() as download:
        page.get_by_role("link", name="dibao-2024.txt").click()
    assert download.value.path().read_bytes() == REPLY_DOCUMENT
    screenshot(page, "application-reply-released-zh-hant")
