"""Which translations of a page a visitor may see, and where the language switcher goes.

A translation counts only when a visitor may see it (``kumppanuus.listings.visible``:
live, public, unexpired) and it is a real one, not an alias (an alias would show
the Finnish text under /sv/ or /en/). When a page has no such translation, the
switcher goes to the nearest ancestor that has one and says so (``?untranslated=1``
shows a short notice there) rather than sending the visitor to a 404.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from wagtail.models import Page

from kumppanuus.language import current_language
from kumppanuus.visibility import request_memo, translations_for

# Each language's name in that language: a visitor looks for their own.
LANGUAGE_NAMES = {"fi": "Suomeksi", "sv": "På svenska", "en": "In English"}
UNTRANSLATED_PARAM = "untranslated"


def content_languages():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def visible_translations(pages):
    """{(translation_key, language): page} for the visible versions of ``pages`` (each a
    ``kumppanuus.visibility.PageLink``: its URL, not the whole page).

    Within a request, translation keys already looked up (the hreflang links, then
    the language switcher, or an API detail's translations) are not read again."""
    return {
        (key, link.language_code): link
        for key, links in translations_for(pages).items()
        for link in links
        if link.alias_of_id is None
    }


def ancestors_of(page):
    """``page`` and its ancestors below the root, nearest first (read once per request)."""
    memo = request_memo()
    key = ("ancestors", page.pk)
    if memo is not None and key in memo:
        return memo[key]
    ancestors = list(page.get_ancestors(inclusive=True).filter(depth__gt=1).reverse())
    if memo is not None:
        memo[key] = ancestors
    return ancestors


def page_translations(page):
    """{language: page} for each language in which ``page`` can be read (itself included)."""
    found = visible_translations([page])
    return {
        language: found[(page.translation_key, language)]
        for language in content_languages()
        if (page.translation_key, language) in found
    }


@dataclass
class LanguageLink:
    code: str
    name: str
    url: str
    current: bool = False
    fallback: bool = False  # the page itself is not translated: an ancestor is linked


def switcher_links(request, page=None):
    """One link per content language: the same page, or its nearest translated ancestor."""
    current = current_language()
    links = []
    if page is None or not isinstance(page, Page):
        # A view that is not a page (search, listings of a router): same path, other prefix.
        for code in content_languages():
            url = translate_url(request.get_full_path(), code)
            links.append(LanguageLink(code, LANGUAGE_NAMES.get(code, code), url, code == current))
        return links

    ancestors = ancestors_of(page)
    found = visible_translations(ancestors)
    for code in content_languages():
        if code == current:
            links.append(
                LanguageLink(code, LANGUAGE_NAMES.get(code, code), page.get_url(request), True)
            )
            continue
        target, fallback = None, False
        for depth_index, ancestor in enumerate(ancestors):
            target = found.get((ancestor.translation_key, code))
            if target is not None:
                fallback = depth_index > 0
                break
        if target is None:
            url = f"/{code}/"
            fallback = True
        else:
            url = target.get_url(request)
        if fallback:
            url += f"?{UNTRANSLATED_PARAM}=1"
        links.append(LanguageLink(code, LANGUAGE_NAMES.get(code, code), url, False, fallback))
    return links


def alternates(request, page=None, switcher_follows=False):
    """(hreflang, absolute URL) pairs for every visible translation, plus x-default (Finnish)."""
    if page is None or not isinstance(page, Page):
        pairs = [
            (code, request.build_absolute_uri(translate_url(request.path, code)))
            for code in content_languages()
        ]
    else:
        if switcher_follows and request_memo() is not None and page.pk:
            # The language switcher of this HTML page asks for the ancestors' translations
            # next: read them in the same query as the page's own.
            visible_translations(ancestors_of(page))
        pairs = [
            (code, translation.get_full_url(request))
            for code, translation in page_translations(page).items()
        ]
    default = dict(pairs).get(settings.LANGUAGE_CODE)
    if default and len(pairs) > 1:
        pairs.append(("x-default", default))
    return pairs
