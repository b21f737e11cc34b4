"""The OpenAPI document declares the problem-details errors (issue 10, hole 9).

Generated clients type a response by its status: every operation that can
answer 400, 401, 403, 404 or 422 says so, with the ``ProblemDetail`` schema
under ``application/problem+json``, and 414 (refused by the HTTP server) is
declared too. The document still validates; ``test_api_schemathesis.py``
checks that the statuses and bodies the API really answers match it.
"""

import pytest
from openapi_spec_validator import validate

pytestmark = pytest.mark.django_db

PROBLEM = {"schema": {"$ref": "#/components/schemas/ProblemDetail"}}


@pytest.fixture
def spec(client):
    return client.get("/api/v3/openapi.json").json()


def responses(spec, method, path):
    return spec["paths"][path][method]["responses"]


def problem_statuses(spec, method, path):
    return {
        status
        for status, response in responses(spec, method, path).items()
        if response.get("content", {}).get("application/problem+json") == PROBLEM
    }


def test_document_validates_with_problem_details(spec):
    validate(spec)
    schema = spec["components"]["schemas"]["ProblemDetail"]
    assert set(schema["required"]) == {"type", "title", "status"}


@pytest.mark.parametrize(
    ("method", "path", "expected"),
    [
        ("get", "/api/v3/news/", {"422"}),
        ("get", "/api/v3/news/{page_id}/", {"404", "422"}),
        ("get", "/api/v3/events/", {"422"}),
        ("get", "/api/v3/regions/{page_id}/", {"404", "422"}),
        ("get", "/api/v3/pages/", {"400", "404", "422"}),
        ("get", "/api/v3/pages/find/", {"400", "404", "422"}),
        ("get", "/api/v3/pages/{page_id}/", {"404", "422"}),
        ("get", "/api/v3/images/", {"400", "422"}),
        ("get", "/api/v3/documents/{document_id}/", {"404", "422"}),
        ("get", "/api/v3/redirects/", {"400", "422"}),
        ("get", "/api/v3/whoami/", {"401", "403", "422"}),
        ("get", "/api/v3/sites/", {"400", "401", "403", "422"}),
        ("post", "/api/v3/pages/", {"400", "401", "403", "422"}),
        ("patch", "/api/v3/pages/{page_id}/", {"400", "401", "403", "404", "422"}),
    ],
)
def test_each_operation_declares_the_problems_it_answers(spec, method, path, expected):
    assert problem_statuses(spec, method, path) == expected
    assert "414" in responses(spec, method, path)


def test_every_operation_declares_422_and_414(spec):
    for path, operations in spec["paths"].items():
        for method in operations:
            assert "422" in problem_statuses(spec, method, path), (method, path)
            assert "414" in responses(spec, method, path), (method, path)


def test_wagtails_paging_bounds_are_declared(spec):
    parameters = {
        p["name"]: p["schema"] for p in spec["paths"]["/api/v3/pages/"]["get"]["parameters"]
    }
    assert parameters["limit"]["maximum"] == 100
    assert parameters["offset"]["maximum"] == 1_000_000


def test_the_documented_problem_matches_a_real_one(client, spec):
    response = client.get("/api/v3/news/999999999/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    required = spec["components"]["schemas"]["ProblemDetail"]["required"]
    assert set(required) <= set(response.json())
