"""A full rebuild is the same index as publishing page by page, costs a number of
queries that does not grow with the pages, and publishing writes only our index
(Wagtail's own index is not updated on a page save)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from modelsearch import index as modelsearch_index
from wagtail.models import Page

from bench.corpus import Corpus
from news.models import NewsArticlePage, NewsIndexPage
from search import index as search_index
from search.models import SearchEntry
from search.query import search_pages
from tests.factories import publish

pytestmark = pytest.mark.django_db

QUERIES = ["sote-keskus", "järjestöjen yhteistyö", "hyvinvointialueella", "avustus"]
ENTRY_FIELDS = ["page_id", "language", "title", "title_key", "text", "date", "length", "vector"]


def entries(ids):
    return {
        row["page_id"]: row
        for row in SearchEntry.objects.filter(page_id__in=ids).values(*ENTRY_FIELDS)
    }


def results(language="fi"):
    return {q: [page.pk for page in search_pages(q, language=language)] for q in QUERIES}


def bench_articles():
    return Page.objects.filter(slug__startswith="bench-")


def test_rebuild_gives_the_same_index_as_indexing_page_by_page(demo_site):
    Corpus().grow(60)  # articles in three languages with keywords and regions
    ids = list(Page.objects.live().filter(depth__gt=1).values_list("pk", flat=True))
    for page in Page.objects.filter(pk__in=ids).specific():
        search_index.index_page(page)
    one_by_one, found = entries(ids), results()
    assert len(one_by_one) == len(ids) and any(found.values())

    SearchEntry.objects.all().delete()
    assert search_index.rebuild() == len(ids)
    assert entries(ids) == one_by_one
    assert results() == found


def rebuild_queries(count):
    Corpus().grow(count)
    with CaptureQueriesContext(connection) as captured:
        search_index.rebuild(bench_articles())
    assert SearchEntry.objects.filter(page__slug__startswith="bench-").count() == count
    return len(captured)


def test_rebuild_query_count_does_not_grow_with_the_pages(demo_site):
    small = rebuild_queries(50)
    large = rebuild_queries(150)
    assert large <= small + 2, (small, large)


def test_publishing_a_page_updates_only_our_index(demo_site, monkeypatch):
    calls = []
    original = modelsearch_index.insert_or_update_object

    def record(instance):
        calls.append(instance)
        return original(instance)

    monkeypatch.setattr(modelsearch_index, "insert_or_update_object", record)
    news_index = NewsIndexPage.objects.get(locale__language_code="fi", depth=3, slug="uutiset")
    page = NewsArticlePage(title="Kvanttikumppanuuden aamukahvit", lead="Järjestöt tapaavat.")
    news_index.add_child(instance=page)
    with CaptureQueriesContext(connection) as captured:
        publish(page)
    assert not [c for c in calls if isinstance(c, Page)]  # Wagtail's index task never ran
    assert not [q for q in captured if "wagtailsearch_indexentry" in q["sql"]]
    assert [q for q in captured if "search_searchentry" in q["sql"]]
    assert page.pk in [p.pk for p in search_pages("kvanttikumppanuus", language="fi")]
