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


def add_news(parent, title, body="", *, days_ago=0, live=True):
    """A news article under ``parent`` dated ``days_ago`` days back: published, or with
    ``live=False`` a saved draft (``publish`` it after setting more fields)."""
    page = NewsArticlePage(
        title=title,
        date=timezone.localdate() - datetime.timedelta(days=days_ago),
        body=[{"type": "paragraph", "value": f"<p>{body}</p>"}] if body else [],
    )
    parent.add_child(instance=page)
    if live:
        publish(page)
    else:
        page.save_revision()
    return page
