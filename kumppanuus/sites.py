"""Wagtail's site root paths (what every page URL is built from) in one query.

``Site.get_site_root_paths()`` keeps its list in the shared cache; when the cache is
cold it reads the sites with their root pages, then each site's root page's
translations: two queries and a ``Page`` object per root page, about 2 ms of every
cold API response. ``site_root_paths`` reads the same list in one query of plain
rows and stores it where Wagtail looks for it (the same cache key and version), so
Wagtail's own calls find it too. ``tests/test_api_translations.py`` checks that both
give the same list.
"""

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from wagtail.models import Locale, Page, Site
from wagtail.models.sites import (
    SITE_ROOT_PATHS_CACHE_KEY,
    SITE_ROOT_PATHS_CACHE_VERSION,
    SiteRootPath,
)

#: Wagtail's timeout for the cached list.
TIMEOUT = 3600


def site_root_paths():
    """``Site.get_site_root_paths()``: most specific root path first, then the default
    site, then by hostname; with i18n, each root page's translations in tree order."""
    cached = cache.get(SITE_ROOT_PATHS_CACHE_KEY, version=SITE_ROOT_PATHS_CACHE_VERSION)
    if cached is not None:
        return [SiteRootPath(*values) for values in cached]
    sites, pages, locales = Site._meta.db_table, Page._meta.db_table, Locale._meta.db_table
    same = (
        "p.translation_key = r.translation_key"
        if getattr(settings, "WAGTAIL_I18N_ENABLED", False)
        else "p.id = r.id"
    )
    # Table names are Wagtail's own, never input.
    sql = (
        f"SELECT s.id, s.hostname, s.port, p.url_path, l.language_code "  # noqa: S608
        f"FROM {sites} s JOIN {pages} r ON r.id = s.root_page_id "
        f"JOIN {pages} p ON {same} JOIN {locales} l ON l.id = p.locale_id "
        "ORDER BY r.url_path DESC, s.is_default_site DESC, s.hostname, p.path"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        rows = cursor.fetchall()
    result = [
        SiteRootPath(site_id, url_path, Site(hostname=hostname, port=port).root_url, language)
        for site_id, hostname, port, url_path, language in rows
    ]
    cache.set(SITE_ROOT_PATHS_CACHE_KEY, result, TIMEOUT, version=SITE_ROOT_PATHS_CACHE_VERSION)
    return result


def prime(request):
    """Give ``request`` the site root paths Wagtail's URL methods look for on it
    (``Page._get_site_root_paths``), read with ``site_root_paths``."""
    if not hasattr(request, "_wagtail_cached_site_root_paths"):
        request._wagtail_cached_site_root_paths = site_root_paths()
