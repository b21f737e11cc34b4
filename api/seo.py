"""What a frontend puts in ``<head>``: title, description, canonical, alternates, JSON-LD.

The same values the HTML site renders (``base.html``, ``open_graph.html``,
``home.structured_data``), so a headless frontend and the reference site
describe a page identically to search engines and link previews.
"""

from home.structured_data import structured_data
from kumppanuus.localisation import alternates

from .images import PRESETS, rendition


def share_image(page):
    return getattr(page, "preview_image", None) or getattr(page, "image", None)


def serialize_seo(page, ctx):
    image = share_image(page)
    description = (
        page.search_description or getattr(page, "lead", "") or getattr(page, "intro", "") or ""
    )
    return {
        "title": page.seo_title or page.title,
        "seo_title": page.seo_title,
        "search_description": page.search_description,
        "description": description,
        "canonical_url": ctx.page_url(page),
        "alternates": [
            {"hreflang": code, "url": url} for code, url in alternates(ctx.request, page)
        ],
        "og_image": rendition(image, PRESETS["og"]) if image else None,
    }


def serialize_json_ld(page, ctx):
    return structured_data(page, ctx.request)
