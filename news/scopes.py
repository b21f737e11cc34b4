"""Which news and events a feed or calendar covers: a language, a region, a keyword.

Shared by the RSS/Atom feeds, the iCalendar files and the feed autodiscovery
links, so that a subscriber gets exactly what the page advertising the feed
shows. Only visible pages (``kumppanuus.visibility.visible``) are ever included,
and region and keyword mean what they mean on every surface (``kumppanuus.listings``).
"""

from dataclasses import dataclass

from django.http import Http404

from kumppanuus.listings import in_language, tagged
from news.models import Keyword
from regions.models import Region
from regions.querysets import in_regions


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
            scope.keyword = Keyword.objects.filter(slug=keyword).first()
            if scope.keyword is None:
                raise Http404("Unknown keyword")
        return scope

    def apply(self, queryset):
        if self.language:
            queryset = in_language(queryset, self.language)
        if self.region is not None:
            queryset = in_regions(queryset, [self.region])
        if self.keyword is not None:
            queryset = tagged(queryset, [self.keyword.pk])
        return queryset
