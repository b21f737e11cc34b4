"""Factories for pages and snippets, built on wagtail-factories."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from news.models import EventPage, EventSession, NewsArticlePage, NewsIndexPage
from regions.models import Person


class PersonFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Testi Henkilö {n}")
    job_title = "järjestöasiantuntija"
    organisation = "Testijärjestö ry"

    class Meta:
        model = Person


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Uutiset {n}")

    class Meta:
        model = NewsIndexPage


class NewsArticlePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Testiuutinen {n}")
    lead = "Ingressi."
    date = factory.LazyFunction(timezone.localdate)

    class Meta:
        model = NewsArticlePage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Testitapahtuma {n}")
    format = "online"

    class Meta:
        model = EventPage


def helsinki(year, month, day, hour=0, minute=0):
    return timezone.make_aware(datetime.datetime(year, month, day, hour, minute))


def session(title, start, end, **kwargs):
    return EventSession(title=title, start=start, end=end, **kwargs)


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page
