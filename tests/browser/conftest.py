"""Browser tests: Playwright's Python package driving Debian's chromium (headless).

``live_site`` (``tests/conftest.py``) serves the test database (with its
committed demo content) from a real HTTP server thread for the whole session;
each browser test gets a fresh browser context. Nothing is downloaded: the
browser is /usr/bin/chromium.
"""

import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; Django's ORM would
# otherwise refuse to run from test code while it is active.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARTIFACTS = Path(__file__).resolve().parent.parent.parent / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            # Makes pytest-django create the test database for these tests too.
            item.add_marker(pytest.mark.django_db)


@pytest.fixture(scope="session")
def browser():
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        pytest.skip("Debian's chromium is not installed (make browser-deps installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def browser_page(browser, live_site):
    """A fresh page (Finnish browser locale, desktop size) with ``base_url`` set."""
    context = browser.new_context(
        base_url=live_site, locale="fi-FI", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


@pytest.fixture(scope="session")
def artifacts_dir():
    """A gitignored folder for screenshots a reviewer can look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
