from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

# Paths outside i18n_patterns: a 404 there is a real 404, not a missing language prefix.
UNPREFIXED_PATHS = ("/api/", "/admin/", "/django-admin/", "/documents/", "/static/", "/media/")


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, minus the 404 → /fi/... redirect for non-page URLs.

    Wagtail's catch-all page route makes every path "valid" under a language
    prefix, so Django would answer a missing API object with a redirect to
    /fi/api/... instead of the 404 an API consumer expects.
    """

    def process_response(self, request, response):
        if request.path_info.startswith(UNPREFIXED_PATHS + tuple(_extra_paths())):
            return response
        return super().process_response(request, response)


def _extra_paths():
    return getattr(settings, "UNPREFIXED_PATHS", ())
