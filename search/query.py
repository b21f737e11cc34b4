"""The one search code path: the public search page and the API's `search` parameter.

Contract (kept stable for callers):

    search_pages(query, *, language=None, queryset=None) -> sequence of specific pages

- ``query``: the visitor's text, untrusted (any length, any characters).
- ``language``: "fi", "sv" or "en"; only pages of that locale are searched
  (default: the active language).
- ``queryset``: an optional Page queryset to restrict the candidates (filters
  the caller has already applied); only live, public pages are ever returned.
- Returns a sequence supporting ``len()`` and slicing, best match first.
"""

from django.utils.translation import get_language
from wagtail.models import Locale, Page


def search_pages(query, *, language=None, queryset=None):
    language = (language or get_language() or "fi")[:2]
    query = (query or "").strip()[:500]
    if not query:
        return []
    pages = queryset if queryset is not None else Page.objects.all()
    locale = Locale.objects.filter(language_code=language).first()
    pages = pages.live().public()
    if locale is not None:
        pages = pages.filter(locale=locale)
    return list(pages.specific().search(query))
