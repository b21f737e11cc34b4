"""The typed API's filters return exactly the right pages on a large varied fixture.

Expected sets are computed in Python from ``tests/bulk.py``'s records (plain
ORM reads), independently of the filter code, and compared with every page
of the API's answer.
"""

import datetime

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db


def fetch_all(client, path, **params):
    """Every item of a listing, following limit/offset."""
    items, offset = [], 0
    while True:
        response = client.get(path, {**params, "limit": 100, "offset": offset})
        assert response.status_code == 200, response.content
        data = response.json()
        items += data["items"]
        offset += 100
        if offset >= data["count"]:
            assert len(items) == data["count"]
            return items


def ids(items):
    return [item["id"] for item in items]


def test_fixture_is_large_and_varied(bulk):
    assert len(bulk.news) >= 50 and len(bulk.events) >= 20
    assert {r.locale for r in bulk.news} == {"fi", "sv", "en"}
    assert len({c for r in bulk.news for c in r.regions}) >= 6
    assert len({k for r in bulk.news for k in r.keywords}) >= 5


def test_news_listing_is_every_visible_article_newest_first(client, bulk):
    items = fetch_all(client, "/api/v3/news/")
    assert set(ids(items)) == {r.pk for r in bulk.news}
    dates = [item["date"] for item in items]
    assert dates == sorted(dates, reverse=True)
    hidden = {page.pk for page in bulk.hidden.values()}
    assert not hidden & set(ids(items))


@pytest.mark.parametrize("locale", ["fi", "sv", "en"])
def test_news_by_locale(client, bulk, locale):
    items = fetch_all(client, "/api/v3/news/", locale=locale)
    assert set(ids(items)) == {r.pk for r in bulk.news if r.locale == locale}
    assert {item["meta"]["locale"] for item in items} == {locale}


def test_news_by_one_keyword_is_case_insensitive(client, bulk):
    expected = {r.pk for r in bulk.news if "hyte" in r.keywords}
    assert set(ids(fetch_all(client, "/api/v3/news/", keyword="hyte"))) == expected
    assert set(ids(fetch_all(client, "/api/v3/news/", keyword="HYTE"))) == expected


def test_news_by_several_keywords_or_and_and(client, bulk):
    wanted = {"sote", "osallisuus"}
    any_of = {r.pk for r in bulk.news if r.keywords & wanted}
    all_of = {r.pk for r in bulk.news if wanted <= r.keywords}
    assert all_of and any_of != all_of
    response = fetch_all(client, "/api/v3/news/", keyword=["sote", "osallisuus"])
    assert set(ids(response)) == any_of
    response = fetch_all(client, "/api/v3/news/", keyword="sote,osallisuus", keyword_operator="and")
    assert set(ids(response)) == all_of


def test_news_by_regions_includes_regional_listings(client, bulk):
    wanted = {"kainuu", "lappi"}
    expected = {r.pk for r in bulk.news if bulk.regions_of(r) & wanted}
    # articles published under Kainuu's own page count as Kainuu's
    assert any(r.title.startswith("Kainuun oma") for r in bulk.news if r.pk in expected)
    response = fetch_all(client, "/api/v3/news/", region=["kainuu", "lappi"])
    assert set(ids(response)) == expected


def test_news_by_publication_date_range(client, bulk):
    after, before = datetime.date(2024, 6, 1), datetime.date(2025, 3, 31)
    expected = {r.pk for r in bulk.news if after <= r.date <= before}
    response = fetch_all(
        client,
        "/api/v3/news/",
        published_after=after.isoformat(),
        published_before=before.isoformat(),
    )
    assert set(ids(response)) == expected
    only_after = fetch_all(client, "/api/v3/news/", published_after=after.isoformat())
    assert set(ids(only_after)) == {r.pk for r in bulk.news if r.date >= after}


def test_news_filters_combine(client, bulk):
    expected = {
        r.pk
        for r in bulk.news
        if r.locale == "sv" and "pirkanmaa" in bulk.regions_of(r) and "avustukset" in r.keywords
    }
    assert expected
    response = fetch_all(
        client, "/api/v3/news/", locale="sv", region="pirkanmaa", keyword="Avustukset"
    )
    assert set(ids(response)) == expected


def test_pagination_walks_the_list_without_gaps(client, bulk):
    first = client.get("/api/v3/news/", {"limit": 7}).json()
    second = client.get("/api/v3/news/", {"limit": 7, "offset": 7}).json()
    everything = ids(fetch_all(client, "/api/v3/news/"))
    assert ids(first["items"]) + ids(second["items"]) == everything[:14]
    assert first["count"] == len(bulk.news)


def test_events_by_region_keyword_and_format(client, bulk):
    expected = {
        r.pk
        for r in bulk.events
        if "lappi" in bulk.regions_of(r) or "helsinki" in bulk.regions_of(r)
    }
    response = fetch_all(client, "/api/v3/events/", region="lappi,helsinki")
    assert set(ids(response)) == expected
    expected = {
        r.pk for r in bulk.events if r.format in {"online", "hybrid"} and "hyte" in r.keywords
    }
    response = fetch_all(client, "/api/v3/events/", format=["online", "hybrid"], keyword="hyte")
    assert set(ids(response)) == expected


def test_events_by_time_range(client, bulk):
    today = timezone.localdate()
    starts_after = today - datetime.timedelta(days=30)
    ends_before = today + datetime.timedelta(days=40)
    start_limit = timezone.make_aware(datetime.datetime.combine(starts_after, datetime.time()))
    end_limit = timezone.make_aware(datetime.datetime.combine(ends_before, datetime.time()))
    expected = {r.pk for r in bulk.events if r.starts_at >= start_limit and r.ends_at <= end_limit}
    assert expected
    response = fetch_all(
        client,
        "/api/v3/events/",
        starts_after=starts_after.isoformat(),
        ends_before=ends_before.isoformat(),
    )
    assert set(ids(response)) == expected


def test_events_with_offset_datetime(client, bulk):
    limit = timezone.now() + datetime.timedelta(days=14)
    expected = {r.pk for r in bulk.events if r.starts_at >= limit}
    response = fetch_all(client, "/api/v3/events/", starts_after=limit.isoformat())
    assert set(ids(response)) == expected


def test_upcoming_events_ordered_by_next_session(client, bulk):
    now = timezone.now()
    upcoming = [r for r in bulk.events if r.ends_at >= now]

    def next_start(record):
        return min(start for start, end in record.sessions if end >= now)

    expected = [r.pk for r in sorted(upcoming, key=lambda r: (next_start(r), r.pk))]
    assert ids(fetch_all(client, "/api/v3/events/", upcoming="true")) == expected
    past = fetch_all(client, "/api/v3/events/", upcoming="false")
    assert set(ids(past)) == {r.pk for r in bulk.events if r.ends_at < now}


def test_event_sessions_are_nested_with_offsets(client, bulk):
    record = next(r for r in bulk.events if len(r.sessions) == 3)
    item = client.get(f"/api/v3/events/{record.pk}/").json()
    starts = [datetime.datetime.fromisoformat(s["start"]) for s in item["sessions"]]
    assert starts == [start for start, _end in record.sessions]
    assert all(s["start"][-6:] in {"+02:00", "+03:00"} for s in item["sessions"])


def test_translations_listed_with_urls(client, bulk):
    by_key = {}
    for r in bulk.news:
        by_key.setdefault(r.translation_key, []).append(r)
    fi, sv = next(
        (pages[0], pages[1])
        for pages in by_key.values()
        if sorted(p.locale for p in pages) == ["fi", "sv"] and pages[0].locale == "fi"
    )
    item = client.get(f"/api/v3/news/{fi.pk}/").json()
    assert [(t["locale"], t["id"]) for t in item["translations"]] == [("sv", sv.pk)]
    assert item["translations"][0]["url"].startswith("http://testserver/")
    assert client.get(item["translations"][0]["detail_url"]).json()["id"] == sv.pk


@pytest.mark.parametrize(
    ("path", "params", "small"),
    [
        ("/api/v3/news/", {}, 20),
        ("/api/v3/news/", {"keyword": "sote,hyte", "region": "kainuu,lappi,pirkanmaa"}, 20),
        ("/api/v3/events/", {}, 5),
        ("/api/v3/events/", {"upcoming": "true", "locale": "fi"}, 5),
        ("/api/v3/regions/", {}, 5),
    ],
)
def test_query_count_does_not_grow_with_page_size(client, bulk, path, params, small):
    """A small page and 100 items (or as many as match) cost the same SQL queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts, sizes = [], []
    # A service that has answered once holds Wagtail's site root paths in its cache.
    assert client.get(path, {**params, "limit": 1}).status_code == 200
    for limit in (small, 100):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, {**params, "limit": limit})
        assert response.status_code == 200
        sizes.append(len(response.json()["items"]))
        counts.append(len(queries))
    assert sizes[1] > sizes[0]
    assert counts[0] == counts[1], counts


def test_news_list_of_100_items(client, bulk):
    assert len(client.get("/api/v3/news/", {"limit": 100}).json()["items"]) == 100


def test_past_events_page_by_cursor_and_offset_like_a_plain_offset(client, bulk):
    """Past events (latest first) page like news: every offset gives the items of a
    plain OFFSET, and the `next` links carry a cursor and walk the same list once."""
    from kumppanuus.visibility import visible
    from news.models import EventPage

    past = visible(EventPage.objects.filter(ends_at__lt=timezone.now()))
    expected = list(past.order_by("-starts_at", "-pk").values_list("pk", flat=True))
    assert len(expected) > 6
    hidden = {page.pk for page in bulk.hidden.values()}
    assert not hidden & set(expected)
    for offset in range(len(expected) + 2):
        body = client.get("/api/v3/events/", {"upcoming": "false", "limit": 3, "offset": offset})
        assert ids(body.json()["items"]) == expected[offset : offset + 3], offset
    seen, url = [], "/api/v3/events/?upcoming=false&limit=4"
    while url:
        body = client.get(url).json()
        seen += ids(body["items"])
        url = body["next"]
        assert url is None or ("cursor=" in url and "offset=" not in url)
    assert seen == expected


@pytest.mark.parametrize(
    "path", ["/api/v3/news/?keyword=ei-tallaista", "/api/v3/sessions/?keyword=ei-tallaista"]
)
def test_a_list_that_can_match_nothing_counts_zero(client, path):
    """An unknown keyword makes the list empty before any query (``.none()``): its
    count is 0, not a server error."""
    response = client.get(path)
    assert response.status_code == 200
    assert response.json()["count"] == 0 and response.json()["items"] == []
