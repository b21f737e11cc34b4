"""Search URLs with a path in each language: /fi/haku/, /sv/sok/, /en/search/.

The route is a lazy string resolved in the active language
(``kumppanuus.language.localized``).
"""

from django.urls import path

from kumppanuus.language import localized

from . import views

app_name = "search"


SEARCH_ROUTES = {"fi": "haku/", "sv": "sok/", "en": "search/"}
AUTOCOMPLETE_ROUTES = {key: f"{value}ehdotukset/" for key, value in SEARCH_ROUTES.items()}
AUTOCOMPLETE_ROUTES.update(sv="sok/forslag/", en="search/suggest/")

urlpatterns = [
    path(localized(SEARCH_ROUTES), views.search, name="search"),
    path(localized(AUTOCOMPLETE_ROUTES), views.autocomplete, name="autocomplete"),
]
