"""Schemathesis against the live OpenAPI document: every GET operation, no failures.

The document is read from ``/api/v3/openapi.json`` of the application served
by a real HTTP server (Django's own, as ``runserver``) on the test database
with its committed demo content. For every GET operation it lists, Wagtail's
own routers and ours, Schemathesis generates valid requests and invalid ones
(wrong types, out-of-range numbers, hostile strings). Each response must not
be a server error, must have a status the document declares for that
operation, and must match the schema declared for it, problem details
included. Bounded (a fixed number of examples per operation, a fixed seed) so
that it runs in a minute or two; the request count is printed.

Schemathesis's own pytest plug-in (``schema.parametrize``) cannot resolve a
schema from a fixture under pytest 9, so the cases are drawn with Hypothesis
from each operation's strategy, as its documentation describes for custom tests.
"""

import schemathesis
from hypothesis import HealthCheck, given, seed, settings
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)

SEED = 20261201
EXAMPLES = {GenerationMode.POSITIVE: 22, GenerationMode.NEGATIVE: 15}
CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]


def exercise(operation, mode, requests):
    """Run one operation's generated cases in ``mode``; returns the failure, if any."""

    @seed(SEED)
    @settings(
        max_examples=EXAMPLES[mode],
        deadline=None,
        database=None,
        derandomize=False,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def run(case):
        requests.append(case)
        # Generous: the first Finnish search in a process loads its dictionaries.
        case.call_and_validate(checks=CHECKS, timeout=60)

    try:
        run()
    except (Exception, BaseExceptionGroup) as failure:  # schemathesis's FailureGroup
        return failure
    return None


def test_every_get_operation_conforms(live_site, capsys):
    schema = schemathesis.openapi.from_url(f"{live_site}/api/v3/openapi.json")
    operations = [result.ok() for result in schema.include(method="GET").get_all_operations()]
    requests, failures = [], {}
    for operation in operations:
        for mode in EXAMPLES:
            failure = exercise(operation, mode, requests)
            if failure is not None:
                failures[f"{operation.label} ({mode.value})"] = failure
    with capsys.disabled():
        print(
            f"\nschemathesis: {len(requests)} generated requests over {len(operations)} "
            f"GET operations, seed {SEED}, {len(failures)} failures"
        )
    assert len(operations) >= 20
    assert not failures, "\n\n".join(f"{label}:\n{error}" for label, error in failures.items())
