"""The approval workflow "Julkaisun hyväksyntä", driven through the admin views.

An editor's change goes live only after a publisher approves it; no path lets
the editor publish directly (admin buttons, a crafted POST, the v3 write API
with a bearer token). Scheduled publishing goes through ``publish_scheduled``.
"""

import datetime
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import APIToken, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from editorial.setup import WORKFLOW_NAME
from news.models import NewsArticlePage, NewsIndexPage

pytestmark = pytest.mark.django_db

HOST = {"HTTP_HOST": "127.0.0.1"}


def _user(username):
    return get_user_model().objects.get(username=username)


@pytest.fixture
def news_index():
    return NewsIndexPage.objects.get(slug="uutiset", depth=3, locale__language_code="fi")


def article_form(title, slug, action, **extra):
    data = {
        "title": title,
        "slug": slug,
        "date": "2026-03-10",
        "lead": "Järjestöt kokoontuvat Joensuussa.",
        "body": streamfield([("paragraph", rich_text("<p>Tervetuloa mukaan.</p>"))]),
        "keywords": "sote, järjestöt",
        "related_pages": inline_formset([]),
        "comments": inline_formset([]),
        **extra,
    }
    if action:
        data[action] = "1"
    return nested_form_data(data)


def submit_article(client, news_index, slug="uusi-uutinen"):
    """The editor writes an article and submits it for approval."""
    client.force_login(_user("toimittaja"))
    url = reverse("wagtailadmin_pages:add", args=("news", "newsarticlepage", news_index.pk))
    response = client.post(url, article_form("Uusi uutinen", slug, "action-submit"), **HOST)
    assert response.status_code == 302, response.content.decode()[:2000]
    return NewsArticlePage.objects.get(slug=slug)


def workflow_action(client, page, action, comment=""):
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
    return client.post(url, {"comment": comment}, **HOST)


def test_the_workflow_covers_the_whole_site():
    for page in Page.objects.filter(depth=3):
        workflow = page.get_workflow()
        assert workflow is not None and workflow.name == WORKFLOW_NAME


def test_submitted_article_is_not_live_until_a_publisher_approves(client, news_index):
    page = submit_article(client, news_index)
    assert page.live is False
    assert page.workflow_in_progress
    assert client.get(page.url, **HOST).status_code == 404

    client.force_login(_user("julkaisija"))
    response = workflow_action(client, page, "approve", "Hyvä juttu.")
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live is True
    client.logout()
    response = client.get(page.url, **HOST)
    assert response.status_code == 200
    assert "Uusi uutinen" in response.content.decode()


def test_editors_crafted_publish_post_does_not_publish(client, news_index):
    client.force_login(_user("toimittaja"))
    url = reverse("wagtailadmin_pages:add", args=("news", "newsarticlepage", news_index.pk))
    client.post(url, article_form("Luonnos", "luonnos", "action-publish"), **HOST)
    page = NewsArticlePage.objects.get(slug="luonnos")
    assert page.live is False

    # And on an existing live article: the title change stays a draft.
    live = NewsArticlePage.objects.get(
        slug="jarjestot-ja-tulevaisuuden-sote-keskus", locale__language_code="fi"
    )
    live_title = live.title
    edit_url = reverse("wagtailadmin_pages:edit", args=(live.pk,))
    client.post(
        edit_url,
        article_form("Muutettu otsikko", live.slug, "action-publish"),
        **HOST,
    )
    live.refresh_from_db()
    assert live.title == live_title
    client.logout()
    assert live_title in client.get(live.url, **HOST).content.decode()
    assert "Muutettu otsikko" not in client.get(live.url, **HOST).content.decode()


def test_rejected_change_shows_the_publishers_comment_to_the_editor(client, news_index):
    page = submit_article(client, news_index, slug="hylattava")
    client.force_login(_user("julkaisija"))
    workflow_action(client, page, "reject", "Lisää lähde ja tarkista päivämäärä.")
    page.refresh_from_db()
    assert page.live is False

    client.force_login(_user("toimittaja"))
    history = client.get(
        reverse("wagtailadmin_pages:workflow_history", args=(page.pk,)), **HOST
    ).content.decode()
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)), **HOST)
    assert edit.status_code == 200
    assert "Lisää lähde ja tarkista päivämäärä." in history + edit.content.decode()


def test_editor_cannot_publish_through_the_v3_api_with_a_token(client):
    _token, plaintext = APIToken.create_token(user=_user("toimittaja"), name="testi")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {plaintext}", **HOST}
    page = NewsArticlePage.objects.get(
        slug="jarjestot-ja-tulevaisuuden-sote-keskus", locale__language_code="fi"
    )
    title = page.title

    response = client.patch(
        f"/api/v3/pages/{page.pk}/",
        data=json.dumps(
            {"meta": {"type": "news.NewsArticlePage", "action": "publish"}, "title": "API"}
        ),
        content_type="application/json",
        **auth,
    )
    assert response.status_code in (401, 403), response.content
    response = client.post(f"/api/v3/pages/{page.pk}/actions/publish/", **auth)
    assert response.status_code in (401, 403), response.content
    response = client.post(
        "/api/v3/pages/",
        data=json.dumps(
            {
                "meta": {
                    "type": "news.NewsArticlePage",
                    "parent_id": page.get_parent().pk,
                    "action": "publish",
                },
                "title": "API-uutinen",
                "slug": "api-uutinen",
            }
        ),
        content_type="application/json",
        **auth,
    )
    assert response.status_code in (401, 403), response.content
    page.refresh_from_db()
    assert page.title == title and page.live
    assert not NewsArticlePage.objects.filter(slug="api-uutinen", live=True).exists()


def test_scheduled_publishing_and_expiry_run_through_publish_scheduled(news_index):
    page = NewsArticlePage(title="Ajastettu", slug="ajastettu")
    news_index.add_child(instance=page)
    page.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.live is False  # waits for its time

    # An hour passes: the scheduled moment is now in the past.
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision = page.latest_revision
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])
    NewsArticlePage.objects.filter(pk=page.pk).update(go_live_at=past)
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live is True

    NewsArticlePage.objects.filter(pk=page.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live is False and page.expired is True
