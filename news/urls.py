"""Public URLs of the news app that are not pages (mounted inside i18n_patterns).

The keyword page's path is in the visitor's language (/fi/asiasanat/…,
/sv/amnesord/…, /en/keywords/…), chosen like the search page's path: a lazy
route resolved in the active language, independent of the message catalogues.
"""

from django.urls import path

from kumppanuus.language import localized

from . import views

KEYWORD_ROUTES = {
    "fi": "asiasanat/<str:slug>/",
    "sv": "amnesord/<str:slug>/",
    "en": "keywords/<str:slug>/",
}

app_name = "news"
urlpatterns = [
    path(localized(KEYWORD_ROUTES), views.keyword, name="keyword"),
]
