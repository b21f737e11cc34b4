"""Browser tests: Playwright's Python package driving Debian's chromium (headless).

``live_site`` serves the test database (with its committed demo content) from a
real HTTP server thread for the whole session; each browser test gets a fresh
browser context. Nothing is downloaded: the browser is /usr/bin/chromium.
"""

import os
import shutil
import threading
from pathlib import Path

import pytest
from django.db import connection

from demo.translations import DEMO_PASSWORD

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
def live_site(django_db_setup, django_db_blocker):
    """Base URL of a real server on the test database."""
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.test.testcases import LiveServerThread

    with django_db_blocker.unblock():
        thread = LiveServerThread("127.0.0.1", StaticFilesHandler, port=0)
        thread.daemon = True
        thread.start()
        thread.is_ready.wait()
        if thread.error:
            raise thread.error
        yield f"http://127.0.0.1:{thread.port}"
        thread.terminate()


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


@pytest.fixture
def staff(browser, live_site):
    """Log a demo user in, in a browser context of their own (Finnish, Helsinki time)."""
    contexts = []

    def login(username, next_url):
        """Log in through the admin's login form, which then opens ``next_url``."""
        context = browser.new_context(
            base_url=live_site,
            locale="fi-FI",
            timezone_id="Europe/Helsinki",
            viewport={"width": 1280, "height": 900},
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15000)
        page.goto(f"/admin/login/?next={next_url}")
        page.fill("#id_username", username)
        page.fill("#id_password", DEMO_PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"**{next_url}")
        return page

    yield login
    for context in contexts:
        context.close()


def committed(function):
    """Run ``function`` on its own connection (autocommit), outside the test's transaction.

    The live server sees only committed data, and what it commits outlives the
    test: browser tests set up and remove their pages with this."""
    result = {}

    def run():
        try:
            result["value"] = function()
        except Exception as error:  # noqa: BLE001 (re-raised in the test's thread)
            result["error"] = error
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if "error" in result:
        raise result["error"]
    return result.get("value")
