"""The typed read API for news, events and regions, added to Wagtail's API v3.

Wagtail's own ``/api/v3/pages/`` router serves every page type generically;
these routers add what its consumers ask for and it lacks: typed response
schemas per content type, range and taxonomy filters, Finnish-aware search,
translations with URLs, and image renditions. ``register(api)`` mounts them
on the NinjaAPI instance (see ``config/api.py``).
"""


def register(api):
    """Mount the news, events and regions routers on ``api``."""
    from . import openapi, pages_visibility
    from .routers import events_router, news_router, regions_router

    openapi.install(api)
    pages_visibility.install()

    api.add_router("/news/", news_router)
    api.add_router("/events/", events_router)
    api.add_router("/regions/", regions_router)
