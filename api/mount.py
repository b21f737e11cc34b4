"""Mount our typed routers and fixes on Wagtail's v3 NinjaAPI instance."""

from . import changes, openapi, pages_visibility, preview, query_guard, resolve, sessions
from .routers import events_router, news_router, regions_router


def register(api):
    """Mount the typed routers (news, events, sessions, regions, resolve, changes, preview
    tokens) on ``api``."""
    openapi.install(api)
    pages_visibility.install()
    query_guard.install(api)

    api.add_router("/news/", news_router)
    api.add_router("/events/", events_router)
    api.add_router("/sessions/", sessions.router)
    api.add_router("/regions/", regions_router)
    api.add_router("/resolve/", resolve.router)
    api.add_router("/changes/", changes.router)
    api.add_router("/preview-tokens/", preview.router)
