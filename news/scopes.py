"""Which news and events a feed or calendar covers: a language, a region, a keyword.

Shared by the RSS/Atom feeds, the iCalendar files and the feed autodiscovery
links, so that a subscriber gets exactly what the page advertising the feed
shows. Only visible pages (``kumppanuus.visibility.visible``) are ever included.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.http import Http404
from wagtail.models import Locale

from news.models import Keyword
from regions.models import Region, RegionPage


@dataclass
class Scope:
    language: str | None = None
    region: Region | None = None
    keyword: Keyword | None = None

    @classmethod
    def resolve(cls, language=None, region=None, keyword=None):
        """Look up the URL's parts; an unknown region or keyword is a 404."""
        scope = cls(language=language)
        if region is not None:
            scope.region = Region.objects.by_codes_or_slugs([region]).first()
            if scope.region is None:
                raise Http404("Unknown region")
        if keyword is not None:
            scope.keyword = Keyword.objects.find_public(keyword, language)
            if scope.keyword is None:
                raise Http404("Unknown keyword")
        return scope

    def apply(self, queryset):
        if self.language:
            locale = Locale.objects.filter(language_code=self.language).first()
            queryset = queryset.filter(locale=locale) if locale else queryset.none()
        if self.region is not None:
            inside = Q()
            region_pages = RegionPage.objects.filter(region=self.region)
            for path in region_pages.values_list("path", flat=True):
                inside |= Q(path__startswith=path)
            model = queryset.model
            about = model.objects.filter(Q(regions=self.region) | inside).values("pk")
            queryset = queryset.filter(pk__in=about)
        if self.keyword is not None:
            queryset = queryset.filter(
                pk__in=queryset.model.objects.filter(keywords=self.keyword).values("pk")
            )
        return queryset
