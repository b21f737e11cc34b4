"""The "Asiasanat" admin (issue 11): list with labels and usage, search, rename,
merge (no page loses a keyword; labels kept) and case-insensitive keywords."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from news.keyword_admin import merge_keywords
from news.models import EventPage, Keyword, NewsArticlePage
from tests.test_workflow import article_form

pytestmark = pytest.mark.django_db

HOST = {"HTTP_HOST": "127.0.0.1"}


def _user(username):
    return get_user_model().objects.get(username=username)


def keyword_names(page):
    return sorted(type(page).objects.get(pk=page.pk).keywords.names())


def keyword(name, **labels):
    found = Keyword.objects.filter(name__iexact=name).first() or Keyword.objects.create(name=name)
    Keyword.objects.filter(pk=found.pk).update(**labels)
    found.refresh_from_db()
    return found


@pytest.fixture
def duplicates():
    """Three spellings of one keyword on different pages (as in the demo), one page
    carrying two of them, and a draft revision that still names one."""
    articles = list(NewsArticlePage.objects.filter(locale__language_code="fi")[:3])
    event = EventPage.objects.filter(locale__language_code="fi").first()
    # The demo content has these three already; labels set here.
    target = keyword("Järjestöjen sote-muutostuki", label_sv="", label_en="")
    spelled = keyword("järjestöjensotemuutostuki", label_sv="organisationernas stöd", label_en="")
    short = keyword("sotemuutostuki", label_sv="", label_en="NGO support for the reform")
    articles[0].keywords.add(target)
    articles[0].save()
    articles[1].keywords.add(spelled, short)
    articles[1].save()
    articles[2].keywords.add(short)
    articles[2].save()
    event.keywords.add(spelled)
    event.save()
    articles[2].save_revision()  # a draft naming "sotemuutostuki"
    return {"target": target, "others": [spelled, short], "articles": articles, "event": event}


def test_merge_keeps_every_pages_keyword_and_the_labels(duplicates):
    target = duplicates["target"]
    before = {
        page.pk: set(keyword_names(page)) for page in [*duplicates["articles"], duplicates["event"]]
    }
    moved = merge_keywords(target, duplicates["others"])
    assert moved >= 2
    merged_names = {k.name for k in duplicates["others"]}
    for page in [*duplicates["articles"], duplicates["event"]]:
        names = set(keyword_names(page))
        assert target.name in names
        assert names == (before[page.pk] - merged_names) | {target.name}
        assert keyword_names(page).count(target.name) == 1
    target.refresh_from_db()
    assert target.label_sv == "organisationernas stöd"
    assert target.label_en == "NGO support for the reform"
    assert not Keyword.objects.filter(name__in=merged_names).exists()
    # The draft revision names the kept keyword and can still be published.
    draft = duplicates["articles"][2].get_latest_revision()
    draft.refresh_from_db()
    draft_tags = [item["tag"] for item in draft.content["keyword_items"]]
    assert target.pk in draft_tags
    assert not {k.pk for k in duplicates["others"]} & set(draft_tags), draft.content[
        "keyword_items"
    ]
    draft.publish()
    assert target.name in keyword_names(duplicates["articles"][2])


def test_merge_does_not_overwrite_existing_labels(duplicates):
    target = duplicates["target"]
    target.label_sv = "stöd"
    target.save()
    merge_keywords(target, duplicates["others"])
    target.refresh_from_db()
    assert target.label_sv == "stöd"


def test_typed_keyword_in_another_case_is_the_existing_one(client):
    existing = Keyword.objects.create(name="sote-muutos")
    client.force_login(_user("toimittaja"))
    index = NewsArticlePage.objects.filter(locale__language_code="fi").first().get_parent()
    url = reverse("wagtailadmin_pages:add", args=("news", "newsarticlepage", index.pk))
    response = client.post(
        url, article_form("Uusi", "uusi-asiasana", "", keywords="SOTE-muutos, Uusi Asia"), **HOST
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = NewsArticlePage.objects.get(slug="uusi-asiasana").get_latest_revision_as_object()
    assert sorted(page.keywords.names()) == ["Uusi Asia", "sote-muutos"]
    assert Keyword.objects.filter(name__iexact="sote-muutos").count() == 1
    assert Keyword.objects.get(name__iexact="sote-muutos") == existing


def test_listing_shows_labels_usage_and_search(client, duplicates):
    client.force_login(_user("julkaisija"))
    response = client.get(reverse("keywords:index"), {"q": "sotemuutos"}, **HOST)
    assert response.status_code == 200
    text = response.content.decode()
    assert "sotemuutostuki" in text and "NGO support for the reform" in text
    assert duplicates["target"].name not in text  # filtered by the search
    assert reverse("keyword_merge", args=(duplicates["target"].pk,)) not in text
    full = client.get(reverse("keywords:index"), **HOST).content.decode()
    assert reverse("keyword_merge", args=(duplicates["target"].pk,)) in full
    assert "Sivuja" in full


def test_rename_keeps_the_address_and_refuses_a_case_duplicate(client, duplicates):
    client.force_login(_user("toimittaja"))
    short = duplicates["others"][1]
    slug = short.slug
    url = reverse("keywords:edit", args=(short.pk,))
    data = {"name": "sote-muutostuki", "label_sv": "", "label_en": "NGO support"}
    assert client.post(url, data, **HOST).status_code == 302
    short.refresh_from_db()
    assert (short.name, short.slug) == ("sote-muutostuki", slug)
    response = client.post(url, {**data, "name": duplicates["target"].name.upper()}, **HOST)
    assert response.status_code == 200
    assert "on jo olemassa" in response.content.decode()


def test_merge_through_the_admin_is_for_publishers(client, duplicates):
    url = reverse("keyword_merge", args=(duplicates["target"].pk,))
    data = {"others": [k.pk for k in duplicates["others"]]}
    client.force_login(_user("toimittaja"))
    refused = client.post(url, data, **HOST)  # the admin's "no permission" redirect
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    assert Keyword.objects.filter(pk__in=data["others"]).count() == 2
    client.force_login(_user("julkaisija"))
    assert "Yhdistä" in client.get(url, **HOST).content.decode()
    assert client.post(url, data, **HOST).status_code == 302
    assert not Keyword.objects.filter(pk__in=data["others"]).exists()
