"""WordPress habits in the admin (issue 11): "Ajasta julkaisu" in the footer menu,
the article's date following its go-live time, dates as columns in the news
and event listings, and the calendar of scheduled pages and event sessions.
Through the admin's own views as the demo role users."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from kumppanuus.formatting import format_date
from news.models import EventPage, NewsArticlePage, NewsIndexPage

pytestmark = pytest.mark.django_db

HOST = {"HTTP_HOST": "127.0.0.1"}


def _user(username):
    return get_user_model().objects.get(username=username)


def _as(client, username):
    client.force_login(_user(username))
    return client


def _article():
    return NewsArticlePage.objects.filter(locale__language_code="fi").order_by("pk").first()


def _draft(title, go_live_at):
    listing = NewsIndexPage.objects.get(slug="uutiset", depth=3, locale__language_code="fi")
    article = NewsArticlePage(title=title, slug=title.lower().replace(" ", "-"), live=False)
    article.go_live_at = go_live_at
    listing.add_child(instance=article)
    article.save_revision(user=_user("toimittaja"))
    return article


def test_schedule_is_in_the_footer_menu(client, demo_site):
    html = _as(client, "toimittaja").get(
        reverse("wagtailadmin_pages:edit", args=[_article().pk]), **HOST
    )
    text = html.content.decode()
    assert 'name="action-schedule"' in text and "Ajasta julkaisu" in text
    # It opens Wagtail's own schedule dialog, which is on the page.
    assert 'data-a11y-dialog-show="schedule-publishing-dialog"' in text
    assert 'id="schedule-publishing-dialog"' in text
    # An article's dialog says that its publication date follows the schedule.
    assert "julkaisupäivä siirtyy julkaisuhetken päivään" in text


def test_a_scheduled_article_is_dated_the_day_it_goes_live(demo_site):
    go_live = timezone.now() + datetime.timedelta(days=9)
    article = _draft("Ajastettu uutinen", go_live)
    article.full_clean()
    assert article.date == timezone.localdate(go_live)
    # A backdated article without a schedule keeps its own date.
    old = _article()
    old.date = datetime.date(2019, 5, 1)
    old.go_live_at = None
    old.full_clean()
    assert old.date == datetime.date(2019, 5, 1)


def test_news_and_events_listings_show_dates(client, demo_site):
    _as(client, "toimittaja")
    news = client.get(reverse("uutiset:index"), **HOST).content.decode()
    article = _article()
    assert "Julkaisupäivä" in news and article.title in news
    assert format_date(article.date, "fi") in news
    events = client.get(reverse("tapahtumat:index"), **HOST).content.decode()
    event = EventPage.objects.filter(locale__language_code="fi").exclude(starts_at=None).first()
    assert "Tapahtuman päivä" in events and event.title in events
    assert format_date(event.ends_at, "fi") in events
    sorted_news = client.get(reverse("uutiset:index"), {"ordering": "-date"}, **HOST)
    assert sorted_news.status_code == 200


def test_calendar_shows_scheduled_pages_and_sessions_by_month(client, demo_site):
    event = (
        EventPage.objects.filter(locale__language_code="fi", live=True)
        .exclude(starts_at=None)
        .order_by("-starts_at")
        .first()
    )
    session = event.ordered_sessions()[0]
    month = timezone.localtime(session.start).strftime("%Y-%m")
    go_live = timezone.localtime(session.start).replace(hour=9, minute=15)
    _draft("Kalenterin ajastettu uutinen", go_live)

    _as(client, "toimittaja")
    response = client.get(reverse("editorial_calendar"), {"kuukausi": month}, **HOST)
    html = response.content.decode()
    assert response.status_code == 200
    assert event.title in html and session.title in html
    assert "Kalenterin ajastettu uutinen" in html and "Ajastus odottaa hyväksyntää" in html
    assert "9.15" in html  # Finnish time
    assert "ma" in html and "su" in html  # weekdays, Monday first
    first = datetime.date(*(int(part) for part in month.split("-")), 1)
    assert f'data-date="{first.isoformat()}"' in html

    # A malformed month shows this month, not an error.
    assert client.get(reverse("editorial_calendar"), {"kuukausi": "x"}, **HOST).status_code == 200
    # In the admin menu.
    assert (
        reverse("editorial_calendar")
        in client.get(reverse("wagtailadmin_home"), **HOST).content.decode()
    )


def _tour():
    return (
        EventPage.objects.filter(locale__language_code="fi", sessions__isnull=False)
        .distinct()
        .order_by("starts_at")
        .first()
    )


def test_session_rows_summarise_place_and_time_and_can_be_copied(client, demo_site):
    from kumppanuus.formatting import format_datetime_range

    event = _tour()
    html = (
        _as(client, "toimittaja")
        .get(reverse("wagtailadmin_pages:edit", args=[event.pk]), **HOST)
        .content.decode()
    )
    for session in event.sessions.all():
        summary = f"{session.title}, {format_datetime_range(session.start, session.end, 'fi')}"
        assert summary in html
    assert html.count("data-session-duplicate") == event.sessions.count() + 1  # + new-row template
    assert 'aria-label="Kopioi tilaisuus"' in html
    assert "news/admin/sessions.js" in html


def test_search_and_share_preview_counts_what_search_engines_show(client, demo_site):
    article = _article()
    article_html = (
        _as(client, "toimittaja")
        .get(reverse("wagtailadmin_pages:edit", args=[article.pk]), **HOST)
        .content.decode()
    )
    title = article.seo_title or article.title
    description = article.search_description or article.lead
    assert "Esikatselu: haku ja jakaminen" in article_html
    assert f"{len(title)}</span>/60 merkkiä" in article_html
    assert f"{len(description.strip())}</span>/160 merkkiä" in article_html
    if len(description.strip()) > 160:
        assert "liian pitkä: hakukone katkaisee kuvauksen" in article_html
    event_html = client.get(
        reverse("wagtailadmin_pages:edit", args=[_tour().pk]), **HOST
    ).content.decode()
    assert "Esikatselu: haku ja jakaminen" in event_html
    assert "kumppanuus/admin/search_social_preview.js" in event_html
