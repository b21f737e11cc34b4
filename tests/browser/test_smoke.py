"""The demo site opens in a real browser."""


def test_home_page_in_chromium(browser_page):
    browser_page.goto("/")
    assert browser_page.url.endswith("/fi/")
    assert browser_page.locator("html").get_attribute("lang") == "fi"
    browser_page.get_by_role("link", name="Maakuntien järjestöpäivä -kiertue").click()
    assert browser_page.get_by_role("heading", level=1).inner_text() == (
        "Maakuntien järjestöpäivä -kiertue"
    )
    assert browser_page.locator(".session").count() == 5
