"""The visitor's language, worked out one way, and URL paths in each language."""

from django.conf import settings
from django.utils.functional import lazy
from django.utils.translation import get_language


def current_language(language=None):
    """A two-letter content language code: ``language`` if given, else the active one
    (``LANGUAGE_CODE`` outside a request). Every "which language is this?" asks here."""
    return (language or get_language() or settings.LANGUAGE_CODE)[:2].lower()


def localized(routes):
    """A URL route in the active language (``{"fi": "haku/", "sv": "sok/", ...}``).

    A lazy string resolved per request, which Django's resolver handles like a
    translated route without depending on the message catalogues.
    """

    def route():
        return routes.get(current_language(), routes["fi"])

    return lazy(route, str)()
