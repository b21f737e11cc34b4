"""Serving hook: a page past its expiry time is gone from its own URL at once.

Wagtail serves a page while it is live, and an expired page stays live until
``publish_scheduled`` runs; every listing already hides it
(``kumppanuus.visibility``), so its own URL answers 404 from the same moment.
"""

from django.http import Http404
from wagtail import hooks

from kumppanuus.visibility import has_expired


@hooks.register("before_serve_page")
def hide_expired_page(page, request, serve_args, serve_kwargs):
    if has_expired(page):
        raise Http404
