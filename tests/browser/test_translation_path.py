"""The translator's path and "publish together", in a real browser as the real roles.

Finnish browser (fi-FI, Europe/Helsinki); only the login goes by URL, then each
person uses the admin's own screens:

- kaantaja finds a new Finnish article on the dashboard, clicks "Käännä ruotsiksi",
  translates it in the translation editor (one click, then Enter after each text)
  and submits it for approval;
- julkaisija opens a Finnish article awaiting approval from the dashboard and
  approves and publishes it together with its Swedish translation in one action:
  both are live under /fi/ and /sv/.

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

from editorial.translations.publishing import submit_translation
from news.models import NewsArticlePage, NewsIndexPage
from tests.browser.conftest import committed

SOURCE_PARAGRAPH = 'Lue <a id="a1">lisää SOSTEn sivuilta</a>.'


def _user(username):
    return get_user_model().objects.get(username=username)


def _new_article(stamp, title):
    """A Finnish article with a link in its body, saved by the editor (not published)."""
    listing = NewsIndexPage.objects.get(slug="uutiset", depth=3, locale__language_code="fi")
    article = NewsArticlePage(
        title=title,
        slug=f"kaannospolku-{stamp}",
        lead="Järjestöt kokoontuvat Kajaanissa.",
        body=[
            (
                "paragraph",
                RichText('<p>Lue <a href="https://www.soste.fi/">lisää SOSTEn sivuilta</a>.</p>'),
            )
        ],
    )
    listing.add_child(instance=article)
    article.save_revision(user=_user("toimittaja"))
    return article


def _remove(translation_key):
    pages = Page.objects.filter(translation_key=translation_key).specific()
    for page in sorted(pages, key=lambda page: page.locale.language_code == "fi"):
        page.delete()


def _text_box(page):
    """The translation editor's open text box, once it has the keyboard focus."""
    box = page.locator(".js-translation-editor textarea")
    expect(box).to_be_focused()
    return box


def test_translator_finds_the_page_on_the_dashboard_translates_and_submits(staff):
    stamp = str(int(time.time() * 1000))[-7:]
    title = f"Käännöspolku {stamp}"

    def create():
        article = _new_article(stamp, title)
        article.get_latest_revision().publish(user=_user("julkaisija"))
        return article.translation_key

    key = committed(create)
    try:
        translator = staff("kaantaja", "/admin/")
        row = translator.locator("tr.translation-to-do", has_text=title)
        row.get_by_role("button", name="Käännä ruotsiksi").click()
        translator.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/$"))
        editor = translator.locator(".js-translation-editor")

        # Rich text reads as text: the link is underlined, no <a id="a1"> markup.
        expect(
            editor.locator(".translation-link", has_text="lisää SOSTEn sivuilta")
        ).to_be_visible()
        assert "<a id=" not in editor.inner_text()

        # One click opens the first text; Enter saves it and opens the next one.
        editor.locator("li.incomplete > p", has_text=title).click()
        _text_box(translator).fill(f"Översättningsvägen {stamp}")
        translator.keyboard.press("Enter")
        _text_box(translator).fill("Organisationerna samlas i Kajana.")
        translator.keyboard.press("Enter")
        # A text with a link starts as the Finnish markup, so the link survives.
        box = _text_box(translator)
        assert box.input_value() == SOURCE_PARAGRAPH
        box.fill('Läs <a id="a1">mer på SOSTEs webbplats</a>.')
        translator.keyboard.press("Enter")
        expect(
            editor.locator(".translation-link", has_text="mer på SOSTEs webbplats")
        ).to_be_visible()

        translator.get_by_role("tab", name="Nosto").click()
        editor.locator("li.incomplete > p", has_text=f"kaannospolku-{stamp}").click()
        _text_box(translator).fill(f"oversattningsvagen-{stamp}")
        translator.keyboard.press("Enter")
        expect(editor.locator("li.incomplete")).to_have_count(0)

        # The primary action is "Lähetä hyväksyttäväksi" (no more "Poista").
        footer = translator.locator("footer.translation-footer")
        primary = footer.locator(".w-dropdown-button > button[type=submit]").first
        expect(primary).to_have_text(re.compile("Lähetä hyväksyttäväksi"))
        primary.click()
        expect(translator.get_by_text("lähetettiin hyväksyttäväksi")).to_be_visible()

        swedish = Page.objects.get(translation_key=key, locale__language_code="sv")
        assert swedish.workflow_in_progress and not swedish.live
        assert swedish.get_latest_revision_as_object().slug == f"oversattningsvagen-{stamp}"
    finally:
        committed(lambda: _remove(key))


def test_publisher_approves_and_publishes_the_article_with_its_swedish_translation(
    staff, browser_page
):
    stamp = str(int(time.time() * 1000))[-7:]
    title = f"Yhdessä julkaistava {stamp}"
    sv_title = f"Publiceras tillsammans {stamp}"

    def create():
        """The editor has submitted a new article; the translator has translated and
        submitted its Swedish version."""
        article = _new_article(stamp, title)
        article.get_workflow().start(article, _user("toimittaja"))
        sv = Locale.objects.get(language_code="sv")
        translate_object(article, [sv], user=_user("kaantaja"))
        translation = Translation.objects.get(
            source__object_id=article.translation_key, target_locale=sv
        )
        texts = {
            title: sv_title,
            article.slug: f"publiceras-tillsammans-{stamp}",
            article.lead: "Organisationerna samlas i Kajana.",
            SOURCE_PARAGRAPH: 'Läs <a id="a1">mer på SOSTEs webbplats</a>.',
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
        swedish = article.get_translation(sv)
        submit_translation(swedish, _user("kaantaja"))
        return article.translation_key

    key = committed(create)
    try:
        publisher = staff("julkaisija", "/admin/")
        publisher.get_by_role("link", name=title).first.click()
        publisher.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/$"))
        publisher.locator("footer .w-dropdown__toggle").last.click()
        publisher.get_by_role("link", name="Julkaise yhdessä käännösten kanssa").click()

        row = publisher.locator("tr.translation-state-row[data-language=sv]")
        expect(row).to_contain_text(sv_title)
        expect(publisher.get_by_label("ruotsi")).to_be_checked()
        publisher.get_by_role("button", name="Hyväksy ja julkaise yhdessä").click()
        expect(publisher.get_by_text("julkaistiin yhdessä")).to_be_visible()

        finnish = Page.objects.get(translation_key=key, locale__language_code="fi")
        swedish = Page.objects.get(translation_key=key, locale__language_code="sv")
        assert finnish.live and swedish.live
        assert finnish.url.startswith("/fi/") and swedish.url.startswith("/sv/")
        assert browser_page.goto(finnish.url).status == 200
        assert browser_page.get_by_role("heading", level=1).inner_text() == title
        assert browser_page.goto(swedish.url).status == 200
        assert browser_page.get_by_role("heading", level=1).inner_text() == sv_title
        link = browser_page.get_by_role("link", name="mer på SOSTEs webbplats")
        assert link.get_attribute("href") == "https://www.soste.fi/"
    finally:
        committed(lambda: _remove(key))
