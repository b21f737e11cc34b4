"""Publish webhooks: managed in the admin and by a command, queued on commit, signed,
sent outside the request by ``send_webhooks``, retried with backoff, logged."""

import datetime
import io

import pytest
import wagtail_factories
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import transaction
from django.utils import timezone

from api.models import WebhookDelivery, WebhookEndpoint
from api.models.webhooks import EVENT_NAMES
from api.webhooks import claim
from news.models import NewsArticlePage
from regions.models import Person

from .factories import NewsArticlePageFactory, publish
from .receiver import receiver, valid_signature

pytestmark = pytest.mark.django_db
SECRET = "jaettu-salaisuus"


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def index(demo_site):
    return demo_site.get_children().get(slug="uutiset").specific


def endpoint(url, events=EVENT_NAMES):
    return WebhookEndpoint.objects.create(url=url, secret=SECRET, events=list(events))


def send():
    out = io.StringIO()
    call_command("send_webhooks", stdout=out)
    return out.getvalue()


def test_a_publish_is_queued_then_sent_signed_to_the_receiver(index, committed):
    with receiver() as hook:
        endpoint(hook.url)
        with committed():
            article = publish(NewsArticlePageFactory(parent=index, title="Webhook", slug="wh"))
        # The publish only queued the delivery: nothing was sent while it ran.
        assert hook.requests == []
        delivery = WebhookDelivery.objects.get()
        assert (delivery.status, delivery.event) == ("pending", "page.published")
        assert "delivered page.published" in send()
    (request,) = hook.requests
    assert valid_signature(SECRET, request)
    assert request["headers"]["X-Kumppanuus-Event"] == "page.published"
    assert request["headers"]["Content-Type"].startswith("application/json")
    (payload,) = hook.payloads
    assert payload["event"] == "page.published"
    assert payload["page_id"] == article.pk
    assert (payload["type"], payload["locale"]) == ("news.NewsArticlePage", "fi")
    assert (payload["old_path"], payload["new_path"]) == (None, "/fi/uutiset/wh/")
    assert payload["url"] == "http://testserver/fi/uutiset/wh/"
    assert payload["api_url"] == f"http://testserver/api/v3/news/{article.pk}/"
    assert datetime.datetime.fromisoformat(payload["timestamp"])
    delivery.refresh_from_db()
    assert (delivery.status, delivery.response_status, delivery.attempts) == ("delivered", 200, 1)


def test_a_rolled_back_publish_sends_nothing(index, committed):
    endpoint("http://127.0.0.1:9/hook")
    with committed():
        try:
            with transaction.atomic():
                publish(NewsArticlePageFactory(parent=index, title="Peruttu"))
                raise RuntimeError("the editor's save failed")
        except RuntimeError:
            pass
    assert not WebhookDelivery.objects.exists()


def test_failures_are_retried_with_backoff_then_given_up(index, committed, settings):
    settings.WEBHOOK_MAX_ATTEMPTS = 3
    with receiver(status=500) as hook:
        endpoint(hook.url)
        with committed():
            publish(NewsArticlePageFactory(parent=index, title="Kaatuva vastaanottaja"))
        send()
        delivery = WebhookDelivery.objects.get()
        assert (delivery.status, delivery.attempts, delivery.response_status) == ("pending", 1, 500)
        wait = delivery.next_attempt_at - timezone.now()
        assert datetime.timedelta(seconds=50) < wait <= datetime.timedelta(seconds=60)
        send()  # not due yet
        assert len(hook.requests) == 1
        for attempts, minutes in ((2, 2), (3, None)):
            WebhookDelivery.objects.update(next_attempt_at=timezone.now())
            send()
            delivery.refresh_from_db()
            assert delivery.attempts == attempts
            if minutes:
                wait = delivery.next_attempt_at - timezone.now()
                assert (
                    datetime.timedelta(minutes=minutes - 1)
                    < wait
                    <= datetime.timedelta(minutes=minutes)
                )
        assert delivery.status == "failed"
        assert len(hook.requests) == 3


def test_slow_dead_and_redirecting_receivers_fail_without_hanging(index, committed, settings):
    settings.WEBHOOK_TIMEOUT = 0.5
    with receiver(delay=3) as slow, receiver(status=302) as moving:
        for url in (slow.url, moving.url, "http://127.0.0.1:9/closed"):
            endpoint(url)
        with committed():
            publish(NewsArticlePageFactory(parent=index, title="Hidas vastaanottaja"))
        assert slow.requests == [] and moving.requests == []  # the publish waited for nobody
        send()
    deliveries = {d.endpoint.url: d for d in WebhookDelivery.objects.select_related("endpoint")}
    assert "timed out" in deliveries[slow.url].error
    assert deliveries[moving.url].response_status == 302
    assert deliveries[moving.url].status == "pending"  # not followed, retried later
    assert deliveries["http://127.0.0.1:9/closed"].error
    assert all(d.attempts == 1 and d.status == "pending" for d in deliveries.values())


def test_every_kind_of_change_and_subscriptions(index, committed, demo_site):
    with receiver() as hook:
        endpoint(hook.url)
        only_publish = endpoint(hook.url + "?only=published", ["page.published"])
        with committed():
            article = publish(NewsArticlePageFactory(parent=index, title="Elinkaari", slug="kaari"))
        regional = demo_site.get_descendants().filter(slug="uutiset", depth__gt=4).first()
        with committed():
            article.move(regional, pos="last-child")
        article.refresh_from_db()
        moved_path = article.url
        with committed():
            article.unpublish()
        with committed():
            publish(article)
        with committed():
            NewsArticlePage.objects.get(pk=article.pk).delete()
        swedish = NewsArticlePage.objects.filter(locale__language_code="sv", live=True).first()
        with committed():
            publish(swedish)
        with committed():
            person = Person.objects.first()
            person.phone = "040 123 4567"
            person.save()
        with committed():
            wagtail_factories.ImageFactory(title="Uusi kuva")
        send()
    events = [(p["event"], p.get("old_path"), p.get("new_path")) for p in hook.payloads]
    kinds = [event for event, _old, _new in events]
    assert kinds.count("page.published") == 2 + 2  # both endpoints, twice
    assert ("page.moved", "/fi/uutiset/kaari/", moved_path) in events
    assert ("page.unpublished", moved_path, None) in events
    assert ("page.deleted", moved_path, None) in events
    assert ("translation.published", None, swedish.url) in events
    assert "person.changed" in kinds and "image.changed" in kinds
    only = [d.event for d in WebhookDelivery.objects.filter(endpoint=only_publish)]
    assert set(only) == {"page.published"}
    (unpublished,) = [p for p in hook.payloads if p["event"] == "page.unpublished"]
    assert unpublished["reason"] == "unpublished" and unpublished["api_url"] is None
    (person_event,) = [p for p in hook.payloads if p["event"] == "person.changed"]
    assert (person_event["object_id"], person_event["type"]) == (person.pk, "regions.Person")


def test_a_delivery_is_claimed_by_one_sender_only(index, committed):
    endpoint("http://127.0.0.1:9/hook")
    with committed():
        publish(NewsArticlePageFactory(parent=index, title="Kaksi lähettäjää"))
    delivery = WebhookDelivery.objects.get()
    now = timezone.now()
    assert claim(delivery.pk, now) is True
    assert claim(delivery.pk, now) is False


def test_manage_py_webhooks_add_list_remove():
    out = io.StringIO()
    call_command(
        "webhooks",
        "add",
        "https://frontend.example.fi/rebuild",
        "--secret",
        SECRET,
        "--events",
        "page.published,page.deleted",
        stdout=out,
    )
    hook = WebhookEndpoint.objects.get(url="https://frontend.example.fi/rebuild")
    assert (hook.secret, hook.events) == (SECRET, ["page.published", "page.deleted"])
    call_command("webhooks", "add", "https://aggregaattori.example.fi/", stdout=out)
    generated = WebhookEndpoint.objects.get(url="https://aggregaattori.example.fi/")
    assert len(generated.secret) >= 32 and generated.secret in out.getvalue()
    assert generated.events == EVENT_NAMES
    listing = io.StringIO()
    call_command("webhooks", "list", stdout=listing)
    assert "https://frontend.example.fi/rebuild" in listing.getvalue()
    call_command("webhooks", "remove", str(hook.pk), stdout=out)
    call_command("webhooks", "remove", "https://aggregaattori.example.fi/", stdout=out)
    assert not WebhookEndpoint.objects.exists()
    with pytest.raises(CommandError):
        call_command("webhooks", "add", "ftp://example.fi/", stdout=out)
    with pytest.raises(CommandError):
        call_command("webhooks", "add", "https://x.example/", "--events", "page.eaten", stdout=out)
    with pytest.raises(CommandError):
        call_command("webhooks", "remove", "12345", stdout=out)


def test_admin_manages_endpoints_and_shows_the_delivery_log(client, index, committed):
    client.force_login(get_user_model().objects.get(username="admin"))
    menu = client.get("/admin/").content.decode()
    assert "/admin/webhooks/" in menu and "/admin/webhooks/deliveries/" in menu
    response = client.post(
        "/admin/webhooks/new/",
        {
            "url": "https://frontend.example.fi/hook",
            "description": "Next.js-sivusto",
            "events": ["page.published", "page.unpublished"],
            "is_active": "on",
            "secret": SECRET,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    hook = WebhookEndpoint.objects.get()
    assert hook.events == ["page.published", "page.unpublished"]
    assert "Next.js-sivusto" in client.get("/admin/webhooks/").content.decode()
    edit = client.get(f"/admin/webhooks/edit/{hook.pk}/").content.decode()
    assert 'value="page.published"' in edit and "checked" in edit

    with committed():
        article = publish(NewsArticlePageFactory(parent=index, title="Lokiin"))
    delivery = WebhookDelivery.objects.get()
    log = client.get("/admin/webhooks/deliveries/").content.decode()
    assert "page.published" in log and "odottaa" in log
    inspect = client.get(f"/admin/webhooks/deliveries/inspect/{delivery.pk}/").content.decode()
    assert f"&quot;page_id&quot;: {article.pk}" in inspect  # the body as sent
    # The log is written by the sender only.
    assert client.get(f"/admin/webhooks/deliveries/edit/{delivery.pk}/").status_code in (302, 403)
    assert client.get("/admin/webhooks/deliveries/new/").status_code in (302, 403)


def test_editors_cannot_reach_webhooks(client):
    client.force_login(get_user_model().objects.get(username="julkaisija"))
    assert client.get("/admin/webhooks/").status_code in (302, 403)
    assert client.get("/admin/webhooks/deliveries/").status_code in (302, 403)
