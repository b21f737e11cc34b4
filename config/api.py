"""Wagtail's API v3 (django-ninja) as this site mounts it.

The page routers read every page model's ``api_fields`` when they are first
imported, so importing this module from the URLconf (after all apps are
loaded) is what makes our page types appear in the OpenAPI document.
"""

from wagtail.api.v3.urls import api

__all__ = ["api"]
