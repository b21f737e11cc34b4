"""Regional editors and their region's contact people (issue 11).

An "Aluetoimittajat – Pohjois-Karjala" member adds and changes the people of
their own region (as drafts, approved like pages), the person chooser offers
them only those people, their region page's "Alue" is read-only for them, and a
contact published on the Finnish region page appears on its Swedish and
English translations without anyone syncing by hand. Driven through the admin's
own views with the demo role users.
"""

from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.translation import override
from wagtail.models import Page

from editorial.translations.contacts import _with_contacts, contact_rows
from editorial.translations.state import translation_states
from regions.models import Person, Region, RegionPage

pytestmark = pytest.mark.django_db

HOST = {"HTTP_HOST": "127.0.0.1"}


def _user(username):
    return get_user_model().objects.get(username=username)


def _region(code):
    return Region.objects.get(code=code)


@pytest.fixture
def regional(client, demo_site):
    client.force_login(_user("aluetoimittaja"))
    return client


def person_data(name, regions, **extra):
    return {
        "name": name,
        "job_title": "järjestöasiantuntija",
        "organisation": "",
        "phone": "050 111 2222",
        "email": "",
        "regions": [str(region.pk) for region in regions],
        **extra,
    }


def test_regional_editor_adds_a_person_of_their_region_and_submits_it(regional):
    pk = _region("pohjois-karjala")
    form = regional.get(reverse("wagtailsnippets_regions_person:add"), **HOST)
    assert form.status_code == 200
    html = form.content.decode()
    # Only their own region to tick, already ticked.
    assert "Pohjois-Karjala" in html and "Kainuu" not in html

    data = person_data("Outi Uusi", [pk], **{"action-submit": "1"})
    response = regional.post(reverse("wagtailsnippets_regions_person:add"), data, **HOST)
    assert response.status_code == 302, response.content.decode()[:2000]
    person = Person.objects.get(name="Outi Uusi")
    assert not person.live  # approved by a publisher first
    assert person.workflow_in_progress
    assert list(person.regions.all()) == [pk]


def test_regional_editor_cannot_add_a_person_to_another_region(regional):
    add = reverse("wagtailsnippets_regions_person:add")
    response = regional.post(add, person_data("Kaisa Kainuu", [_region("kainuu")]), **HOST)
    assert response.status_code == 200
    assert "regions" in response.context["form"].errors
    response = regional.post(add, person_data("Ei Aluetta", []), **HOST)
    assert response.status_code == 200
    assert response.context["form"].errors["regions"] == ["Valitse alue, jolla henkilö toimii."]
    assert "Valitse alue, jolla henkilö toimii." in response.content.decode()
    assert not Person.objects.filter(name__in=["Kaisa Kainuu", "Ei Aluetta"]).exists()


def test_regional_editor_changes_only_their_regions_people(regional):
    own = Person.objects.get(name="Elina Pajula")
    other = Person.objects.get(name="Helena Liimatainen")  # Pohjois-Pohjanmaa
    edit = "wagtailsnippets_regions_person:edit"
    assert regional.get(reverse(edit, args=[own.pk]), **HOST).status_code == 200
    # Refused: Wagtail sends a refused user to the dashboard with a message.
    refused = regional.get(reverse(edit, args=[other.pk]), **HOST)
    assert (refused.status_code, refused.url) == (302, "/admin/")
    data = person_data(other.name, [_region("pohjois-pohjanmaa")], phone="040 666 6666")
    refused = regional.post(reverse(edit, args=[other.pk]), data, **HOST)
    assert (refused.status_code, refused.url) == (302, "/admin/")
    other.refresh_from_db()
    assert other.get_latest_revision_as_object().phone != "040 666 6666"

    listing = regional.get(reverse("wagtailsnippets_regions_person:list"), **HOST)
    names = listing.content.decode()
    assert "Elina Pajula" in names and "Helena Liimatainen" not in names


def test_a_shared_person_keeps_their_other_regions(regional):
    """Johanna Saarivaara-like: a person serving Pohjois-Karjala and Kainuu, edited by
    the Pohjois-Karjala editor, still serves Kainuu."""
    person = Person.objects.create(name="Jaettu Asiantuntija", live=True)
    person.regions.set([_region("pohjois-karjala"), _region("kainuu")])
    person.save()
    data = person_data(person.name, [_region("pohjois-karjala")], phone="050 999 0000")
    url = reverse("wagtailsnippets_regions_person:edit", args=[person.pk])
    assert regional.post(url, data, **HOST).status_code == 302
    draft = Person.objects.get(pk=person.pk).get_latest_revision_as_object()
    assert draft.phone == "050 999 0000"
    assert {region.code for region in draft.regions.all()} == {"pohjois-karjala", "kainuu"}


def _chooser_names(client):
    html = client.get(reverse("wagtailsnippetchoosers_regions_person:choose"), **HOST)
    assert html.status_code == 200
    body = html.json()["html"] if html["Content-Type"].startswith("application/json") else ""
    return {name for name in Person.objects.values_list("name", flat=True) if name in body}


def test_person_chooser_offers_a_regional_editor_only_their_regions_people(client, demo_site):
    client.force_login(_user("aluetoimittaja"))
    assert _chooser_names(client) == {"Elina Pajula", "Ari Harakka", "Leena Suhonen"}
    client.force_login(_user("toimittaja"))
    assert _chooser_names(client) == set(Person.objects.values_list("name", flat=True))


def _region_page(language="fi"):
    return RegionPage.objects.get(region__code="pohjois-karjala", locale__language_code=language)


def test_region_field_is_read_only_for_the_regional_editor(regional):
    page = _region_page()
    response = regional.get(reverse("wagtailadmin_pages:edit", args=[page.pk]), **HOST)
    html = response.content.decode()
    start = html.index('name="region"')
    assert "disabled" in html[html.rindex("<select", 0, start) : html.index(">", start)]

    # A crafted post cannot move the page to another region: the form ignores it.
    form_class = type(response.context["form"])
    form = form_class(
        {"region": str(_region("kainuu").pk), "title": page.title, "slug": page.slug},
        instance=page,
        parent_page=page.get_parent(),
        for_user=_user("aluetoimittaja"),
    )
    assert form.fields["region"].disabled
    assert form["region"].value() == page.region_id


def test_region_field_stays_editable_for_editors(client, demo_site):
    client.force_login(_user("toimittaja"))
    page = _region_page()
    form = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]), **HOST).context["form"]
    assert not form.fields["region"].disabled


def _reasons(page):
    with override("fi"):
        return [state.reasons for state in translation_states(Page.objects.get(pk=page.pk))]


def test_published_contacts_reach_the_translations(client, demo_site):
    fi = _region_page()
    sv, en = _region_page("sv"), _region_page("en")
    assert sv.live and en.live
    before = _reasons(fi)
    newcomer = Person.objects.create(name="Uusi Yhteyshenkilö", phone="050 123 0000", live=True)
    newcomer.regions.set([fi.region])
    newcomer.save()

    draft = fi.get_latest_revision_as_object()
    rows = [*contact_rows(draft), (newcomer.pk, "järjestöasiantuntija")]
    _with_contacts(draft, rows).save_revision(user=_user("julkaisija")).publish(
        user=_user("julkaisija")
    )

    for translation in (sv, en):
        translation = RegionPage.objects.get(pk=translation.pk)
        assert contact_rows(translation) == rows
        assert translation.live and not translation.has_unpublished_changes
        html = client.get(translation.url, **HOST).content.decode()
        assert "Uusi Yhteyshenkilö" in html and "050 123 0000" in html
    # Nothing to sync by hand: the status report finds nothing new to sync.
    assert _reasons(fi) == before


class _FormFields(HTMLParser):
    """The fields a browser would submit from the admin page's edit form."""

    def __init__(self):
        super().__init__()
        self.data, self._select, self._textarea = {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "option" and self._select and "selected" in attrs:
            self.data[self._select] = attrs.get("value", "")
        if not name or "disabled" in attrs:
            return
        if tag == "input" and attrs.get("type") not in ("submit", "button", "file"):
            checkable = attrs.get("type") in ("checkbox", "radio")
            if checkable and "checked" not in attrs:
                return
            self.data.setdefault(name, attrs.get("value", "on" if checkable else ""))
        elif tag == "select":
            self._select = name
            self.data.setdefault(name, "")
        elif tag == "textarea":
            self._textarea = name
            self.data[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data


def _edit_form(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]), **HOST)
    assert response.status_code == 200
    parser = _FormFields()
    parser.feed(response.content.decode())
    data = parser.data
    # The body's blocks are written by the editor's JavaScript; the region page has none.
    assert not page.body
    data["body-count"] = "0"
    return data


def _contact_person_fields(data):
    return sorted(key for key in data if key.startswith("contacts-") and key.endswith("-person"))


def test_a_crafted_post_cannot_make_another_regions_person_a_contact(regional):
    page = _region_page()
    outsider = Person.objects.filter(live=True).exclude(regions=page.region).first()
    assert outsider is not None
    revisions = page.revisions.count()
    data = _edit_form(regional, page)
    fields = _contact_person_fields(data)
    assert fields, "the demo region page has contacts"
    data[fields[0]] = str(outsider.pk)

    response = regional.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data, **HOST)

    assert response.status_code == 200
    assert "Voit valita vain oman alueesi henkilöitä." in response.content.decode()
    page.refresh_from_db()
    assert page.revisions.count() == revisions
    assert outsider.pk not in [row[0] for row in contact_rows(page.get_latest_revision_as_object())]


def test_regional_editor_saves_their_region_page_with_their_own_people(regional):
    page = _region_page()
    own = Person.objects.filter(live=True, regions=page.region)
    data = _edit_form(regional, page)
    fields = _contact_person_fields(data)
    chosen = next(person for person in own if str(person.pk) != data[fields[0]])
    data[fields[0]] = str(chosen.pk)

    response = regional.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data, **HOST)

    assert response.status_code == 302
    draft = RegionPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert chosen.pk in [row[0] for row in contact_rows(draft)]


def test_editors_may_choose_anyone_as_a_contact(client, demo_site):
    client.force_login(_user("toimittaja"))
    page = _region_page()
    outsider = Person.objects.filter(live=True).exclude(regions=page.region).first()
    data = _edit_form(client, page)
    data[_contact_person_fields(data)[0]] = str(outsider.pk)

    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data, **HOST)

    assert response.status_code == 302
    draft = RegionPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert outsider.pk in [row[0] for row in contact_rows(draft)]


# Articles' author and events' contact: the same scope as the region page's contacts.


def _page_form(client, page):
    """The fields a browser posts from ``page``'s edit form (its body left empty:
    the body's blocks are written by the editor's JavaScript)."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]), **HOST)
    assert response.status_code == 200
    parser = _FormFields()
    parser.feed(response.content.decode())
    data = parser.data
    data["body-count"] = "0"
    return data


def _regional_article():
    from news.models import NewsArticlePage

    return NewsArticlePage.objects.descendant_of(_region_page()).get(
        slug="jarjestot-ja-tulevaisuuden-sote-keskus"
    )


def _regional_event():
    """An event under the Pohjois-Karjala region page (the demo has none there)."""
    import datetime

    from django.utils import timezone

    from news.models import EventIndexPage, EventPage, EventSession

    region_page = _region_page()
    index = EventIndexPage.objects.child_of(region_page).first()
    if index is None:
        index = EventIndexPage(title="Tapahtumat", slug="tapahtumat")
        region_page.add_child(instance=index)
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=30)
    event = EventPage(title="Alueen koulutus", slug="alueen-koulutus", lead="Koulutus.")
    event.sessions = [
        EventSession(title="Joensuu", start=start, end=start + datetime.timedelta(hours=2))
    ]
    index.add_child(instance=event)
    event.save_revision().publish()
    return EventPage.objects.get(pk=event.pk)


def _outsider():
    return Person.objects.filter(live=True).exclude(regions=_region("pohjois-karjala")).first()


def _post_edit(client, page, data):
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data, **HOST)


@pytest.mark.parametrize("kind, field", [("article", "author"), ("event", "contact")])
def test_a_crafted_post_cannot_link_another_regions_person_to_an_article_or_event(
    regional, kind, field
):
    page = _regional_article() if kind == "article" else _regional_event()
    outsider = _outsider()
    revisions = page.revisions.count()
    data = _page_form(regional, page)
    assert field in data
    data[field] = str(outsider.pk)

    response = _post_edit(regional, page, data)

    assert response.status_code == 200
    assert response.context["form"].errors[field] == ["Voit valita vain oman alueesi henkilöitä."]
    assert "Voit valita vain oman alueesi henkilöitä." in response.content.decode()
    page.refresh_from_db()
    assert page.revisions.count() == revisions
    assert getattr(page.get_latest_revision_as_object(), f"{field}_id") != outsider.pk


@pytest.mark.parametrize("kind, field", [("article", "author"), ("event", "contact")])
def test_regional_editor_links_their_own_regions_person(regional, kind, field):
    page = _regional_article() if kind == "article" else _regional_event()
    own = Person.objects.filter(live=True, regions=_region("pohjois-karjala")).first()
    data = _page_form(regional, page)
    data[field] = str(own.pk)

    response = _post_edit(regional, page, data)

    assert response.status_code == 302, response.context["form"].errors
    draft = type(page).objects.get(pk=page.pk).get_latest_revision_as_object()
    assert getattr(draft, f"{field}_id") == own.pk


@pytest.mark.parametrize("username", ["toimittaja", "admin"])
@pytest.mark.parametrize("kind, field", [("article", "author"), ("event", "contact")])
def test_editors_and_superusers_link_anyone_to_articles_and_events(
    client, demo_site, username, kind, field
):
    user = _user(username) if username != "admin" else None
    if user is None:
        user = get_user_model().objects.create_superuser("paakayttaja", "pk@example.com", "x")
    client.force_login(user)
    page = _regional_article() if kind == "article" else _regional_event()
    outsider = _outsider()
    data = _page_form(client, page)
    data[field] = str(outsider.pk)

    response = _post_edit(client, page, data)

    assert response.status_code == 302, response.context["form"].errors
    draft = type(page).objects.get(pk=page.pk).get_latest_revision_as_object()
    assert getattr(draft, f"{field}_id") == outsider.pk


# Searching among the scoped people (the listing and the chooser).


@pytest.mark.parametrize("username", ["aluetoimittaja", "toimittaja"])
def test_searching_people_in_the_listing_and_the_chooser(client, demo_site, username):
    client.force_login(_user(username))
    listing = client.get(reverse("wagtailsnippets_regions_person:list"), {"q": "Pajula"}, **HOST)
    assert listing.status_code == 200
    assert "Elina Pajula" in listing.content.decode()
    results = client.get(
        reverse("wagtailsnippetchoosers_regions_person:choose_results"), {"q": "Pajula"}, **HOST
    )
    assert results.status_code == 200
    assert "Elina Pajula" in results.content.decode()


def test_a_regional_editors_search_finds_only_their_regions_people(regional):
    # Helena Liimatainen serves Pohjois-Pohjanmaa.
    for url in (
        reverse("wagtailsnippets_regions_person:list"),
        reverse("wagtailsnippetchoosers_regions_person:choose_results"),
    ):
        response = regional.get(url, {"q": "Liimatainen"}, **HOST)
        assert response.status_code == 200
        assert "Helena Liimatainen" not in response.content.decode()


def test_other_regions_person_is_out_of_reach_in_every_person_view(regional):
    """Copy, revisions, workflow history and the bulk delete are refused as edit is."""
    other = Person.objects.get(name="Helena Liimatainen")  # Pohjois-Pohjanmaa
    revision = other.save_revision(user=_user("toimittaja"))
    name = "wagtailsnippets_regions_person:"
    urls = [
        reverse(name + "copy", args=[other.pk]),
        reverse(name + "workflow_history", args=[other.pk]),
        reverse(name + "revisions_view", args=[other.pk, revision.pk]),
        reverse(name + "revisions_compare", args=[other.pk, "earliest", str(revision.pk)]),
    ]
    for url in urls:
        refused = regional.get(url, **HOST)
        assert (refused.status_code, refused.get("Location")) == (302, "/admin/"), url
    # The copy form cannot be posted either.
    copied = person_data("Kopio Liimatainen", [_region("pohjois-karjala")])
    assert regional.post(urls[0], copied, **HOST).status_code == 302
    assert not Person.objects.filter(name="Kopio Liimatainen").exists()

    bulk = reverse("wagtail_bulk_action", args=["regions", "person", "delete"])
    response = regional.post(f"{bulk}?id={other.pk}", {}, **HOST)
    assert response.status_code in (200, 302, 403)
    assert Person.objects.filter(pk=other.pk).exists()


def test_person_chooser_answers_a_chosen_id_only_within_the_users_regions(client, demo_site):
    """The chooser's "chosen" answer gives a person's name and edit link for an id;
    a regional editor typing another region's person's id gets a 404, not the name,
    as the chooser's own list never offers that person. Editors reach everyone."""
    own = Person.objects.get(name="Elina Pajula")  # Pohjois-Karjala
    other = Person.objects.get(name="Helena Liimatainen")  # Pohjois-Pohjanmaa
    chosen = "wagtailsnippetchoosers_regions_person:chosen"
    several = reverse("wagtailsnippetchoosers_regions_person:chosen_multiple")
    client.force_login(_user("aluetoimittaja"))
    mine = client.get(reverse(chosen, args=[own.pk]), **HOST)
    assert mine.status_code == 200 and "Elina Pajula" in mine.content.decode()
    refused = client.get(reverse(chosen, args=[other.pk]), **HOST)
    assert refused.status_code == 404
    assert "Liimatainen" not in refused.content.decode()
    both = client.get(f"{several}?id={own.pk}&id={other.pk}", **HOST).content.decode()
    assert "Elina Pajula" in both and "Liimatainen" not in both
    client.force_login(_user("toimittaja"))
    assert (
        "Helena Liimatainen"
        in client.get(reverse(chosen, args=[other.pk]), **HOST).content.decode()
    )
