"""Hostile query strings never reach the database, on every v3 router.

Wagtail's own routers (pages, images, documents, redirects, …) pass some query
values to PostgreSQL unchecked: a NUL byte (``?locale=%00``, ``?site=%00``,
``?html_path=%00``, ``?search=%00``) makes psycopg raise, and an ``offset``
beyond PostgreSQL's bigint overflows the ``OFFSET`` clause; both were 500s.
Installed on the whole NinjaAPI as a "view" decorator (it runs before any
router's own parsing), the guard answers such requests with v3's 422 problem
document naming the parameter, the same shape Ninja gives a malformed value.
Our typed routers check the same and more themselves (``errors.check_query``).
"""

from functools import wraps

from pydantic import ValidationError

from .pagination import MAX_OFFSET

PAGING_BOUNDS = {"offset": MAX_OFFSET}


def _error(name, error_type, ctx):
    return ValidationError.from_exception_data(
        "Query", [{"type": error_type, "loc": ("query", name), "input": None, "ctx": ctx}]
    )


def _too_large(value, bound):
    """True for a whole number above ``bound`` (other malformed values are Ninja's to judge)."""
    text = value.strip()
    return text.isdigit() and (len(text) > len(str(bound)) or int(text) > bound)


NUL = {"error": "NUL characters are not allowed."}


def hostile_query_error(query):
    """A ValidationError for the first hostile parameter in ``query`` (a QueryDict), or None."""
    for name, values in query.lists():
        if "\x00" in name:
            return _error(name.replace("\x00", "\ufffd"), "value_error", NUL)
        for value in values:
            if "\x00" in value:
                return _error(name, "value_error", NUL)
            bound = PAGING_BOUNDS.get(name)
            if bound is not None and _too_large(value, bound):
                return _error(name, "less_than_equal", {"le": bound})
    return None


def install(api):
    """Guard every operation of ``api`` (call before ``api.urls`` is first read)."""

    def guard(run):
        @wraps(run)
        def guarded(request, *args, **kwargs):
            error = hostile_query_error(request.GET)
            if error is not None:
                return api.on_exception(request, error)
            return run(request, *args, **kwargs)

        return guarded

    api.add_decorator(guard, mode="view")
