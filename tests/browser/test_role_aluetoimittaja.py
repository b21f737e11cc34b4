"""The regional editor's path, in a real browser as the real roles (issue 11).

Finnish browser (fi-FI, Europe/Helsinki); only the login goes by URL, then each
person uses the admin's own screens:

- aluetoimittaja (Aluetoimittajat – Pohjois-Karjala) adds a new contact person
  under Pätkät → Henkilöt (only their own region to tick) and submits it for
  approval; finds their region page with the admin search, sees its "Alue" as
  read-only, adds the person as a contact from the person chooser (which offers
  only Pohjois-Karjala's people) and submits the page;
- julkaisija approves both from the dashboard's "Odottaa tarkastustasi";
- the person is on the Finnish region page and, with nobody syncing anything,
  on the Swedish one (reached with the site's language switcher).

The live server commits what the browser does, so the test restores the region
page's contacts and removes the person at the end.
"""

import re
import time

from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from editorial.translations.contacts import _with_contacts, contact_rows
from regions.models import Person, RegionPage
from tests.browser.conftest import committed

SUBMIT = re.compile(r"^Lähetä (työnkulkuun|hyväksyttäväksi)")
APPROVE = "Hyväksy ja julkaise"


def _region_page(language):
    return RegionPage.objects.get(region__code="pohjois-karjala", locale__language_code=language)


def _more_actions(page):
    page.locator("footer .w-dropdown__toggle").last.click()


def _restore(rows, name):
    publisher = get_user_model().objects.get(username="julkaisija")
    page = _region_page("fi")
    if contact_rows(page) != rows or page.has_unpublished_changes:
        _with_contacts(page.get_latest_revision_as_object(), rows).save_revision(
            user=publisher
        ).publish(user=publisher)
    Person.objects.filter(name=name).delete()


def _approve_from_dashboard(publisher, title):
    publisher.get_by_role("link", name="Kojelauta").first.click()
    review = publisher.locator("section", has_text="Odottaa tarkastustasi").first
    review.get_by_role("link", name=title).first.click()
    publisher.wait_for_load_state("networkidle")
    _more_actions(publisher)
    approve = publisher.get_by_role("button", name=APPROVE, exact=True)
    expect(approve).to_be_visible()
    # Publishing the region page also publishes its Swedish and English contacts.
    approve.click(timeout=120_000)
    publisher.wait_for_url(re.compile(r"/admin/(?!.*edit)"), timeout=120_000)


def test_regional_editor_adds_a_contact_shown_in_finnish_and_swedish(
    staff, browser_page, artifacts_dir
):
    stamp = str(int(time.time() * 1000))[-6:]
    name = f"Outi Yhteyshenkilö {stamp}"
    phone = f"050 55{stamp[:1]} {stamp[1:]}"
    fi_page = committed(lambda: _region_page("fi"))
    original = committed(lambda: contact_rows(_region_page("fi")))
    try:
        # 1. The regional editor adds a person of their own region.
        editor = staff("aluetoimittaja", "/admin/")
        editor.get_by_role("link", name="Pätkät").first.click()
        editor.get_by_role("link", name="Henkilöt").first.click()
        editor.get_by_role("link", name=re.compile("^Lisää henkilö")).first.click()
        regions = editor.locator("input[name=regions]")
        expect(regions).to_have_count(1)  # only their own region
        expect(regions).to_be_checked()
        editor.fill("#id_name", name)
        editor.fill("#id_job_title", "järjestöasiantuntija")
        editor.fill("#id_phone", phone)
        _more_actions(editor)
        editor.get_by_role("button", name=SUBMIT).click()
        expect(editor.get_by_text(name).first).to_be_visible()
        person = committed(lambda: Person.objects.get(name=name))
        assert not person.live and person.workflow_in_progress

        # 2. ... finds their region page and adds the person as a contact.
        editor.get_by_role("link", name="Kojelauta").first.click()
        search = editor.get_by_placeholder(re.compile("Haku|Hae"))
        search.first.fill("Pohjois-Karjala")
        search.first.press("Enter")
        result = editor.get_by_role("row").filter(has_text="Aluesivu")
        result.get_by_role("link", name=re.compile("^Pohjois-Karjala")).first.click()
        editor.wait_for_url(f"**/admin/pages/{fi_page.pk}/edit/")
        expect(editor.locator("#id_region")).to_be_disabled()
        editor.get_by_role("button", name="Lisää yhteyshenkilö").click()
        contact = editor.locator("[id^=inline_child_contacts-]").last
        contact.get_by_role("button", name=re.compile("Valitse henkilö")).click()
        modal = editor.locator(".modal-content")
        expect(modal.get_by_text("Elina Pajula")).to_be_visible()
        expect(modal.get_by_text("Helena Liimatainen")).to_have_count(0)  # Pohjois-Pohjanmaa
        modal.get_by_role("link", name=name).click()
        expect(modal).to_be_hidden()
        contact.locator("input[name$=-role]").fill("järjestöasiantuntija")
        _more_actions(editor)
        editor.get_by_role("button", name=SUBMIT).click()
        editor.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
        assert committed(lambda: _region_page("fi").workflow_in_progress)

        # 3. The publisher approves the person and the region page.
        publisher = staff("julkaisija", "/admin/")
        _approve_from_dashboard(publisher, name)
        _approve_from_dashboard(publisher, "Pohjois-Karjala")
        assert committed(lambda: Person.objects.get(name=name).live)
        assert committed(lambda: _region_page("fi").live)

        # 4. The contact is on the Finnish page and, synced on publish, the Swedish one.
        browser_page.goto(fi_page.url)
        contacts = browser_page.locator("main")
        expect(contacts.get_by_text(name)).to_be_visible()
        expect(contacts.get_by_text(phone)).to_be_visible()
        browser_page.locator(".language-switcher a[lang=sv]").click()
        browser_page.wait_for_url("**/sv/**")
        expect(browser_page.locator("html")).to_have_attribute("lang", "sv")
        expect(browser_page.locator("main").get_by_text(name)).to_be_visible()
        browser_page.screenshot(path=str(artifacts_dir / "aluetoimittaja-sv-region.png"))
    finally:
        committed(lambda: _restore(original, name))
