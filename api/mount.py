"""Mount our typed routers and fixes on Wagtail's v3 NinjaAPI instance."""

from . import openapi, pages_visibility, query_guard
from .routers import events_router, news_router, regions_router


def register(api):
    """Mount the news, events and regions routers on ``api``."""
    openapi.install(api)
    pages_visibility.install()
    query_guard.install(api)

    api.add_router("/news/", news_router)
    api.add_router("/events/", events_router)
    api.add_router("/regions/", regions_router)
