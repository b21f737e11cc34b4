"""The publisher's day, in a real browser (issue 11): review feedback and publishing
together, as julkaisija and toimittaja through the admin's own screens.

Finnish browser (fi-FI, Europe/Helsinki); only the login goes by URL:

- toimittaja has written a new article and submitted it (set up here), and its
  Swedish translation is ready;
- julkaisija finds it on the dashboard ("Odottaa tarkastustasi"), opens
  "Vertaa edelliseen versioon" (a first version: compared with an empty page, so
  the text shows as added, never "no differences"), opens the article and
  requests changes with a comment;
- toimittaja logs in, sees the comment on the dashboard and on the edit page
  (attributed to julkaisija), adds the keyword asked for and resubmits;
- julkaisija approves and publishes the article together with its Swedish
  translation in one action: both are live under /fi/ and /sv/.

The live server commits what the browser does, so the pages are removed at the end.
"""

import re
import time

from django.contrib.auth import get_user_model
from playwright.sync_api import expect
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import translate_object

from news.models import NewsArticlePage, NewsIndexPage
from tests.browser.conftest import committed

COMMENT = "Lisää asiasana järjestöt ja tarkista ingressi."


def _user(username):
    return get_user_model().objects.get(username=username)


def _remove(translation_key):
    pages = Page.objects.filter(translation_key=translation_key).specific()
    for page in sorted(pages, key=lambda page: page.locale.language_code == "fi"):
        page.delete()


def _submitted_article_with_swedish_translation(stamp, title, sv_title):
    """toimittaja's new article, submitted for approval; kaantaja's Swedish text."""
    listing = NewsIndexPage.objects.get(slug="uutiset", depth=3, locale__language_code="fi")
    article = NewsArticlePage(
        title=title,
        slug=f"julkaisijan-paiva-{stamp}",
        lead="Järjestöt kokoontuvat Joensuussa.",
        body=[("paragraph", RichText("<p>Tervetuloa mukaan.</p>"))],
        owner=_user("toimittaja"),
        live=False,
    )
    listing.add_child(instance=article)
    article.save_revision(user=_user("toimittaja"))
    article.get_workflow().start(article, _user("toimittaja"))

    sv = Locale.objects.get(language_code="sv")
    translate_object(article, [sv], user=_user("kaantaja"))
    translation = Translation.objects.get(
        source__object_id=article.translation_key, target_locale=sv
    )
    texts = {
        title: sv_title,
        article.slug: f"utgivarens-dag-{stamp}",
        article.lead: "Organisationerna samlas i Joensuu.",
        "Tervetuloa mukaan.": "Välkommen med.",
    }
    for segment in StringSegment.objects.filter(source=translation.source).select_related(
        "string", "context"
    ):
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=sv,
            context=segment.context,
            data=texts[segment.string.data],
            translation_type="manual",
            last_translated_by=_user("kaantaja"),
        )
    translation.save_target(user=_user("kaantaja"), publish=False)
    return article.translation_key


def _footer_menu(page):
    page.locator("footer .w-dropdown__toggle").last.click()


def test_publisher_compares_requests_changes_and_publishes_with_the_translation(
    staff, browser_page, artifacts_dir
):
    stamp = str(int(time.time() * 1000))[-7:]
    title = f"Julkaisijan päivä {stamp}"
    sv_title = f"Utgivarens dag {stamp}"
    key = committed(lambda: _submitted_article_with_swedish_translation(stamp, title, sv_title))
    try:
        # 1. julkaisija: the dashboard lists the article awaiting review.
        publisher = staff("julkaisija", "/admin/")
        review = publisher.locator("#awaiting-review-content tr", has_text=title)
        expect(review).to_be_visible()
        # "Vertaa edelliseen versioon": a first version, compared with an empty page.
        review.get_by_role("button", name="Toimet").click()
        publisher.get_by_role("link", name="Vertaa edelliseen versioon").click()
        expect(publisher.locator(".compare-base")).to_contain_text("verrataan tyhjään sivuun")
        expect(publisher.locator("span.addition", has_text=title)).to_be_visible()
        expect(publisher.get_by_text("Järjestöt kokoontuvat Joensuussa.")).to_be_visible()
        assert publisher.locator("td.no-results-message").count() == 0
        publisher.screenshot(path=artifacts_dir / "julkaisija-compare.png", full_page=True)

        # From the comparison to the article (its "Muokkaa" button), then "Pyydä muutoksia".
        publisher.locator("header").get_by_role("link", name="Muokkaa").first.click()
        publisher.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/$"))
        _footer_menu(publisher)
        publisher.get_by_role("button", name="Pyydä muutoksia").click()
        modal = publisher.locator(".modal-content")
        modal.locator("textarea[name=comment]").fill(COMMENT)
        modal.get_by_role("button", name="Pyydä muutoksia").click()
        expect(modal).to_be_hidden()
        finnish = Page.objects.get(translation_key=key, locale__language_code="fi")
        assert finnish.current_workflow_state.status == "needs_changes"

        # 2. toimittaja sees the comment on the dashboard and on the edit page.
        editor = staff("toimittaja", "/admin/")
        row = editor.locator("tr.change-request", has_text=title)
        expect(row).to_contain_text(COMMENT)
        expect(row).to_contain_text("Jussi Julkaisija")
        row.get_by_role("link", name=title).click()
        editor.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/$"))
        message = editor.locator(".messages", has_text="Muutoksia pyydetty.")
        expect(message).to_contain_text("Jussi Julkaisija pyysi muutoksia")
        expect(message).to_contain_text(COMMENT)
        editor.screenshot(path=artifacts_dir / "toimittaja-change-request.png", full_page=True)

        # The editor adds the keyword and resubmits.
        tags = editor.locator("li.tagit-new input")
        tags.fill("järjestöt")
        tags.press("Enter")
        _footer_menu(editor)
        editor.locator("footer button[name=action-submit]").click()
        editor.wait_for_url(re.compile(r".*/admin/pages/\d+/$"))
        finnish.refresh_from_db()
        assert finnish.current_workflow_state.status == "in_progress"
        assert not finnish.live

        # 3. julkaisija approves and publishes it with its Swedish translation at once.
        publisher = staff("julkaisija", "/admin/")
        publisher.locator("#awaiting-review-content").get_by_role("link", name=title).click()
        publisher.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/$"))
        _footer_menu(publisher)
        publisher.get_by_role("link", name="Julkaise yhdessä käännösten kanssa").click()
        row = publisher.locator("tr.translation-state-row[data-language=sv]")
        expect(row).to_contain_text(sv_title)
        publisher.get_by_label("ruotsi").check()
        publisher.get_by_role("button", name="Hyväksy ja julkaise yhdessä").click()
        expect(publisher.get_by_text("julkaistiin yhdessä")).to_be_visible()

        finnish = Page.objects.get(translation_key=key, locale__language_code="fi").specific
        swedish = Page.objects.get(translation_key=key, locale__language_code="sv").specific
        assert finnish.live and swedish.live
        assert [k.name for k in finnish.keywords.all()] == ["järjestöt"]
        assert browser_page.goto(finnish.url).status == 200
        assert browser_page.get_by_role("heading", level=1).inner_text() == title
        assert browser_page.goto(swedish.url).status == 200
        assert browser_page.get_by_role("heading", level=1).inner_text() == sv_title
    finally:
        committed(lambda: _remove(key))
