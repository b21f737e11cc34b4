"""Template filters and tags every app's templates use: dates in the visitor's
language, phone and link helpers, related pages a visitor may see, and links
with code-running schemes neutralised (``safe_url``, ``safe_links``)."""

from urllib.parse import urlsplit

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from kumppanuus import formatting
from kumppanuus.language import current_language
from kumppanuus.listings import prefetched, visible
from kumppanuus.safe_links import neutralise_links
from kumppanuus.safe_links import safe_url as neutralised_url

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


@register.filter
def local_date(value):
    return formatting.format_date(value)


@register.simple_tag
def session_time(start, end=None):
    return formatting.format_datetime_range(start, end)


@register.simple_tag
def date_span(start, end=None):
    return formatting.format_date_span(start, end)


@register.simple_tag
def visible_related(article):
    """Related pages a visitor may see (live, public, unexpired), in editor's order."""
    ids = [item.page_id for item in prefetched(article, "related_pages")]
    pages = visible(Page.objects.all()).in_bulk(ids)
    return [pages[pk] for pk in ids if pk in pages]


@register.filter
def safe_url(url):
    """A URL field's value, or "" when it is a ``javascript:``/``data:``/``vbscript:`` link."""
    return neutralised_url(url)


@register.filter(is_safe=True)
def safe_links(markup):
    """Rendered rich text with every code-running link attribute removed."""
    return mark_safe(neutralise_links(str(markup)))  # noqa: S308 (rendered rich text)


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


@register.simple_tag(takes_context=True)
def language_home(context):
    """The home page of the visitor's language (the site's root page in the active
    locale), or None when that language has no live home page."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return None
    home = site.root_page.localized
    if not home.live or home.locale.language_code != current_language():
        return None
    return home
