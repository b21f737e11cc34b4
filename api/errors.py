"""Request validation in Wagtail v3's problem-details form (422).

Ninja validates each declared parameter's type; what it cannot see is a
parameter that was never declared (a typo such as ``regoin`` would otherwise
silently return everything) or a NUL byte in a value (PostgreSQL rejects it
with a 500). ``check_query`` turns both into the same 422 problem document
v3 sends for a malformed value, naming the parameter in ``errors[].loc``.
"""

from pydantic import ValidationError as PydanticValidationError
from wagtail.api.v3.errors import ProblemDetail


def invalid(param, message, error_type="value_error"):
    """A 422 (via v3's exception handler) naming ``param`` as the culprit."""
    return PydanticValidationError.from_exception_data(
        "Validation error",
        [
            {
                "type": "value_error",
                "loc": ("query", param),
                "input": None,
                "ctx": {"error": message},
            }
        ],
        hide_input=True,
    )


def check_query(request, allowed):
    """Reject unknown parameters and NUL bytes before anything touches the database."""
    for name in request.GET:
        if name not in allowed:
            raise invalid(
                name, f"Unknown parameter '{name}'. Allowed: {', '.join(sorted(allowed))}."
            )
        for value in request.GET.getlist(name):
            if "\x00" in value:
                raise invalid(name, "NUL characters are not allowed.")


def problems(*statuses):
    """Problem-details responses for an operation's ``response=`` (documented in OpenAPI)."""
    return {status: ProblemDetail for status in statuses}
