"""Template helpers for the public site's layout and page templates.

Kept apart from ``kumppanuus`` (date formatting shared with feeds and the API):
everything here answers a question a template has about the visitor's
language site, e.g. "where is the news listing in Swedish?".
"""

from urllib.parse import urlsplit

from django import template
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from home.models import HomePage
from regions.models import RegionPage

register = template.Library()

FILE_KINDS = {
    "pdf": "PDF",
    "doc": "Word",
    "docx": "Word",
    "odt": "ODT",
    "ppt": "PowerPoint",
    "pptx": "PowerPoint",
    "key": "Keynote",
    "xls": "Excel",
    "xlsx": "Excel",
    "csv": "CSV",
    "rtf": "RTF",
    "txt": "TXT",
    "zip": "ZIP",
}


def _home():
    return HomePage.objects.live().filter(locale=Locale.get_active()).first()


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
        for child in home.get_children().live().public().specific():
            key = {
                "NewsIndexPage": "news",
                "EventIndexPage": "events",
                "RegionIndexPage": "regions",
            }.get(type(child).__name__)
            if key and sections[key] is None:
                sections[key] = child
    if request is not None:
        request._site_sections = sections
    return sections


@register.simple_tag
def region_page(region):
    """The region's live, public page in the visitor's language (or None)."""
    return (
        RegionPage.objects.live().public().filter(region=region, locale=Locale.get_active()).first()
    )


@register.simple_tag
def regions_with_pages(regions):
    """(region, its live public page in the visitor's language or None), in one query."""
    regions = list(regions)
    pages = {
        page.region_id: page
        for page in RegionPage.objects.live()
        .public()
        .filter(region__in=regions, locale=Locale.get_active())
    }
    return [(region, pages.get(region.pk)) for region in regions]


@register.simple_tag
def visible_related(article):
    """Related pages a visitor may see: live and not view-restricted, in editor's order."""
    ids = [item.page_id for item in article.related_pages.all()]
    pages = Page.objects.live().public().in_bulk(ids)
    return [pages[pk] for pk in ids if pk in pages]


@register.filter
def tel_uri(phone):
    """A phone number as a tel: URI; Finnish numbers get +358 instead of the leading 0."""
    digits = "".join(ch for ch in phone or "" if ch.isdigit() or ch == "+")
    if digits.startswith("0"):
        digits = "+358" + digits[1:]
    return f"tel:{digits}" if digits else ""


@register.filter
def link_kind(url):
    """What a linked material is: its file type ("PDF") or the site it is on."""
    parts = urlsplit(url or "")
    extension = parts.path.rsplit(".", 1)[-1].lower() if "." in parts.path else ""
    if extension in FILE_KINDS:
        return FILE_KINDS[extension]
    host = parts.hostname or ""
    return _("verkkosivu, %(host)s") % {"host": host.removeprefix("www.")}


@register.filter
def file_kind(document):
    extension = (document.file_extension or "").lower()
    return FILE_KINDS.get(extension, extension.upper())


@register.filter
def display_url(url):
    """A URL as people read it aloud: "pksotu.fi" or "soste.fi/tapahtumat"."""
    parts = urlsplit(url or "")
    host = (parts.hostname or "").removeprefix("www.")
    return (host + parts.path).rstrip("/")
