"""``/sitemap.xml``: every visible page of every language, with hreflang alternates.

Wagtail's own sitemap lists the default site's root page and its
descendants, which misses the other languages' trees (their home pages are
translations of the root, not its descendants). This one lists every
visible page under the root page or any of its translations and adds an
``xhtml:link rel="alternate" hreflang`` for every visible translation of
each page (itself included, as search engines ask), plus ``x-default``
pointing at the Finnish version.
"""

from django.conf import settings
from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from kumppanuus.visibility import visible


class TranslatedSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        roots = Page.objects.filter(translation_key=root.translation_key)
        inside = Q()
        for path in roots.values_list("path", flat=True):
            inside |= Q(path__startswith=path)
        return visible(Page.objects.filter(inside)).order_by("path").select_related("locale")

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        translations = {}
        keys = {p.translation_key for p in pages}
        for other in self.items().filter(translation_key__in=keys):
            translations.setdefault(other.translation_key, []).append(other)
        urls = []
        for item in pages:
            location = item.get_full_url(self.request)
            if not location:
                continue
            alternates = [
                {
                    "lang_code": other.locale.language_code,
                    "location": other.get_full_url(self.request),
                }
                for other in translations.get(item.translation_key, [])
            ]
            default = next(
                (a for a in alternates if a["lang_code"] == settings.LANGUAGE_CODE), None
            )
            if len(alternates) > 1 and default is not None:
                alternates.append({"lang_code": "x-default", "location": default["location"]})
            urls.append(
                {
                    "item": item,
                    "location": location,
                    "lastmod": item.last_published_at,
                    "alternates": alternates if len(alternates) > 1 else [],
                }
            )
        return urls


def sitemap(request):
    return django_sitemap(request, sitemaps={"pages": TranslatedSitemap(request)})
