"""The Content-Security-Policy breaks nothing: chromium reports no violation on public pages.

Each page is opened with a listener for ``securitypolicyviolation`` events (added before any
of the page's own code runs) and chromium's console is watched for CSP messages. The
search page's autocomplete script and Swagger UI (/api/v3/docs/, from our own static
files) must still work under the policy.
"""

import pytest

PAGES = [
    "/fi/",
    "/sv/",
    "/en/",
    "/fi/uutiset/",
    "/fi/alueet/pohjois-karjala/uutiset/jarjestot-ja-tulevaisuuden-sote-keskus/",
    "/fi/tapahtumat/maakuntien-jarjestopaiva-kiertue/",
    "/fi/tapahtumat/",
    "/fi/alueet/",
    "/fi/alueet/pohjois-karjala/",
    "/fi/asiasanat/sote-uudistus/",
    "/fi/haku/?q=avustus",
    "/fi/ei-ole-olemassa/",
]

LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


@pytest.fixture
def watched(browser_page):
    console = []
    browser_page.add_init_script(LISTEN)
    browser_page.on(
        "console",
        lambda message: (
            console.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )

    def violations():
        return browser_page.evaluate("window.__cspViolations") + console

    return browser_page, violations


@pytest.mark.parametrize("url", PAGES)
def test_public_page_raises_no_csp_violation(watched, url):
    page, violations = watched
    response = page.goto(url)
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_load_state("load")
    assert violations() == []


def test_search_autocomplete_still_works(watched):
    page, violations = watched
    page.goto("/fi/haku/")
    box = page.locator("input[type=search]").first
    box.fill("sote")
    page.wait_for_timeout(800)
    assert violations() == []


def test_swagger_ui_renders_from_our_own_files(watched):
    page, violations = watched
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto("/api/v3/docs/")
    page.wait_for_selector(".swagger-ui .opblock", timeout=20000)
    assert violations() == []
    assert all(url.startswith(page.url.split("/api/")[0]) for url in requested), requested
