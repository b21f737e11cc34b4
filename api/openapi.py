"""Make the OpenAPI document valid OpenAPI 3.1, and complete about errors.

Wagtail 8.0.1's v3 declares ``AllowAnonymous`` as an ``http`` security scheme
without the ``scheme`` that OpenAPI requires, so validators reject the whole
document. Anonymous access is expressed in OpenAPI as an empty security
requirement (``{}``); this rewrites the scheme into exactly that.

Ninja lists only each operation's success response, although every operation
answers errors as RFC 7807 problem details (``application/problem+json``,
Wagtail v3's ``ProblemDetail``). ``document_problems`` adds them, so that
generated clients can type them, by what each operation can actually answer:

- 422 (every operation): a malformed, unknown or hostile parameter or body.
- 404 (operations with a path parameter, the ``find`` lookups, and the pages
  and snippets lists, whose ``locale`` is looked up): nothing visible matches.
- 401 and 403 (operations that require a bearer token): no or a bad token, or
  a token whose user may not do this.
- 400 (Wagtail's own paginated lists, whose ``limit`` over the maximum is a 400,
  ``/pages/`` for an ambiguous ``site``, and writes, for malformed rich text).
- 414 (every operation): the HTTP server refuses a request line too long for it
  before the application sees it; its body is the server's, not a problem document.

Wagtail's paginated lists also get their bounds: ``limit`` up to
``WAGTAILAPI_LIMIT_MAX`` and ``offset`` up to ``pagination.MAX_OFFSET``
(``query_guard`` answers a larger offset with a 422).
"""

from django.conf import settings

from .pagination import MAX_OFFSET

ANONYMOUS = "AllowAnonymous"
BEARER = "BearerTokenAuth"
PROBLEM = "ProblemDetail"
PROBLEM_JSON = "application/problem+json"
METHODS = ("get", "put", "post", "delete", "patch")
LIMIT_MAX = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20)

PROBLEM_SCHEMA = {
    "title": PROBLEM,
    "description": "An RFC 7807 problem document.",
    "type": "object",
    "properties": {
        "type": {"title": "Type", "type": "string", "description": "`about:blank`."},
        "title": {"title": "Title", "type": "string", "description": "The status phrase."},
        "status": {"title": "Status", "type": "integer"},
        "detail": {"title": "Detail", "type": "string", "default": ""},
        "errors": {
            "title": "Errors",
            "description": "For 422: each invalid input, with `loc` naming it "
            '(e.g. `["query", "offset"]`), `msg` and `type`.',
            "type": "array",
            "items": {"type": "object", "additionalProperties": True},
        },
    },
    "required": ["type", "title", "status"],
}

DESCRIPTIONS = {
    "400": "Bad request: a limit over the maximum, an ambiguous site, malformed rich text.",
    "401": "Authentication required: no valid bearer token.",
    "403": "The token's user may not do this.",
    "404": "Not found: no visible object matches.",
    "414": "Request-URI too long: refused by the HTTP server before the application.",
    "422": "Validation failed: `errors` names each invalid parameter or field.",
}


def fix_security(schema):
    schemes = schema.get("components", {}).get("securitySchemes", {})
    if ANONYMOUS not in schemes:
        return schema
    del schemes[ANONYMOUS]
    for _path, _method, operation in _operations(schema):
        security = operation.get("security")
        if security:
            operation["security"] = [
                ({} if ANONYMOUS in requirement else requirement) for requirement in security
            ]
    return schema


def _operations(schema):
    """(path, method, operation) for every operation of the document."""
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            if method in METHODS and isinstance(operation, dict):
                yield path, method, operation


def _parameters(operation, location):
    return {p["name"]: p for p in operation.get("parameters", []) if p.get("in") == location}


def _is_ours(operation):
    """Our typed routers declare no security; Wagtail's always do."""
    return "security" not in operation


def _statuses(path, method, operation):
    query = _parameters(operation, "query")
    statuses = {"414", "422"}
    looks_up_locale = "locale" in query and not _is_ours(operation)  # ours: a Literal, a 422
    if _parameters(operation, "path") or path.endswith("/find/") or looks_up_locale:
        statuses.add("404")
    if not any(requirement == {} for requirement in operation.get("security", [{}])):
        statuses |= {"401", "403"}
    if not _is_ours(operation):
        if "limit" in query or "site" in query or method != "get":
            statuses.add("400")
    return statuses


def _bound_paging(operation):
    query = _parameters(operation, "query")
    for name, maximum in (("limit", LIMIT_MAX), ("offset", MAX_OFFSET)):
        if name in query and maximum:
            query[name]["schema"].setdefault("maximum", maximum)


def document_problems(schema):
    schema.setdefault("components", {}).setdefault("schemas", {})[PROBLEM] = PROBLEM_SCHEMA
    reference = {"schema": {"$ref": f"#/components/schemas/{PROBLEM}"}}
    for path, method, operation in _operations(schema):
        responses = operation.setdefault("responses", {})
        for status in sorted(_statuses(path, method, operation)):
            response = {"description": DESCRIPTIONS[status]}
            if status != "414":
                response["content"] = {PROBLEM_JSON: reference}
            responses.setdefault(status, response)
        # Ninja's own statuses are ints: "422" and 422 would both be written, a duplicate
        # key that Swagger UI's parser refuses. The problem document above wins.
        for key in [key for key in responses if not isinstance(key, str)]:
            value = responses.pop(key)
            responses.setdefault(str(key), value)
        if not _is_ours(operation):
            _bound_paging(operation)
    return schema


def install(api):
    """Post-process ``api``'s OpenAPI document (the instance's own method, wrapped)."""
    original = api.get_openapi_schema

    def get_openapi_schema(*args, **kwargs):
        return document_problems(fix_security(original(*args, **kwargs)))

    api.get_openapi_schema = get_openapi_schema
