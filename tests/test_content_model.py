"""The content model as editors and API consumers rely on it."""

import pytest
from django.core.exceptions import ValidationError

from home.models import HomePage
from news.models import EventPage, Keyword, NewsArticlePage, NewsIndexPage
from regions.models import Person, Region, RegionPage

from .factories import EventPageFactory, NewsArticlePageFactory, helsinki, publish, session

pytestmark = pytest.mark.django_db


def test_all_22_areas_ship_with_finnish_and_swedish_names():
    regions = list(Region.objects.all())
    assert len(regions) == 22
    assert len({r.code for r in regions}) == 22
    helsinki_area = Region.objects.get(code="helsinki")
    assert helsinki_area.official_name_fi == "Helsingin kaupunki"
    assert helsinki_area.official_name_sv == "Helsingfors stad"
    pk = Region.objects.get(code="pohjois-karjala")
    assert pk.official_name_fi == "Pohjois-Karjalan hyvinvointialue"
    assert pk.official_name_sv == "Norra Karelens välfärdsområde"
    # 21 welfare regions plus the City of Helsinki
    assert sum(r.official_name_fi.endswith("hyvinvointialue") for r in regions) == 21


def test_region_name_follows_active_language():
    from django.utils import translation

    lappi = Region.objects.get(code="lappi")
    with translation.override("sv"):
        assert lappi.name == "Lappland"
    with translation.override("fi"):
        assert lappi.name == "Lappi"


def test_keywords_are_case_insensitive(demo_site):
    index = NewsIndexPage.objects.get(slug="uutiset", depth=3)
    first = NewsArticlePageFactory(parent=index)
    first.keywords.add("Sote")
    publish(first)
    second = NewsArticlePageFactory(parent=index)
    second.keywords.add("sote")
    publish(second)
    assert Keyword.objects.filter(name__iexact="sote").count() == 1
    keyword = Keyword.objects.get(name__iexact="sote")
    assert set(NewsArticlePage.objects.filter(keywords=keyword)) >= {first, second}


def test_one_person_serves_several_regions():
    person = Person.objects.get(name="Johanna Saarivaara")
    assert {r.code for r in person.regions.all()} == {
        "kainuu",
        "keski-pohjanmaa",
        "lappi",
        "pohjois-pohjanmaa",
    }
    assert person.phone_uri == "tel:+358405803765"


def test_event_span_comes_from_its_sessions(demo_site):
    index = demo_site.get_children().get(slug="tapahtumat").specific
    event = EventPageFactory(parent=index)
    event.sessions = [
        session("Oulu", helsinki(2031, 4, 6, 12), helsinki(2031, 4, 6, 14, 30)),
        session("Kuopio", helsinki(2031, 3, 23, 12), helsinki(2031, 3, 23, 14, 30)),
    ]
    publish(event)
    event = EventPage.objects.get(pk=event.pk)
    assert event.starts_at == helsinki(2031, 3, 23, 12)
    assert event.ends_at == helsinki(2031, 4, 6, 14, 30)
    assert [s.title for s in event.ordered_sessions()] == ["Kuopio", "Oulu"]


def test_session_cannot_end_before_it_starts():
    s = session("Turku", helsinki(2031, 4, 28, 11), helsinki(2031, 4, 28, 9))
    with pytest.raises(ValidationError):
        s.clean()


def test_page_nesting_rules_guide_editors():
    assert NewsArticlePage.can_create_at(NewsIndexPage()) is True
    assert NewsArticlePage.can_create_at(HomePage()) is False
    assert EventPage.can_create_at(NewsIndexPage()) is False
    assert NewsIndexPage.can_create_at(RegionPage()) is True
    assert RegionPage.can_create_at(HomePage()) is False


def test_one_region_page_per_region_and_language(demo_site):
    existing = RegionPage.objects.get(slug="lappi")
    duplicate = RegionPage(title="Lappi 2", slug="lappi-2", region=existing.region)
    duplicate.locale = existing.locale
    with pytest.raises(ValidationError):
        duplicate.clean()
