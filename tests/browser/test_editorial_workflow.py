"""The editorial workflow in a real browser, with the demo role users.

An editor writes a Finnish news article with keywords and submits it; a
publisher approves it and it is live under /fi/; a translator translates it
into Swedish in wagtail-localize's editor; the publisher publishes the
translation and it is live under /sv/ with the Swedish date and the same keywords.
The live server commits what the browser does, so the pages are removed at the end.
"""

import re
import time

from news.models import NewsArticlePage, NewsIndexPage
from tests.browser.conftest import committed

# The admin is in Finnish for staff by default: these are its own labels.
SUBMIT = "Lähetä hyväksyttäväksi"  # editorial/wagtail_strings.py
APPROVE = "Hyväksy ja julkaise"
TRANSLATE = "Käännä"
SAVE = "Tallenna"
PUBLISH_SV = "Julkaise käännös (ruotsi)"


def _more_actions(page):
    page.locator("footer .w-dropdown__toggle").last.click()


def _translate_next(page, text):
    page.get_by_role("button", name=TRANSLATE, exact=True).first.click()
    page.locator("textarea").first.fill(text)
    page.get_by_role("button", name=SAVE, exact=True).first.click()
    # Saved: the editor closes the text box and shows the translation.
    page.locator("textarea").wait_for(state="detached")
    page.get_by_text(text, exact=True).wait_for()


def test_write_approve_translate_publish(staff, browser_page, artifacts_dir):
    stamp = str(int(time.time() * 1000))[-7:]
    title = f"Järjestöt kokoontuvat Kajaanissa {stamp}"
    sv_title = f"Organisationerna samlas i Kajana {stamp}"
    sv_slug = f"organisationerna-samlas-i-kajana-{stamp}"
    listing = NewsIndexPage.objects.get(slug="uutiset", depth=3, locale__language_code="fi")
    created = []
    try:
        # 1. The editor writes and submits.
        editor = staff("toimittaja", f"/admin/pages/add/news/newsarticlepage/{listing.pk}/")
        editor.fill("#id_title", title)
        editor.fill("#id_date", "2026-03-10")
        editor.keyboard.press("Escape")
        editor.fill("#id_lead", "Järjestöpäivä kokoaa Kainuun toimijat yhteen.")
        tags = editor.locator("li.tagit-new input")
        for keyword in ("sote-uudistus", "järjestöt"):
            tags.fill(keyword)
            tags.press("Enter")
        _more_actions(editor)
        editor.get_by_role("button", name=SUBMIT).click()
        editor.wait_for_url(f"**/admin/pages/{listing.pk}/")
        article = NewsArticlePage.objects.get(title=title)
        created.append(article.translation_key)
        assert not article.live
        assert article.slug == f"jarjestot-kokoontuvat-kajaanissa-{stamp}"  # ASCII slug
        assert {k.name for k in article.get_latest_revision_as_object().keywords.all()} == {
            "sote-uudistus",
            "järjestöt",
        }
        assert browser_page.goto(article.url).status == 404

        # 2. The publisher approves: the article is live under /fi/.
        publisher = staff("julkaisija", f"/admin/pages/{article.pk}/edit/")
        _more_actions(publisher)
        publisher.get_by_role("button", name=APPROVE, exact=True).click()
        publisher.wait_for_url(f"**/admin/pages/{listing.pk}/")
        article.refresh_from_db()
        assert article.live and article.url.startswith("/fi/uutiset/")
        assert browser_page.goto(article.url).status == 200
        assert browser_page.locator("html").get_attribute("lang") == "fi"
        assert browser_page.get_by_role("heading", level=1).inner_text() == title
        assert "10.3.2026" in browser_page.locator(".meta").first.inner_text()
        fi_keywords = sorted(browser_page.locator("ul.keywords li").all_inner_texts())
        assert fi_keywords == ["järjestöt", "sote-uudistus"]

        # 3. The translator makes the Swedish translation.
        translator = staff("kaantaja", f"/admin/localize/submit/page/{article.pk}/")
        translator.get_by_label("ruotsi").check()
        translator.get_by_role("button", name="Lähetä").click()
        translator.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/$"))
        edit_url = translator.url
        _translate_next(translator, sv_title)
        _translate_next(translator, "Organisationsdagen samlar aktörerna i Kajanaland.")
        translator.get_by_role("tab", name="Nosto").click()
        _translate_next(translator, sv_slug)
        swedish = NewsArticlePage.objects.get(
            translation_key=article.translation_key, locale__language_code="sv"
        )
        assert not swedish.live
        # Translators do not publish: they submit for approval.
        footer = translator.locator("footer.translation-footer")
        assert footer.get_by_role("button", name=PUBLISH_SV).count() == 0
        assert footer.get_by_role("button", name="Lähetä hyväksyttäväksi").count() == 1

        # 4. The publisher publishes the translation: live under /sv/.
        publisher.goto(edit_url)
        publisher.get_by_role("button", name=PUBLISH_SV).click()
        publisher.wait_for_load_state()
        swedish.refresh_from_db()
        assert swedish.live
        assert swedish.url.startswith("/sv/nyheter/") and swedish.url.endswith(f"/{sv_slug}/")
        assert browser_page.goto(swedish.url).status == 200
        assert browser_page.locator("html").get_attribute("lang") == "sv"
        assert browser_page.get_by_role("heading", level=1).inner_text() == sv_title
        assert "10.3.2026" in browser_page.locator(".meta").first.inner_text()
        assert sorted(browser_page.locator("ul.keywords li").all_inner_texts()) == fi_keywords
        # The Finnish page now names its Swedish alternate, and the switcher goes there.
        browser_page.goto(article.url)
        alternate = browser_page.locator('link[rel=alternate][hreflang="sv"]')
        assert alternate.get_attribute("href").endswith(swedish.url)
        browser_page.get_by_role("link", name="På svenska").click()
        assert browser_page.url.endswith(swedish.url)
        browser_page.screenshot(path=artifacts_dir / "editorial-workflow-sv.png", full_page=True)
    finally:
        # The live server committed these pages: remove them for the tests that follow.
        def cleanup():
            pages = NewsArticlePage.objects.filter(translation_key__in=created)
            for page in sorted(pages, key=lambda page: page.locale.language_code == "fi"):
                page.delete()

        committed(cleanup)
