"""Search URLs with a path in each language: /fi/haku/, /sv/sok/, /en/search/.

The route is a lazy string resolved in the active language, which Django's
URL resolver handles like a translated route, without depending on the
message catalogues.
"""

from django.urls import path
from django.utils.functional import lazy
from django.utils.translation import get_language

from . import views

app_name = "search"


def localized(routes):
    def route():
        return routes.get((get_language() or "fi")[:2], routes["fi"])

    return lazy(route, str)()


SEARCH_ROUTES = {"fi": "haku/", "sv": "sok/", "en": "search/"}
AUTOCOMPLETE_ROUTES = {key: f"{value}ehdotukset/" for key, value in SEARCH_ROUTES.items()}
AUTOCOMPLETE_ROUTES.update(sv="sok/forslag/", en="search/suggest/")

urlpatterns = [
    path(localized(SEARCH_ROUTES), views.search, name="search"),
    path(localized(AUTOCOMPLETE_ROUTES), views.autocomplete, name="autocomplete"),
]
