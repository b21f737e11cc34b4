"""A search narrowed by a keyword or a region reads that filter's pages first.

The search page's keyword and region filters keep a share of the archive the planner
cannot know, so the tiered pool read newest first through the whole archive for the
few rows a filter keeps. With ``within`` (the filter's pages, read from the keyword
and region tables: ``SearchFilterForm.filtered_ids``) the tiers read those pages'
entries first. The same visible pages in the same order and with the same scores as
without it; drafts, restricted and expired pages carrying the keyword never appear."""

import datetime

import pytest
from django.db import connection
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from news.models import NewsIndexPage
from regions.models import Region
from search import engine
from search.analysis import analyzer_for
from search.filters import SearchFilterForm
from search.query import search_pages, visible_pages
from tests.factories import add_news, publish

pytestmark = pytest.mark.django_db
postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL")

KEYWORD = "kvanttiasia"


@pytest.fixture
def news_index(demo_site):
    return NewsIndexPage.objects.get(locale__language_code="fi", depth=3, slug="uutiset")


def add(parent, title, body="", *, days_ago=0, keyword=True, region=None, live=True):
    page = add_news(parent, title, body, days_ago=days_ago, live=False)
    if keyword:
        page.keywords.add(KEYWORD)
    if region is not None:
        page.regions.add(region)
    publish(page)
    if not live:
        page.unpublish()  # tagged in the tables, no longer live
    return page


@pytest.fixture
def corpus(news_index):
    """Tagged pages with all, some or none of the words of "majava lumiaura" (old and
    recent, visible and hidden) and more untagged pages matching them."""
    region = Region.objects.get(code="pohjois-karjala")
    pages = {
        "both old": add(news_index, "Majava ja lumiaura", days_ago=900, region=region),
        "both body": add(news_index, "Talven kokous", "Majava osti lumiauran.", days_ago=30),
        "one title": add(news_index, "Majava kokoontuu", days_ago=5, region=region),
        "one body": add(news_index, "Kuulumisia", "Majavan kokous oli pitkä.", days_ago=60),
        "none": add(news_index, "Kesäjuhlat", "Ei mitään tekemistä hakusanojen kanssa."),
    }
    for n in range(6):  # newer untagged matches, which the filter drops
        add(news_index, f"Majava ja lumiaura {n}", "Majava ja lumiaura.", keyword=False)
    draft = add(news_index, "Poistettu: majava ja lumiaura", live=False, region=region)
    restricted = add(news_index, "Suljettu: majava ja lumiaura", region=region)
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    expired = add(news_index, "Vanhentunut: majava ja lumiaura", days_ago=1, region=region)
    Page.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - datetime.timedelta(days=1))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE search_searchentry")
    return pages, {draft.pk, restricted.pk, expired.pk}, region


def form_for(**data):
    form = SearchFilterForm(data)
    form.is_valid()
    return form


def ranked(text, form, within):
    results = search_pages(text, language="fi", queryset=form.filtered_pages(), within=within)
    return len(results), [(page.pk, page.search_score) for page in results[:20]]


def test_filtered_ids_are_the_filters_pages(corpus):
    pages, hidden, region = corpus
    tagged = {page.pk for page in pages.values()} | hidden
    assert set(form_for(keyword="Kvanttiasia").filtered_ids(100)) == tagged
    in_region = {pages["both old"].pk, pages["one title"].pk} | hidden
    form = form_for(region=region.code)
    ids = set(form.filtered_ids(100))
    assert in_region <= ids  # the demo site has more pages of the region
    assert set(form.filtered_pages().values_list("pk", flat=True)) <= ids
    # Both: the pages of both.
    assert set(form_for(keyword=KEYWORD, region=region.code).filtered_ids(100)) == in_region
    assert form_for(keyword="ei-ole-olemassa").filtered_ids(100) == []
    # No keyword or region filter, or more pages than the cap: nothing to read first.
    assert form_for(type="news").filtered_ids(100) is None
    assert form_for().filtered_ids(100) is None
    assert form_for(keyword=KEYWORD).filtered_ids(len(tagged) - 1) is None


@pytest.mark.parametrize(
    "text", ["majava lumiaura", "majava", "lumiaura", "kokous", "kesäjuhlat", "zzzyx"]
)
@pytest.mark.parametrize("filters", [{"keyword": KEYWORD}, {"region": "pohjois-karjala"}])
def test_reading_the_filters_pages_first_gives_the_same_results(corpus, text, filters):
    pages, hidden, _region = corpus
    form = form_for(**filters)
    within = form.filtered_ids(engine.PostgresEngine.within_max)
    assert within
    first = ranked(text, form, within)
    assert first == ranked(text, form, None)
    assert not {pk for pk, _score in first[1]} & hidden  # never a hidden page


@postgres_only
def test_a_filtered_tier_keeps_the_newest_visible_pages(corpus, monkeypatch):
    """A pool of one per tier: the tiers skip the hidden newer title matches and take
    the visible ones in date order, read from the filter's pages."""
    pages, hidden, _region = corpus
    monkeypatch.setattr(engine, "TIER_POOL", 1)
    form = form_for(keyword=KEYWORD)
    within = form.filtered_ids(100)
    words = engine.query_words(analyzer_for("fi").analyze_query("majava lumiaura"))
    candidates = visible_pages(form.filtered_pages(), "fi")
    for pool_of in (within, None):
        top = engine.PostgresEngine().rank(words, "fi", candidates, 0, 1, within=pool_of)
        assert [pk for pk, _score in top] == [pages["both old"].pk]


@postgres_only
def test_a_filtered_search_reads_the_filters_pages_first(corpus):
    """The plan: every tier reads the filter's pages (``fe``, in date order), none the
    archive newest first; without the filter's pages the tiers read the archive."""
    _pages, _hidden, _region = corpus
    form = form_for(keyword=KEYWORD)
    within = form.filtered_ids(100)
    words = engine.query_words(analyzer_for("fi").analyze_query("majava lumiaura"))
    candidates = visible_pages(form.filtered_pages(), "fi")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a tiny table: no sequential scan
        plan = engine.PostgresEngine().explain(words, "fi", candidates, within=within)
        archive = engine.PostgresEngine().explain(words, "fi", candidates)
    assert "CTE fe" in plan, plan
    assert "search_searchentry_page_id_key" in plan, plan  # the filter's pages by key
    for tier in ("hf", "hb", "pf", "pa"):
        assert f"CTE {tier}" in plan
    assert plan.count("CTE Scan on fe") >= 4, plan
    # The head tiers only from ``fe``; the body tiers from ``fe`` or, when their
    # words are rare, from the GIN index: one branch runs (a one-time filter each).
    head = plan[plan.index("CTE fe") : plan.index("CTE pf")]  # fe, hf, hb
    assert engine.HEAD_INDEX not in head and engine.LEAD_INDEX not in head, plan
    assert "search_entry_language_recent" not in head, plan
    assert plan[plan.index("CTE pf") :].count("One-Time Filter") >= 4, plan
    assert "CTE fe" not in archive, archive


@postgres_only
@pytest.mark.parametrize("text", ["majava lumiaura", "majava", "kokous", "zzzyx"])
def test_both_reads_of_a_body_tier_give_the_same_results(corpus, monkeypatch, text):
    """Whichever read of a body tier the statement chooses (the filter's pages newest
    first, or the GIN index's matches among them), the same pages and scores."""
    form = form_for(keyword=KEYWORD)
    within = form.filtered_ids(100)
    results = []
    for rare in ("false", "true"):
        monkeypatch.setattr(
            engine.PostgresEngine, "_rare_gate", staticmethod(lambda *args, r=rare: f"{r}")
        )
        results.append(ranked(text, form, within))
    assert results[0] == results[1] == ranked(text, form, None)


def record_within(monkeypatch):
    """The ``within`` ids each ranking of the search engine is given, in order."""
    seen = []
    original = engine.engine

    def spy():
        found = original()
        rank = found.rank

        def recording(*args, **kwargs):
            seen.append(kwargs.get("within"))
            return rank(*args, **kwargs)

        found.rank = recording
        return found

    monkeypatch.setattr(engine, "engine", spy)
    return seen


def test_search_page_with_a_keyword_reads_its_pages_first(client, corpus, monkeypatch):
    pages, hidden, region = corpus
    seen = record_within(monkeypatch)
    for filters in ({"keyword": "Kvanttiasia"}, {"region": region.code}):
        response = client.get("/fi/haku/", {"q": "majava lumiaura", **filters})
        assert response.status_code == 200
        shown = [item["page"].pk for item in response.context["results"]]
        assert shown[0] == pages["both old"].pk
        assert not set(shown) & hidden
    if connection.vendor == "postgresql":
        assert seen and all(within for within in seen)
    response = client.get("/fi/haku/", {"q": "majava lumiaura", "keyword": "ei-ole"})
    assert response.status_code == 200
    assert not response.context["results"]


def test_api_search_with_keyword_or_region_reads_their_pages_first(client, corpus, monkeypatch):
    """The typed API's ``search`` with ``keyword`` or ``region`` reads the filter's
    pages first too: the same items in the same order as without, nothing hidden."""
    from api.caching import reset
    from api.filters import CommonFilters

    pages, hidden, region = corpus
    seen = record_within(monkeypatch)

    def items(params):
        response = client.get("/api/v3/news/", {"search": "majava lumiaura", **params})
        assert response.status_code == 200, response.content
        return [item["id"] for item in response.json()["items"]], response.json()["count"]

    cases = [
        {"keyword": KEYWORD},
        {"region": region.code},
        {"keyword": f"{KEYWORD},ei-ole", "keyword_operator": "and"},
        {"keyword": KEYWORD, "region": region.code},
    ]
    first = [items(params) for params in cases]
    given = list(seen)
    reset()  # a new cache generation: the second round is searched again
    monkeypatch.setattr(CommonFilters, "within_ids", lambda self: None)
    assert first == [items(params) for params in cases]
    assert len(seen) > len(given)
    assert first[0][0][0] == pages["both old"].pk
    assert first[2] == ([], 0)  # no page carries both keywords
    assert all(not set(found) & hidden for found, _count in first)
    if connection.vendor == "postgresql":
        # each search of the first round was given its filter's pages (the unknown
        # keyword's none at all: nothing to rank)
        assert len(given) == 3 and all(given)
