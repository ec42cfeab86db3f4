"""Playwright fixtures driving Debian's chromium (never a downloaded browser).

Without /usr/bin/chromium the browser tests are skipped, unless REQUIRE_BROWSER=1
(as in CI), where a missing browser must fail the run instead of silently passing.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; Django's ORM would refuse
# to run inside it although every call here is, in fact, synchronous.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
MISSING_MESSAGE = (
    f"chromium not found at {CHROMIUM}: browser tests run where Debian's chromium is installed "
    "(.ci/run installs it and sets REQUIRE_BROWSER=1, which turns this skip into a failure)"
)
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 390, "height": 844}


@pytest.fixture
def browser() -> Iterator[object]:
    """A chromium for one test.

    Not session-scoped on purpose: while Playwright's sync API runs, its event loop makes
    asgiref hand Django *other* database connections in this thread (without the test
    database's serialized contents), which would break serialized_rollback and any
    transactional test that runs afterwards. Tests therefore create their data in
    fixtures listed before ``desktop``/``mobile``, while no loop is running.
    """
    if not CHROMIUM.exists():
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(MISSING_MESSAGE, pytrace=False)
        pytest.skip(MISSING_MESSAGE)
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=30_000)  # as the pages' own timeout: a bound for failures

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()


def _new_page(browser, viewport: dict[str, int]) -> Iterator[object]:
    context = browser.new_context(viewport=viewport, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(30_000)  # a bound for failures: two test workers load 2 cores
    yield page
    context.close()


@pytest.fixture
def desktop(browser) -> Iterator[object]:
    """A 1280-pixel-wide tab."""
    yield from _new_page(browser, DESKTOP)


@pytest.fixture
def mobile(browser) -> Iterator[object]:
    """A phone-sized tab (390 pixels, like an iPhone 14)."""
    yield from _new_page(browser, MOBILE)


@pytest.fixture
def screenshot():
    """Saves full-page screenshots to var/screenshots/ for a human look at the design."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take
