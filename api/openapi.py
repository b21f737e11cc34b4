"""Make the OpenAPI document valid OpenAPI 3.1.

Wagtail 8.0.1's v3 declares ``AllowAnonymous`` as an ``http`` security scheme
without the ``scheme`` that OpenAPI requires, so validators reject the whole
document. Anonymous access is expressed in OpenAPI as an empty security
requirement (``{}``); this rewrites the scheme into exactly that.
"""

ANONYMOUS = "AllowAnonymous"


def fix_security(schema):
    schemes = schema.get("components", {}).get("securitySchemes", {})
    if ANONYMOUS not in schemes:
        return schema
    del schemes[ANONYMOUS]
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            security = operation.get("security") if isinstance(operation, dict) else None
            if not security:
                continue
            operation["security"] = [
                ({} if ANONYMOUS in requirement else requirement) for requirement in security
            ]
    return schema


def install(api):
    """Post-process ``api``'s OpenAPI document (the instance's own method, wrapped)."""
    original = api.get_openapi_schema

    def get_openapi_schema(*args, **kwargs):
        return fix_security(original(*args, **kwargs))

    api.get_openapi_schema = get_openapi_schema
