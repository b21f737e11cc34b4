"""The typed read API for news, events and regions, added to Wagtail's API v3.

Wagtail's own ``/api/v3/pages/`` router serves every page type generically;
these routers add what its consumers ask for and it lacks: typed response
schemas per content type, range and taxonomy filters, Finnish-aware search,
translations with URLs, and image renditions. ``register(api)`` mounts them
on the NinjaAPI instance (``api.mount``, called from ``config/api.py``).
"""
