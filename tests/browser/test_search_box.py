"""The header's search box suggests page titles as a visitor types."""


def test_header_search_box_suggests_titles(browser_page):
    browser_page.goto("/fi/")
    box = browser_page.locator("#site-search-q")
    box.press_sequentially("tulevai", delay=30)
    options = browser_page.locator("#site-search-suggestions option")
    options.first.wait_for(state="attached")
    titles = [options.nth(i).get_attribute("value") for i in range(options.count())]
    assert "Tulevaisuuden sote-keskus tarvitsee järjestöjä kumppanikseen" in titles
    # Submitting the box runs the Finnish search page in the visitor's language.
    box.fill("avustus")
    box.press("Enter")
    browser_page.wait_for_url("**/fi/haku/?q=avustus")
    assert (
        browser_page.locator("main")
        .get_by_text("Järjestöjen sote-muutostuen tilannekatsaus")
        .count()
        >= 1
    )
