"""toimittaja's day in a real browser (issue 11): an article with an uploaded image
and a date typed the Finnish way, submitted for approval through the admin's own
screens, with the interactions (clicks + typed fields) counted and printed.

Finnish browser (fi-FI, Europe/Helsinki). The login opens the news listing in the
admin explorer (the login's ``next``); everything after it is clicks and typing.
Before issue 11's fixes the article took 27 interactions (and could not get an
image at all); the event with three sessions took 41 (the second and third session are now
"Kopioi tilaisuus" on the previous one, then the city and times changed). The create
form's autosave no longer races the submit (editorial/create_view.py).
"""

import datetime
import io
import re
import time

from PIL import Image as PILImage
from playwright.sync_api import expect
from wagtail.images import get_image_model
from wagtail.models import Page

from news.models import NewsArticlePage, NewsIndexPage
from tests.browser.conftest import committed

SUBMIT = "Lähetä hyväksyttäväksi"  # editorial/wagtail_strings.py


class Counter:
    """Clicks and typed fields, as a person would count them."""

    def __init__(self):
        self.count = 0

    def click(self, locator):
        self.count += 1
        locator.click()

    def fill(self, locator, text):
        self.count += 1
        locator.fill(text)


def _png(path):
    buffer = io.BytesIO()
    PILImage.new("RGB", (800, 450), (40, 110, 160)).save(buffer, "PNG")
    path.write_bytes(buffer.getvalue())
    return path


def _remove(title, image_title):
    for page in Page.objects.filter(title=title).specific():
        page.delete()
    get_image_model().objects.filter(title=image_title).delete()


def test_toimittaja_writes_an_article_with_an_image_and_a_finnish_date(staff, tmp_path):
    stamp = str(int(time.time() * 1000))[-7:]
    title = f"Järjestöt kokoontuvat Kajaanissa {stamp}"
    image_title = f"Kajaanin järjestöpäivä {stamp}"
    listing = NewsIndexPage.objects.get(slug="uutiset", depth=3, locale__language_code="fi")
    image_file = _png(tmp_path / f"kajaani-{stamp}.png")
    act = Counter()
    try:
        editor = staff("toimittaja", f"/admin/pages/{listing.pk}/")
        act.click(editor.get_by_role("link", name=re.compile("^Lisää alasivu")).first)
        types = editor.get_by_role("link", name=re.compile("[Uu]utinen"))
        if types.count():  # several page types may be added here: choose the article
            act.click(types.first)
        editor.wait_for_url(re.compile(r"/admin/pages/add/news/newsarticlepage/"))
        act.fill(editor.locator("#id_title"), title)
        act.fill(editor.locator("#id_date"), "20.1.2027")  # typed the Finnish way
        editor.keyboard.press("Escape")
        act.fill(editor.locator("#id_lead"), "Järjestöpäivä kokoaa Kainuun toimijat yhteen.")

        # The image: upload it in the chooser and it is chosen.
        act.click(editor.locator("[data-chooser-action-choose]").first)
        modal = editor.locator(".modal-content")
        act.click(modal.locator("#tab-label-upload"))  # "Lähetä" in Wagtail's Finnish
        modal.locator("input[type=file]").set_input_files(str(image_file))
        act.count += 1  # choosing the file
        act.fill(modal.locator("input[name$=title]"), image_title)
        act.click(modal.locator("#tab-upload button[type=submit]"))
        expect(modal).to_be_hidden()
        expect(editor.locator("[data-chooser-title]").first).to_have_text(image_title)

        act.click(editor.locator("footer .w-dropdown__toggle").last)
        act.click(editor.get_by_role("button", name=SUBMIT))
        editor.wait_for_url(f"**/admin/pages/{listing.pk}/")
        article = committed(lambda: NewsArticlePage.objects.get(title=title))
        draft = committed(lambda: article.get_latest_revision_as_object())
        assert draft.date.isoformat() == "2027-01-20"
        assert draft.image and draft.image.title == image_title
        assert committed(lambda: article.workflow_in_progress)
        print(
            f"\ntoimittaja: article with image and Finnish date: "
            f"{act.count} interactions (+3 login)"
        )
    finally:
        committed(lambda: _remove(title, image_title))


def test_toimittaja_writes_an_event_with_three_sessions(staff):
    from news.models import EventIndexPage, EventPage

    stamp = str(int(time.time() * 1000))[-7:]
    title = f"Järjestöpäivien kiertue {stamp}"
    listing = EventIndexPage.objects.filter(locale__language_code="fi", depth=3).first()
    sessions = [
        ("Kajaani", "10.2.2027 12.00", "10.2.2027 14.30"),
        ("Joensuu", "17.2.2027 9.00", "17.2.2027 11.00"),
        ("Oulu", "3.3.2027 13.15", "3.3.2027 15.45"),
    ]
    act = Counter()
    try:
        editor = staff("toimittaja", f"/admin/pages/{listing.pk}/")
        act.click(editor.get_by_role("link", name=re.compile("^Lisää alasivu")).first)
        types = editor.get_by_role("link", name=re.compile("[Tt]apahtuma"))
        if types.count():
            act.click(types.first)
        editor.wait_for_url(re.compile(r"/admin/pages/add/news/eventpage/"))
        act.fill(editor.locator("#id_title"), title)
        act.fill(editor.locator("#id_lead"), "Kiertue kokoaa alueiden järjestöt.")
        total = editor.locator("#id_sessions-TOTAL_FORMS")
        for index, (city, start, end) in enumerate(sessions):
            if index:  # the next city of the tour: copy the last session, change it
                previous = editor.locator(f"#inline_child_sessions-{index - 1}")
                act.click(previous.get_by_role("button", name="Kopioi tilaisuus"))
            expect(total).to_have_value(str(index + 1))
            child = editor.locator(f"#inline_child_sessions-{index}")  # the newest row
            expect(child.locator(f"#id_sessions-{index}-title")).to_be_visible()  # open
            act.fill(child.locator(f"#id_sessions-{index}-title"), city)
            act.fill(child.locator(f"#id_sessions-{index}-start"), start)
            editor.keyboard.press("Escape")
            act.fill(child.locator(f"#id_sessions-{index}-end"), end)
            editor.keyboard.press("Escape")
            expect(child.locator("[data-session-summary]")).to_contain_text(f"{city}, ")
        act.click(editor.locator("footer .w-dropdown__toggle").last)
        act.click(editor.get_by_role("button", name=SUBMIT))
        editor.wait_for_url(f"**/admin/pages/{listing.pk}/")
        event = committed(lambda: EventPage.objects.get(title=title))
        draft = committed(lambda: event.get_latest_revision_as_object())
        starts = sorted(
            s.start.astimezone(datetime.UTC).strftime("%d.%m. %H.%M") for s in draft.sessions.all()
        )
        assert starts == ["03.03. 11.15", "10.02. 10.00", "17.02. 07.00"]  # UTC
        assert committed(lambda: event.workflow_in_progress)
        print(f"\ntoimittaja: event with three sessions: {act.count} interactions (+3 login)")
    finally:
        committed(lambda: [p.delete() for p in Page.objects.filter(title=title).specific()])
