"""One declaration of each page type's API shape: the model's ``api_fields``.

Wagtail's generic ``/api/v3/pages/`` router and the typed routers both follow
it, in the OpenAPI document and in the responses, so they cannot drift apart.
"""

import pytest
from wagtail.api import APIField

from api.schemas import PAGE_TYPES
from news.models import EventPage, NewsArticlePage
from regions.models import RegionPage

pytestmark = pytest.mark.django_db


def declared(model):
    return {field.name for field in APIField.get_fields_for_model(model)}


def test_both_schemas_in_the_openapi_document_follow_api_fields(client):
    schemas = client.get("/api/v3/openapi.json").json()["components"]["schemas"]
    for label, page_type in PAGE_TYPES.items():
        model = page_type.model
        typed = set(schemas[f"{page_type.name}Detail"]["properties"])
        generic = set(schemas[f"{model.__name__}Schema"]["properties"])
        assert declared(model) <= typed, label
        assert declared(model) <= generic, label
        # The typed schema adds only what every page carries, never a field of its own.
        extras = typed - declared(model)
        assert extras <= {"id", "title", "meta", "translations", "seo", "json_ld", "ical_url"} | {
            "items_url"
        }, label


def test_typed_fields_are_typed_from_the_model(client):
    schemas = client.get("/api/v3/openapi.json").json()["components"]["schemas"]
    event = schemas["EventDetail"]["properties"]
    assert schemas["EventDetail"]["properties"]["event_status"]["enum"] == [
        "scheduled",
        "cancelled",
        "postponed",
        "moved_online",
        "rescheduled",
    ]
    assert event["sessions"]["items"] == {"$ref": "#/components/schemas/Session"}
    assert event["contact"]["anyOf"][0] == {"$ref": "#/components/schemas/Person"}
    session = schemas["Session"]["properties"]
    assert session["start"]["format"] == "date-time" and session["uid"]["type"] == "string"
    assert set(schemas["Network"]["properties"]) == {"name", "url", "email", "phone", "description"}


@pytest.mark.parametrize(
    ("model", "typed"),
    [(NewsArticlePage, "news"), (EventPage, "events"), (RegionPage, "regions")],
)
def test_both_apis_answer_every_declared_field(client, model, typed):
    page = model.objects.live().filter(locale__language_code="fi").first()
    generic = client.get(f"/api/v3/pages/{page.pk}/").json()
    detail = client.get(f"/api/v3/{typed}/{page.pk}/").json()
    assert declared(model) <= set(generic)
    assert declared(model) <= set(detail)
    for name in declared(model) & {"lead", "intro", "format", "date", "organiser"}:
        assert generic[name] == detail[name], name
