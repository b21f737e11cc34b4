"""Serving hook: a page is shown under its own language's prefix."""

from django.shortcuts import redirect
from wagtail import hooks

from kumppanuus.language import current_language


@hooks.register("before_serve_page")
def serve_under_own_language(page, request, serve_args, serve_kwargs):
    """/sv/ with no Swedish home page would show the Finnish one under lang="sv":
    send the visitor to the page's own address instead."""
    if page.locale.language_code != current_language():
        url = page.get_url(request)
        if url and url != request.path:
            return redirect(url)
    return None
