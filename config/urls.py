from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from config.api import api
from config.hardening import robots_txt
from home.sitemap import sitemap

urlpatterns = [
    path("django-admin/", admin.site.urls),
    # Before Wagtail's own: the page create view that survives autosave racing the submit.
    path("admin/", include("editorial.create_view")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v3/", api.urls),
    path("feeds/", include("news.feed_urls")),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
]

# A database that cannot be reached answers 503 with Retry-After, never a 500.
handler500 = "config.hardening.server_error"

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Public pages live under a language prefix (/fi/, /sv/, /en/); LocaleMiddleware
# sends "/" to the best match of Accept-Language, Finnish when nothing matches.
urlpatterns += i18n_patterns(
    path("", include("search.urls")),
    path("", include("news.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
