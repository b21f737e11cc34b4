"""Wagtail's API v3 (django-ninja) as this site mounts it, plus our typed routers.

The page routers read every page model's ``api_fields`` when they are first
imported, so importing this module from the URLconf (after all apps are
loaded) is what makes our page types appear in the OpenAPI document.
``api.mount.register`` adds ``/news/``, ``/events/`` and ``/regions/`` with
typed schemas and filters to the same NinjaAPI instance, so they share v3's
problem-details errors and its OpenAPI document.
"""

from wagtail.api.v3.urls import api

from api.mount import register

register(api)

__all__ = ["api"]
