"""The admin title autocomplete shows only pages the user may edit or view (issue 10, hole 7).

``/admin/search-titles/`` once listed every region's drafts and restricted
titles to any admin user. Asked as the regional editor of Pohjois-Karjala and
as a translator, it now answers from Wagtail's page permission policy.
"""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import PageViewRestriction

from news.models import NewsArticlePage, NewsIndexPage

pytestmark = pytest.mark.django_db

URL = "/admin/search-titles/"


def draft(parent, title):
    page = NewsArticlePage(title=title, slug=title.lower().replace(" ", "-"), live=False)
    parent.add_child(instance=page)
    page.save_revision()
    return page


@pytest.fixture
def pages(demo_site):
    def index(path):
        return NewsIndexPage.objects.get(url_path=path)

    national = draft(index("/etusivu/uutiset/"), "Kvarkkiluonnos kansallinen")
    own_region = draft(index("/etusivu/alueet/pohjois-karjala/uutiset/"), "Kvarkkiluonnos karjala")
    other_region = draft(
        index("/etusivu/alueet/pohjois-pohjanmaa/uutiset/"), "Kvarkkiluonnos pohjanmaa"
    )
    swedish = draft(index("/sv/nyheter/"), "Kvarkkiluonnos svenska")
    restricted = NewsArticlePage(title="Kvarkkiluonnos jäsenille", slug="kvarkki-jasenille")
    index("/etusivu/alueet/pohjois-pohjanmaa/uutiset/").add_child(instance=restricted)
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    return {
        "national": national.pk,
        "own_region": own_region.pk,
        "other_region": other_region.pk,
        "swedish": swedish.pk,
        "restricted": restricted.pk,
    }


def found(client, username):
    client.force_login(get_user_model().objects.get(username=username))
    response = client.get(URL, {"q": "kvarkkiluonnos"})
    assert response.status_code == 200
    return {item["id"] for item in response.json()["results"]}


def test_regional_editor_finds_only_their_own_regions_pages(client, pages):
    assert found(client, "aluetoimittaja") == {pages["own_region"]}


def test_translator_finds_only_the_translated_trees(client, pages):
    assert found(client, "kaantaja") == {pages["swedish"]}


def test_editor_and_admin_find_everything(client, pages):
    assert found(client, "toimittaja") == set(pages.values())
    assert found(client, "admin") == set(pages.values())
