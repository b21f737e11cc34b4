"""Keyboard-only use: the skip link, visible focus and the session list's links."""

from news.models import EventPage

UPCOMING_SLUG = "esimerkkitapahtuma-jarjestoyhteistyon-tyopaja"
TOUR_SLUG = "maakuntien-jarjestopaiva-kiertue"

FOCUSED = """() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    return {
        tag: el.tagName, id: el.id, text: (el.innerText || '').trim(),
        href: el.getAttribute('href'),
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
        shadow: style.boxShadow !== 'none',
    };
}"""


def tab_through(page, limit=80):
    """Press Tab until focus leaves the document or ``limit`` presses; what was focused."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["tag"] == "BODY" or (seen and focused == seen[0]):
            break
        seen.append(focused)
    return seen


def test_first_tab_reaches_the_skip_link_which_moves_focus_to_main(browser_page):
    event = EventPage.objects.get(slug=UPCOMING_SLUG, locale__language_code="fi")
    browser_page.goto(event.url)
    browser_page.keyboard.press("Tab")
    focused = browser_page.evaluate(FOCUSED)
    assert focused["text"] == "Siirry sisältöön"
    assert focused["href"] == "#main"
    # The skip link is on screen while focused, with a visible focus indicator.
    box = browser_page.locator(".skip-link").bounding_box()
    assert box["y"] >= 0 and box["x"] >= 0
    assert focused["outline"] or focused["shadow"]
    browser_page.keyboard.press("Enter")
    assert browser_page.evaluate("() => document.activeElement.id") == "main"
    # The next Tab goes into the content, past the header's navigation and search.
    browser_page.keyboard.press("Tab")
    inside_main = browser_page.evaluate(
        "() => document.getElementById('main').contains(document.activeElement)"
    )
    assert inside_main


def test_every_registration_link_in_the_session_list_is_reachable_by_keyboard(browser_page):
    event = EventPage.objects.get(slug=UPCOMING_SLUG, locale__language_code="fi")
    browser_page.goto(event.url)
    focused = tab_through(browser_page)
    reached = {item["href"] for item in focused}
    registration = {s.registration_url for s in event.sessions.all()}
    assert len(registration) == 2
    assert registration <= reached
    # Each was visibly focused when reached.
    for item in focused:
        if item["href"] in registration:
            assert item["outline"] or item["shadow"], item


def test_session_list_links_reachable_on_a_past_tour(browser_page):
    """The past tour has no registration buttons; its list links stay in tab order."""
    tour = EventPage.objects.get(slug=TOUR_SLUG, locale__language_code="fi")
    browser_page.goto(tour.url)
    in_sessions = browser_page.locator(".sessions a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    reached = {item["href"] for item in tab_through(browser_page)}
    assert set(in_sessions) <= reached
    # And the keyword links after the list are reached too: nothing traps focus.
    keyword_links = browser_page.locator(".keywords a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    assert keyword_links and set(keyword_links) <= reached
