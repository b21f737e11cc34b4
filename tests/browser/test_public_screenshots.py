"""Screenshots for a reviewer: home, article and event at phone and desktop widths.

Saved to test-artifacts/ (gitignored). The test also checks what a reviewer
would look for first: nothing wider than the screen and the main heading and
the registration button visible without horizontal scrolling.
"""

import pytest

from news.models import EventPage, NewsArticlePage

PAGES = {
    "home": lambda: "/fi/",
    "article": lambda: (
        NewsArticlePage.objects.get(
            slug="jarjestot-ja-tulevaisuuden-sote-keskus", locale__language_code="fi"
        ).url
    ),
    "event": lambda: (
        EventPage.objects.get(
            slug="esimerkkitapahtuma-jarjestoyhteistyon-tyopaja", locale__language_code="fi"
        ).url
    ),
}


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("name", list(PAGES))
def test_screenshot(browser_page, artifacts_dir, name, width):
    browser_page.set_viewport_size({"width": width, "height": 900})
    browser_page.goto(PAGES[name]())
    path = artifacts_dir / f"{name}-{width}.png"
    browser_page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000
    assert browser_page.evaluate("() => document.documentElement.scrollWidth") <= width
    h1 = browser_page.get_by_role("heading", level=1).bounding_box()
    assert h1["x"] >= 0 and h1["x"] + h1["width"] <= width
    if name == "event":
        button = browser_page.locator(".session a.button").first.bounding_box()
        assert button["x"] + button["width"] <= width
