"""Signing in to the Wagtail admin as a person would, for the browser tests."""

from __future__ import annotations

PASSWORD = "pw-for-browser-tests-only"


def log_in(page, base: str, username: str, password: str = PASSWORD) -> None:
    page.context.clear_cookies()
    page.goto(f"{base}/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("form").get_by_role("button").first.click()
    page.wait_for_url(f"{base}/admin/")
