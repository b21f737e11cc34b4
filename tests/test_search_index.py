"""The index follows publishing: what is live and public is findable at once in
its own locale; drafts, scheduled, expired, unpublished, deleted and restricted
pages never appear; an indexing failure never blocks a publish and is retried."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from news.models import NewsArticlePage, NewsIndexPage
from search import index as search_index
from search.models import PendingIndexUpdate, SearchEntry
from search.query import search_pages
from tests.factories import publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_index(demo_site):
    return NewsIndexPage.objects.get(locale__language_code="fi", depth=3, slug="uutiset")


def add_article(parent, title, body_text="", *, lead="", date=None, live=True, **fields):
    page = NewsArticlePage(
        title=title,
        lead=lead,
        date=date or timezone.localdate(),
        body=[{"type": "paragraph", "value": f"<p>{body_text}</p>"}] if body_text else [],
        **fields,
    )
    parent.add_child(instance=page)
    if live:
        publish(page)
    else:
        page.live = False
        page.save_revision()
        Page.objects.filter(pk=page.pk).update(live=False)
    return page


def found(query, language="fi"):
    return [page.pk for page in search_pages(query, language=language)]


def test_demo_content_is_findable_by_inflected_compound(demo_site):
    titles = [page.title for page in search_pages("sote-keskus", language="fi")]
    assert "Järjestöt ja tulevaisuuden sote-keskus" in titles
    assert "Tulevaisuuden sote-keskus tarvitsee järjestöjä kumppanikseen" in titles


def test_published_page_is_findable_at_once_by_its_compound_parts(news_index):
    page = add_article(news_index, "Uusi rahoituskierros", "Järjestöavustukset haettavana.")
    assert page.pk in found("avustus")
    assert page.pk in found("järjestöavustus")
    assert page.pk in found("rahoituskierroksella")


def test_drafts_are_never_found(news_index):
    page = add_article(news_index, "Salainen luonnosuutinen", "Kvanttikumppanuus", live=False)
    assert not page.live
    assert page.pk not in found("kvanttikumppanuus")
    assert not SearchEntry.objects.filter(page_id=page.pk).exists()


def test_unpublished_and_deleted_pages_disappear(news_index):
    first = add_article(news_index, "Ensimmäinen kvanttihanke", "kvanttihanke alkaa")
    second = add_article(news_index, "Toinen kvanttihanke", "kvanttihanke jatkuu")
    assert {first.pk, second.pk} <= set(found("kvanttihanke"))
    first.unpublish()
    assert first.pk not in found("kvanttihanke")
    assert not SearchEntry.objects.filter(page_id=first.pk).exists()
    second_pk = second.pk
    second.delete()
    assert second_pk not in found("kvanttihanke")
    assert not SearchEntry.objects.filter(page_id=second_pk).exists()


def test_view_restricted_pages_are_never_found(news_index):
    page = add_article(news_index, "Jäsenille kvanttitiedote", "kvanttitiedote")
    assert page.pk in found("kvanttitiedote")
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="salasana"
    )
    assert page.pk not in found("kvanttitiedote")


def test_scheduled_page_appears_when_published_and_expired_one_disappears(news_index):
    page = add_article(news_index, "Ajastettu kvanttiseminaari", live=False)
    page.go_live_at = timezone.now() + datetime.timedelta(days=1)
    revision = page.save_revision()
    revision.publish()
    assert not Page.objects.get(pk=page.pk).live
    assert page.pk not in found("kvanttiseminaari")
    # Time passes: the scheduled moment is now in the past.
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.refresh_from_db()
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()
    call_command("publish_scheduled")
    assert page.pk in found("kvanttiseminaari")

    NewsArticlePage.objects.filter(pk=page.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert page.pk not in found("kvanttiseminaari")  # hidden even before the command runs
    call_command("publish_scheduled")
    assert not Page.objects.get(pk=page.pk).live
    assert not SearchEntry.objects.filter(page_id=page.pk).exists()


def test_indexing_failure_never_blocks_publish_and_is_retried(news_index, monkeypatch):
    def broken(page):
        raise RuntimeError("index down")

    monkeypatch.setattr(search_index, "index_page", broken)
    page = add_article(news_index, "Kvanttiviesti epäonnistuneesta indeksoinnista")
    assert Page.objects.get(pk=page.pk).live
    pending = PendingIndexUpdate.objects.get(page_id=page.pk)
    assert "index down" in pending.error
    assert page.pk not in found("kvanttiviesti")
    monkeypatch.undo()
    call_command("rebuild_search_index", "--pending")
    assert page.pk in found("kvanttiviesti")
    assert not PendingIndexUpdate.objects.exists()


def test_next_publish_retries_queued_failures(news_index, monkeypatch):
    calls = []
    original = search_index.index_page

    def fail_once(page):
        calls.append(page.pk)
        if len(calls) == 1:
            raise RuntimeError("temporary")
        return original(page)

    monkeypatch.setattr(search_index, "index_page", fail_once)
    failed = add_article(news_index, "Kvanttiuutinen joka jäi jonoon")
    assert failed.pk not in found("kvanttiuutinen")
    add_article(news_index, "Seuraava julkaisu")
    assert failed.pk in found("kvanttiuutinen")


def test_renamed_keyword_is_findable_under_its_new_name(news_index):
    page = add_article(news_index, "Tavallinen otsikko", "Tavallinen teksti.")
    page.keywords.add("zorblakointi")
    publish(page)
    assert page.pk in found("zorblakointi")
    keyword = page.keywords.get()
    keyword.name = "qwertyilu"
    keyword.save()
    assert page.pk in found("qwertyilu")
    assert page.pk not in found("zorblakointi")


def test_title_and_keywords_weigh_more_than_body(news_index):
    body = add_article(news_index, "Yleiskatsaus", "Myös kvanttikumppanuus mainitaan.")
    title = add_article(news_index, "Kvanttikumppanuus alkaa", "Tervetuloa mukaan.")
    keyword = add_article(news_index, "Toinen katsaus", "Tervetuloa mukaan.")
    keyword.keywords.add("kvanttikumppanuus")
    publish(keyword)
    ranked = found("kvanttikumppanuus")
    assert ranked.index(title.pk) < ranked.index(body.pk)
    assert ranked.index(keyword.pk) < ranked.index(body.pk)


def test_recent_article_wins_a_tie(news_index):
    old = add_article(
        news_index, "Kvanttikahvila", "Kvanttikahvila jatkuu.", date=datetime.date(2020, 1, 1)
    )
    new = add_article(
        news_index, "Kvanttikahvila", "Kvanttikahvila jatkuu.", date=datetime.date(2024, 1, 1)
    )
    ranked = found("kvanttikahvila")
    assert ranked.index(new.pk) < ranked.index(old.pk)


def test_each_locale_searches_only_itself_with_its_own_analysis(demo_site):
    swedish = NewsArticlePage.objects.live().filter(locale__language_code="sv").first()
    assert swedish is not None, "the demo has Swedish articles"
    entry = SearchEntry.objects.get(page_id=swedish.pk)
    assert entry.language == "sv"
    assert entry.analyzer.startswith("simplemma")
    word = max(swedish.title.split(), key=len)
    assert swedish.pk in found(word, language="sv")
    assert swedish.pk not in found(word, language="fi")
    assert all(p.locale.language_code == "fi" for p in search_pages("sote", language="fi"))


def test_rebuild_command_indexes_everything_live(demo_site):
    SearchEntry.objects.all().delete()
    assert found("sote-keskus") == []
    call_command("rebuild_search_index")
    assert found("sote-keskus")
    assert SearchEntry.objects.count() == Page.objects.live().filter(depth__gt=1).count()


def test_swedish_page_is_found_by_a_swedish_inflection_in_swedish_only(demo_site):
    swedish_index = NewsIndexPage.objects.filter(locale__language_code="sv").first()
    assert swedish_index is not None, "the demo has Swedish news listings"
    page = add_article(swedish_index, "Zorblakföreningarna samarbetar", "Kommunerna deltar.")
    assert SearchEntry.objects.get(page_id=page.pk).language == "sv"
    assert page.pk in found("zorblakföreningarna", language="sv")
    assert page.pk in found("kommun", language="sv")
    assert page.pk not in found("kommun", language="fi")
    assert page.pk not in found("zorblakföreningarna", language="en")
