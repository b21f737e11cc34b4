"""Draft preview for headless frontends: signed, short-lived tokens bound to one page."""

import json
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core import signing
from wagtail.models import APIToken, Site

from api.models import HeadlessSettings
from news.models import EventPage

from .factories import NewsArticlePageFactory, publish

pytestmark = pytest.mark.django_db
FRONTEND = "https://frontend.example.fi/api/preview"


def user(username):
    return get_user_model().objects.get(username=username)


def bearer(username):
    _token, plaintext = APIToken.create_token(user=user(username), name="preview")
    return {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}


def create_token(client, page, username="julkaisija"):
    return client.post(
        "/api/v3/preview-tokens/",
        data=json.dumps({"page_id": page.pk}),
        content_type="application/json",
        **bearer(username),
    )


@pytest.fixture
def article_with_draft(demo_site):
    index = demo_site.get_children().get(slug="uutiset").specific
    article = publish(NewsArticlePageFactory(parent=index, title="Julkaistu otsikko"))
    draft = article.get_latest_revision_as_object()
    draft.title = "Luonnoksen otsikko"
    draft.lead = "Luonnoksen ingressi."
    draft.save_revision()
    return article


def test_a_token_shows_the_latest_draft_in_detail_and_resolve(client, article_with_draft):
    article = article_with_draft
    response = create_token(client, article)
    assert response.status_code == 201, response.content
    grant = response.json()
    assert grant["page_id"] == article.pk

    live = client.get(f"/api/v3/news/{article.pk}/").json()
    assert live["title"] == "Julkaistu otsikko"
    assert live["meta"]["preview"] is False

    draft = client.get(grant["detail_url"])
    assert draft.status_code == 200
    assert draft["Cache-Control"] == "private, no-store"
    assert draft.json()["title"] == "Luonnoksen otsikko"
    assert draft.json()["lead"] == "Luonnoksen ingressi."
    assert draft.json()["meta"]["preview"] is True

    resolved = client.get(grant["resolve_url"]).json()
    assert resolved["title"] == "Luonnoksen otsikko"
    # The public still sees the live page, also from the cache.
    assert client.get(f"/api/v3/news/{article.pk}/").json()["title"] == "Julkaistu otsikko"


def test_a_never_published_page_is_previewed_at_its_path(client, demo_site):
    index = demo_site.get_children().get(slug="uutiset").specific
    draft = NewsArticlePageFactory(parent=index, title="Uusi luonnos", slug="uusi", live=False)
    draft.save_revision()
    assert client.get(f"/api/v3/news/{draft.pk}/").status_code == 404
    token = create_token(client, draft).json()["token"]
    resolved = client.get("/api/v3/resolve/", {"path": "/fi/uutiset/uusi/", "preview_token": token})
    assert resolved.status_code == 200
    assert resolved.json()["title"] == "Uusi luonnos"
    assert client.get("/api/v3/resolve/", {"path": "/fi/uutiset/uusi/"}).status_code == 404


def test_a_token_grants_its_own_page_only(client, article_with_draft, demo_site):
    index = demo_site.get_children().get(slug="uutiset").specific
    other = NewsArticlePageFactory(parent=index, title="Toinen luonnos", live=False)
    token = create_token(client, article_with_draft).json()["token"]
    assert client.get(f"/api/v3/news/{other.pk}/", {"preview_token": token}).status_code == 404
    tour = EventPage.objects.get(title="Maakuntien järjestöpäivä -kiertue")
    # Another page's token shows the live page, like no token.
    live = client.get(f"/api/v3/events/{tour.pk}/", {"preview_token": token})
    assert live.status_code == 200 and live.json()["meta"]["preview"] is False
    # The article's token on the events endpoint is not an event.
    wrong = client.get(f"/api/v3/events/{article_with_draft.pk}/", {"preview_token": token})
    assert wrong.status_code == 404


def test_bad_expired_and_revoked_tokens_are_401(client, article_with_draft, settings):
    article = article_with_draft
    url = f"/api/v3/news/{article.pk}/"
    token = create_token(client, article).json()["token"]
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    assert client.get(url, {"preview_token": tampered}).status_code == 401
    assert client.get(url, {"preview_token": "x"}).status_code == 401
    settings.HEADLESS_PREVIEW_MAX_AGE = -1  # every token is already too old
    response = client.get(url, {"preview_token": token})
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    settings.HEADLESS_PREVIEW_MAX_AGE = 1800
    publisher = user("julkaisija")
    publisher.is_active = False
    publisher.save()
    assert client.get(url, {"preview_token": token}).status_code == 401


def test_a_token_signed_for_another_purpose_is_refused(client, article_with_draft):
    forged = signing.dumps({"page": article_with_draft.pk, "user": user("admin").pk})
    url = f"/api/v3/news/{article_with_draft.pk}/"
    assert client.get(url, {"preview_token": forged}).status_code == 401


def test_creating_a_token_needs_a_bearer_token_and_edit_rights(client, article_with_draft):
    article = article_with_draft
    anonymous = client.post(
        "/api/v3/preview-tokens/",
        data=json.dumps({"page_id": article.pk}),
        content_type="application/json",
    )
    assert anonymous.status_code == 401
    assert create_token(client, article, "kaantaja").status_code == 403
    assert create_token(client, article, "toimittaja").status_code == 201
    missing = client.post(
        "/api/v3/preview-tokens/",
        data=json.dumps({"page_id": 999999}),
        content_type="application/json",
        **bearer("admin"),
    )
    assert missing.status_code == 404


def test_admin_preview_button_opens_the_frontend_with_a_working_token(
    client, article_with_draft, settings
):
    article = article_with_draft
    client.force_login(user("toimittaja"))
    edit = client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    assert "Esikatsele frontendissä" not in edit  # no frontend configured

    settings.HEADLESS_PREVIEW_URL = FRONTEND
    edit = client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    assert "Esikatsele frontendissä" in edit
    assert f"/admin/headless-preview/{article.pk}/" in edit

    response = client.get(f"/admin/headless-preview/{article.pk}/")
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == FRONTEND
    query = {key: values[0] for key, values in parse_qs(location.query).items()}
    assert query["path"] == article.url
    assert (query["id"], query["type"], query["locale"]) == (
        str(article.pk),
        "news.NewsArticlePage",
        "fi",
    )
    client.logout()
    draft = client.get(f"/api/v3/news/{article.pk}/", {"preview_token": query["token"]})
    assert draft.json()["title"] == "Luonnoksen otsikko"


def test_site_setting_overrides_the_environment(client, article_with_draft, settings):
    settings.HEADLESS_PREVIEW_URL = FRONTEND
    site = Site.objects.get(is_default_site=True)
    HeadlessSettings.objects.update_or_create(
        site=site, defaults={"preview_url": "https://esikatselu.example.fi/preview?site=fi"}
    )
    client.force_login(user("julkaisija"))
    response = client.get(f"/admin/headless-preview/{article_with_draft.pk}/")
    assert response["Location"].startswith("https://esikatselu.example.fi/preview?site=fi&token=")


def test_admin_preview_needs_edit_rights(client, article_with_draft, settings):
    settings.HEADLESS_PREVIEW_URL = FRONTEND
    client.force_login(user("kaantaja"))
    response = client.get(f"/admin/headless-preview/{article_with_draft.pk}/")
    assert response.status_code in (302, 403)
    assert not response.get("Location", "").startswith(FRONTEND)


def test_the_draft_of_an_event_keeps_its_sessions(client, demo_site):
    tour = EventPage.objects.get(title="Maakuntien järjestöpäivä -kiertue")
    draft = tour.get_latest_revision_as_object()
    draft.event_status = "postponed"
    draft.save_revision()
    token = create_token(client, tour).json()["token"]
    data = client.get(f"/api/v3/events/{tour.pk}/", {"preview_token": token}).json()
    assert data["event_status"] == "postponed"
    assert len(data["sessions"]) == 5
    assert client.get(f"/api/v3/events/{tour.pk}/").json()["event_status"] == "scheduled"
