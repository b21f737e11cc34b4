"""Bad input gets a 422 problem document naming the parameter, never a 500."""

import pytest

pytestmark = pytest.mark.django_db


def problem(response, status=422):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status
    return body


def culprits(body):
    """The query parameter names the problem document blames.

    ``loc`` is ``["query", name]``, or for list parameters Ninja's
    ``["query", <schema>, name, index]``.
    """
    return {
        part
        for error in body.get("errors", [])
        if error.get("loc", [None])[0] == "query"
        for part in error["loc"][1:]
        if isinstance(part, str)
    }


@pytest.mark.parametrize(
    ("path", "params", "culprit"),
    [
        ("/api/v3/news/", {"regoin": "kainuu"}, "regoin"),
        ("/api/v3/news/", {"published_after": "10.3.2024"}, "published_after"),
        ("/api/v3/news/", {"published_after": "2024-02-30"}, "published_after"),
        ("/api/v3/news/", {"published_before": "2023-13-01"}, "published_before"),
        ("/api/v3/news/", {"locale": "de"}, "locale"),
        ("/api/v3/news/", {"limit": "-1"}, "limit"),
        ("/api/v3/news/", {"limit": "100000"}, "limit"),
        ("/api/v3/news/", {"offset": "-5"}, "offset"),
        ("/api/v3/news/", {"offset": "9" * 30}, "offset"),
        ("/api/v3/news/", {"limit": "kymmenen"}, "limit"),
        ("/api/v3/news/", {"keyword": "sote\x00"}, "keyword"),
        ("/api/v3/news/", {"search": "a\x00b"}, "search"),
        ("/api/v3/news/", {"region": "atlantis"}, "region"),
        ("/api/v3/news/", {"keyword_operator": "xor"}, "keyword_operator"),
        ("/api/v3/events/", {"starts_after": "tomorrow"}, "starts_after"),
        ("/api/v3/events/", {"ends_before": "2024-04-31T10:00"}, "ends_before"),
        ("/api/v3/events/", {"upcoming": "maybe"}, "upcoming"),
        ("/api/v3/events/", {"format": "telepathic"}, "format"),
        ("/api/v3/events/", {"published_after": "2024-01-01"}, "published_after"),
        ("/api/v3/regions/", {"keyword": "sote"}, "keyword"),
    ],
)
def test_bad_parameter_is_422_naming_it(client, path, params, culprit):
    body = problem(client.get(path, params))
    assert culprit in culprits(body)


def test_reversed_date_range_is_422(client):
    body = problem(
        client.get(
            "/api/v3/news/", {"published_after": "2024-06-01", "published_before": "2024-01-01"}
        )
    )
    assert "published_before" in culprits(body)


def test_unknown_page_is_404_problem(client):
    problem(client.get("/api/v3/news/999999999/"), status=404)
    problem(client.get("/api/v3/events/999999999/"), status=404)


def test_detail_of_another_type_is_404(client, demo_site):
    from news.models import EventPage

    event = EventPage.objects.live().first()
    problem(client.get(f"/api/v3/news/{event.pk}/"), status=404)


def test_huge_page_id_is_not_a_500(client):
    response = client.get("/api/v3/news/" + "9" * 40 + "/")
    assert 400 <= response.status_code < 500


def test_very_long_search_is_422(client):
    problem(client.get("/api/v3/news/", {"search": "sote " * 200}))


def test_offsets_postgresql_refuses_are_converted_or_a_422(client):
    """ISO 8601 allows offsets up to ±23:59, PostgreSQL only ±15:59 (was a 500)."""
    response = client.get("/api/v3/events/", {"ends_before": "2024-03-01T10:00+23:19"})
    assert response.status_code == 200
    body = problem(client.get("/api/v3/events/", {"starts_after": "9999-12-31T23:00-23:00"}))
    assert "starts_after" in culprits(body)
