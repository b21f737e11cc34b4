"""Template helpers for the public site's layout: where the visitor's language
site and its top-level listings are ("where is the news listing in Swedish?")."""

from django import template

from home.models import HomePage
from kumppanuus.language import current_language
from kumppanuus.listings import in_language, visible

register = template.Library()


def _home():
    return in_language(visible(HomePage.objects.all()), current_language()).first()


@register.simple_tag(takes_context=True)
def site_sections(context):
    """The active language's home page and its top-level listings, for the header.

    Cached on the request: the header and the 404 page's suggestions ask twice.
    """
    request = context.get("request")
    cached = getattr(request, "_site_sections", None)
    if cached is not None:
        return cached
    home = _home()
    sections = {"home": home, "news": None, "events": None, "regions": None}
    if home is not None:
        # Plain pages (the header needs only their URL and path): the type comes from
        # the content type, without one query per specific page type.
        for child in visible(home.get_children()):
            key = {
                "NewsIndexPage": "news",
                "EventIndexPage": "events",
                "RegionIndexPage": "regions",
            }.get(child.specific_class.__name__ if child.specific_class else "")
            if key and sections[key] is None:
                sections[key] = child
    if request is not None:
        request._site_sections = sections
    return sections
