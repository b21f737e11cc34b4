"""A client generated from the live OpenAPI document parses every typed response.

``openapi-python-client`` (the dev extra) generates a Python client from
``/api/v3/openapi.json`` as a frontend team would; each response below, taken
from the running API, goes through that client's own response parsing, which
raises on anything the document does not describe. The same responses are
also validated against the document's JSON Schemas directly.
"""

import importlib
import json
import subprocess
import sys
from pathlib import Path

import httpx
import jsonschema
import pytest
from django.test import Client
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect

from news.models import EventPage, NewsArticlePage
from regions.models import RegionPage

pytestmark = pytest.mark.django_db
PACKAGE = "kumppanuus_api_client"


@pytest.fixture(scope="module")
def spec(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        return Client().get("/api/v3/openapi.json").json()


@pytest.fixture(scope="module")
def generated(spec, tmp_path_factory):
    """The generated client package, imported."""
    folder = tmp_path_factory.mktemp("client")
    (folder / "openapi.json").write_text(json.dumps(spec))
    (folder / "config.yaml").write_text("post_hooks: []\n")
    generator = Path(sys.executable).with_name("openapi-python-client")
    subprocess.run(
        [
            str(generator),
            "generate",
            "--path",
            str(folder / "openapi.json"),
            "--output-path",
            str(folder / PACKAGE),
            "--meta",
            "none",
            "--config",
            str(folder / "config.yaml"),
        ],
        check=True,
        capture_output=True,
    )
    sys.path.insert(0, str(folder))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(folder))


def parse(generated, operation, response):
    """The generated client's own parsing of a real response (strict about status codes)."""
    module = importlib.import_module(f"{PACKAGE}.api.{operation}")
    client = generated.Client(base_url="http://testserver", raise_on_unexpected_status=True)
    reply = httpx.Response(response.status_code, content=response.content)
    parsed = module._parse_response(client=client, response=reply)
    assert parsed is not None, operation
    return parsed


def validate(spec, response, path, method="get"):
    """The response body against the OpenAPI document's schema for that status."""
    operation = spec["paths"][path][method]
    content = operation["responses"][str(response.status_code)]["content"]
    schema = {**content["application/json"]["schema"], "components": spec["components"]}
    jsonschema.Draft202012Validator(schema).validate(response.json())


def test_every_typed_endpoint_parses(client, spec, generated, demo_site):
    article = NewsArticlePage.objects.get(slug="jarjestojen-sote-muutostuen-tilannekatsaus")
    event = EventPage.objects.get(title="Maakuntien järjestöpäivä -kiertue")
    region = RegionPage.objects.filter(contacts__isnull=False).first()
    calls = [
        ("news.news_list", "/api/v3/news/", None, {}),
        ("news.news_list", "/api/v3/news/", None, {"fields": "lead,image", "renditions": "w320"}),
        ("news.news_detail", "/api/v3/news/{page_id}/", article.pk, {}),
        ("events.events_list", "/api/v3/events/", None, {"on": "2020-04-06"}),
        ("events.events_detail", "/api/v3/events/{page_id}/", event.pk, {}),
        ("events.sessions_list", "/api/v3/sessions/", None, {"locale": "sv"}),
        ("regions.regions_list", "/api/v3/regions/", None, {"limit": 100}),
        ("regions.regions_detail", "/api/v3/regions/{page_id}/", region.pk, {}),
        ("changes.changes_list", "/api/v3/changes/", None, {"since": "2000-01-01"}),
    ]
    for operation, template, page_id, params in calls:
        response = client.get(template.format(page_id=page_id), params)
        assert response.status_code == 200, (template, response.content[:300])
        parse(generated, operation, response)
        validate(spec, response, template)


def test_resolve_parses_into_the_right_type_for_every_kind_of_path(client, spec, generated):
    Redirect.add_redirect("/fi/vanha", NewsArticlePage.objects.first(), is_permanent=True)
    region = RegionPage.objects.filter(locale__language_code="en").first()
    expected = {
        "/sv/": "HomeDetail",
        "/fi/uutiset/": "NewsIndexDetail",
        "/en/events/": "EventIndexDetail",
        region.get_parent().url: "RegionIndexDetail",
        region.url: "RegionDetail",
        NewsArticlePage.objects.filter(locale__language_code="sv").first().url: "NewsDetail",
        EventPage.objects.filter(locale__language_code="en").first().url: "EventDetail",
        "/sv/amnesord/sote-uudistus/": "KeywordDetail",
        "/fi/vanha": "RedirectDetail",
    }
    for path, kind in expected.items():
        response = client.get("/api/v3/resolve/", {"path": path})
        assert response.status_code == 200, path
        assert type(parse(generated, "resolve.resolve", response)).__name__ == kind, path
        validate(spec, response, "/api/v3/resolve/")


def test_preview_token_response_parses(client, spec, generated, demo_site):
    from wagtail.models import APIToken

    from .test_api_preview import user

    _token, plaintext = APIToken.create_token(user=user("admin"), name="client")
    article = NewsArticlePage.objects.first()
    response = client.post(
        "/api/v3/preview-tokens/",
        data=json.dumps({"page_id": article.pk}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {plaintext}",
    )
    assert response.status_code == 201
    parsed = parse(generated, "preview.preview_tokens_create", response)
    assert parsed.expires_at > timezone.now()
    validate(spec, response, "/api/v3/preview-tokens/", method="post")
