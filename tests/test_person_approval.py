"""People shown on public pages go through the same approval as pages (issue 10, hole 3).

An editor's change to a person (the author of a live article, a region's
contact) is saved as a draft revision: the public page and the API keep
showing the published person until a publisher approves the change in the
"Julkaisun hyväksyntä" workflow. A person who has never been published is
shown nowhere. Driven through the admin's own snippet views as the real roles.
"""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from editorial.setup import WORKFLOW_NAME
from news.models import NewsArticlePage
from regions.models import Person

pytestmark = pytest.mark.django_db

HOST = {"HTTP_HOST": "127.0.0.1"}
NEW_PHONE = "044 123 4567"


def _user(username):
    return get_user_model().objects.get(username=username)


@pytest.fixture
def authored(demo_site):
    """A live Finnish article with an author, and that author."""
    article = (
        NewsArticlePage.objects.live()
        .filter(locale__language_code="fi", author__isnull=False)
        .select_related("author")
        .first()
    )
    return article, article.author


def person_form(person, action=None, **changes):
    data = {
        "name": person.name,
        "job_title": person.job_title,
        "organisation": person.organisation,
        "phone": person.phone,
        "email": person.email,
        "regions": [str(pk) for pk in person.regions.values_list("pk", flat=True)],
        **changes,
    }
    if action:
        data[action] = "1"
    return data


def edit_person(client, person, action=None, **changes):
    url = reverse("wagtailsnippets_regions_person:edit", args=[person.pk])
    return client.post(url, person_form(person, action, **changes), **HOST)


def public_phone_shown(client, article, phone):
    page = client.get(article.url, **HOST).content.decode()
    api = client.get(f"/api/v3/news/{article.pk}/").json()
    return phone in page, api["author"]["phone"] == phone


def test_people_are_under_the_approval_workflow(demo_site):
    person = Person.objects.first()
    assert person.get_workflow().name == WORKFLOW_NAME
    assert not _user("toimittaja").has_perm("regions.publish_person")
    assert _user("julkaisija").has_perm("regions.publish_person")


def test_editors_change_to_an_author_is_not_public_until_approved(client, authored):
    article, person = authored
    old_phone = person.phone
    client.force_login(_user("toimittaja"))

    response = edit_person(client, person, phone=NEW_PHONE)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert public_phone_shown(client, article, NEW_PHONE) == (False, False)
    assert public_phone_shown(client, article, old_phone) == (True, True)
    person.refresh_from_db()
    assert person.phone == old_phone and person.has_unpublished_changes

    response = edit_person(client, person, "action-submit", phone=NEW_PHONE)
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.workflow_in_progress
    assert public_phone_shown(client, article, NEW_PHONE) == (False, False)

    client.force_login(_user("julkaisija"))
    task_state = person.current_workflow_task_state
    url = reverse(
        "wagtailsnippets_regions_person:workflow_action",
        args=[person.pk, "approve", task_state.pk],
    )
    assert client.post(url, {"comment": ""}, **HOST).status_code in (200, 302)
    person.refresh_from_db()
    assert person.phone == NEW_PHONE and not person.has_unpublished_changes
    assert public_phone_shown(client, article, NEW_PHONE) == (True, True)


def test_an_editor_cannot_publish_a_person(client, authored):
    article, person = authored
    old_phone = person.phone
    client.force_login(_user("toimittaja"))
    edit_person(client, person, "action-publish", phone=NEW_PHONE)
    person.refresh_from_db()
    assert person.phone == old_phone
    assert public_phone_shown(client, article, old_phone) == (True, True)


def test_a_person_never_published_is_shown_nowhere(client, authored):
    article, _person = authored
    client.force_login(_user("toimittaja"))
    response = client.post(
        reverse("wagtailsnippets_regions_person:add"),
        person_form(Person(name="Kaarina Luonnos", phone="045 000 1111"), regions=[]),
        **HOST,
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    draft = Person.objects.get(name="Kaarina Luonnos")
    assert draft.live is False
    NewsArticlePage.objects.filter(pk=article.pk).update(author=draft)
    client.logout()

    page = client.get(article.url, **HOST).content.decode()
    assert "Kaarina Luonnos" not in page and "045 000 1111" not in page
    assert client.get(f"/api/v3/news/{article.pk}/").json()["author"] is None
    assert "Kaarina Luonnos" not in client.get("/feeds/fi/news.rss").content.decode()
