"""Serving hook: a page is shown under its own language's prefix."""

from django.shortcuts import redirect
from django.utils.translation import get_language
from wagtail import hooks


@hooks.register("before_serve_page")
def serve_under_own_language(page, request, serve_args, serve_kwargs):
    """/sv/ with no Swedish home page would show the Finnish one under lang="sv":
    send the visitor to the page's own address instead."""
    language = (get_language() or "")[:2]
    if page.locale.language_code != language:
        url = page.get_url(request)
        if url and url != request.path:
            return redirect(url)
    return None
