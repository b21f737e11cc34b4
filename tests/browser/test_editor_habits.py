"""WordPress habits in a real browser (issue 11), as toimittaja in Finnish.

Only the login goes by URL. The editor opens "Tapahtumat" from the admin menu
(a listing with the events' dates), opens the tour, sees each collapsed session
summarised by place and time, copies a session with "Kopioi tilaisuus" (the new
row has the same place and times and says so in its heading), types an SEO
title and sees the preview and its length counter follow, opens "Ajasta
julkaisu" from the footer menu (Wagtail's schedule dialog), and finds the event
in "Kalenteri". Nothing is saved.
"""

import re

from django.utils import timezone
from playwright.sync_api import expect

from kumppanuus.formatting import format_date_span
from news.models import EventPage
from tests.browser.conftest import committed


def _tour():
    return (
        EventPage.objects.filter(locale__language_code="fi", sessions__isnull=False)
        .distinct()
        .order_by("-starts_at")
        .first()
    )


def test_editor_habits(staff):
    event = committed(_tour)
    sessions = committed(lambda: list(_tour().ordered_sessions()))
    span = format_date_span(event.starts_at, event.ends_at, "fi")
    editor = staff("toimittaja", "/admin/")

    # Tapahtumat: a listing with the events' dates.
    editor.get_by_role("link", name="Tapahtumat", exact=True).first.click()
    row = editor.get_by_role("row").filter(has_text=event.title)
    expect(row.first).to_contain_text(span)
    row.first.get_by_role("link", name=re.compile(re.escape(event.title))).first.click()
    editor.wait_for_url(f"**/admin/pages/{event.pk}/edit/")

    # Each session row is summarised by place and time.
    first = sessions[0]
    start = timezone.localtime(first.start)
    summary = (
        f"{first.title}, {start.day}.{start.month}.{start.year} klo {start.hour}.{start.minute:02d}"
    )
    rows = editor.locator("#id_sessions-FORMS > [data-inline-panel-child]")
    expect(rows).to_have_count(len(sessions))
    expect(rows.first.locator("[data-session-summary]")).to_contain_text(summary)

    # Kopioi tilaisuus: a new row with the same place and times.
    rows.first.get_by_role("button", name="Kopioi tilaisuus").click()
    expect(rows).to_have_count(len(sessions) + 1)
    added = rows.last
    expect(added.locator("input[name$=-title]")).to_have_value(first.title)
    expect(added.locator("[data-session-summary]")).to_contain_text(summary)
    added.locator("input[name$=-title]").fill("Joensuu")
    expect(added.locator("[data-session-summary]")).to_contain_text("Joensuu, ")

    # The search and share preview follows the SEO title, with its length.
    editor.get_by_role("tab", name="Nosto").click()
    seo_title = "Maakuntien järjestöpäivä kiertää viidessä kaupungissa ja verkossa kevään aikana"
    editor.fill("#id_seo_title", seo_title)
    preview = editor.locator("[data-search-social-preview]")
    expect(preview.locator("[data-preview-title]").first).to_have_text(seo_title)
    title_counter = preview.locator('[data-counter="title"]')
    expect(title_counter).to_contain_text(f"{len(seo_title)}/60")
    expect(title_counter).to_contain_text("liian pitkä")

    # Ajasta julkaisu: the footer menu opens the schedule dialog.
    editor.locator("footer .w-dropdown__toggle").last.click()
    editor.get_by_role("button", name="Ajasta julkaisu").click()
    dialog = editor.locator("#schedule-publishing-dialog")
    expect(dialog).to_be_visible()
    expect(dialog.locator("input[name=go_live_at]")).to_be_visible()
    editor.keyboard.press("Escape")

    # Kalenteri: the event's month lists its first session.
    editor.on("dialog", lambda dialog: dialog.accept())  # leave without saving
    editor.get_by_role("link", name="Kalenteri", exact=True).first.click()
    editor.wait_for_url("**/admin/kalenteri/")
    month = start.strftime("%Y-%m")
    this_month = timezone.localdate()
    steps = (start.year - this_month.year) * 12 + start.month - this_month.month
    link = "Seuraava kuukausi" if steps > 0 else "Edellinen kuukausi"
    for _step in range(abs(steps)):
        editor.get_by_role("link", name=link).click()
    if steps:
        editor.wait_for_url(f"**kuukausi={month}")
    day = editor.locator(f'td[data-date="{start.date().isoformat()}"]')
    expect(day).to_contain_text(first.title)
    expect(day).to_contain_text(event.title)
