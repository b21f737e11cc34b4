"""Suggestions ("did you mean") and keyword pages show only what visitors see (issue 10, hole 1).

A typo one letter off a hidden page's title word, or off a keyword used only
by hidden pages, must not be corrected into that word; the keyword's own page
must not answer. A visible page's words are suggested, so each check can fail.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, Workflow

from editorial.setup import WORKFLOW_NAME
from news.models import NewsArticlePage, NewsIndexPage
from tests.factories import publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_index(demo_site):
    return NewsIndexPage.objects.get(locale__language_code="fi", depth=3, slug="uutiset")


def article(parent, title, keyword):
    page = NewsArticlePage(title=title, slug=title.lower().replace(" ", "-"), lead="Ingressi.")
    page.keywords.add(keyword)
    parent.add_child(instance=page)
    return publish(page)


def suggestions(client, query, language="fi"):
    response = client.get(f"/{language}/{'haku' if language == 'fi' else 'sok'}/", {"q": query})
    assert response.status_code == 200
    return response.context["suggestions"]


def hide(page, state):
    """Put a published page into one of the states the public must never see."""
    if state == "login":
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    elif state == "unpublished":
        page.unpublish()
    elif state == "expired":  # expiry passed, publish_scheduled not yet run
        Page.objects.filter(pk=page.pk).update(expire_at=timezone.now() - datetime.timedelta(1))
    else:  # as if never published, then a draft, scheduled, or submitted for approval
        Page.objects.filter(pk=page.pk).update(live=False, first_published_at=None)
        page = Page.objects.get(pk=page.pk).specific
        if state == "scheduled":
            page.go_live_at = timezone.now() + datetime.timedelta(days=3)
            page.save_revision().publish()
        elif state == "moderation":
            page.save_revision()
            admin = get_user_model().objects.get(username="admin")
            Workflow.objects.get(name=WORKFLOW_NAME).start(page, admin)
    assert not NewsArticlePage.objects.live().public().filter(pk=page.pk, expire_at=None)


STATES = ["login", "unpublished", "draft", "scheduled", "moderation", "expired"]


@pytest.mark.parametrize("state", STATES)
def test_hidden_title_words_and_keywords_are_never_suggested(client, news_index, state):
    visible = article(news_index, "Plorvantiikki julkinen", "kvortsuliini")
    hidden = article(news_index, "Zimbrakoodi salainen", "mustrakuuna")
    hide(hidden, state)

    assert "plorvantiikki" in suggestions(client, "plorvantiiki")
    assert "kvortsuliini" in suggestions(client, "kvortsulini")
    assert client.get(f"/fi/asiasanat/{visible.keywords.get().slug}/").status_code == 200

    assert not any("zimbrakoodi" in s for s in suggestions(client, "zimbrakodi"))
    assert not any("mustrakuuna" in s for s in suggestions(client, "mustrakuna"))
    assert client.get("/fi/asiasanat/mustrakuuna/").status_code == 404
    assert client.get("/feeds/fi/keywords/mustrakuuna/news.rss").status_code == 404


def test_words_of_another_language_are_not_suggested(client, news_index):
    article(news_index, "Plorvantiikki julkinen", "kvortsuliini")
    assert "plorvantiikki" in suggestions(client, "plorvantiiki")
    assert not any("plorvantiikki" in s for s in suggestions(client, "plorvantiiki", "sv"))
    assert not any("kvortsuliini" in s for s in suggestions(client, "kvortsulini", "sv"))
    assert client.get("/sv/amnesord/kvortsuliini/").status_code == 404
