"""URL fields in Wagtail's own ``/api/v3/pages/`` come out neutralised too.

v3 builds each page type's read schema from its ``api_fields`` when the pages
router is first imported; URL fields get a plain string there, so a
``javascript:`` link stored by an import would be served as-is. Registering a
schema for ``URLField`` on v3's read-schema generator (its extension point)
passes every URL field, the event's and its sessions' registration links and a
region's network and cooperation links, through ``kumppanuus.safe_links``.

It must run before the router is imported: from ``ApiConfig.ready()``; the
``api`` app comes before ``wagtail.images``, whose ``ready()`` imports the API.
"""

import sys

from django.core.exceptions import ImproperlyConfigured
from django.db.models import URLField
from wagtail.api.v3.schemas.generators.read import read_generator

from kumppanuus.safe_links import safe_url

PAGES_ROUTER = "wagtail.api.v3.routers.pages"


def url_field_schema(generator, field):
    name = field.name

    def resolve(obj):
        value = getattr(obj, name)
        return None if value is None else safe_url(value)

    if field.null:
        return str | None, None, staticmethod(resolve)
    return str, "", staticmethod(resolve)


def install():
    if PAGES_ROUTER in sys.modules:
        raise ImproperlyConfigured(
            "api.safe_fields must be installed before Wagtail's v3 pages router is imported: "
            "list 'api' before 'wagtail.images' in INSTALLED_APPS."
        )
    read_generator.register_field_schema(URLField, url_field_schema)
