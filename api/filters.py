"""Typed query parameters and how each narrows a queryset.

Each parameter is declared with its type so that it appears, typed and
described, in the OpenAPI document, and so that a malformed or impossible
value ("2024-02-30") is a 422 from Ninja's own validation. Values that need
the database to judge (an unknown region) are 422s from here, naming the
parameter. List parameters take repeated values (``?region=a&region=b``) or
comma-separated ones (``?region=a,b``).
"""

import datetime
from typing import Literal

from django.conf import settings
from django.db.models import Case, IntegerField, Min, Q, Value, When
from django.utils import timezone
from ninja import Field, Schema
from pydantic import field_validator
from wagtail.models import Locale, Page

from kumppanuus.listings import tagged
from news.models import Keyword
from regions.models import Region, RegionPage
from regions.querysets import in_regions
from search.query import search_pages

from .errors import invalid

LocaleCode = Literal[tuple(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES)]
EventFormat = Literal["online", "onsite", "hybrid"]


def _split(values):
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _utc(value):
    """``value`` in UTC (Helsinki time when it has no offset). PostgreSQL refuses
    offsets beyond ±15:59 that ISO 8601 allows, so none reaches the database."""
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    try:
        return value.astimezone(datetime.UTC)
    except OverflowError as error:
        raise ValueError("Date and time out of range.") from error


class CommonFilters(Schema):
    locale: LocaleCode | None = Field(None, description="Language of the pages: fi, sv or en.")
    search: str | None = Field(
        None,
        max_length=500,
        description="Full-text search with Finnish-aware analysis, best match first; "
        "searches the language given by `locale` (default fi).",
    )

    def apply_locale(self, queryset):
        if not self.locale:
            return queryset
        locale = Locale.objects.filter(language_code=self.locale).first()
        return queryset.filter(locale=locale) if locale else queryset.none()

    def apply_search(self, queryset):
        """Rank with ``search.query.search_pages`` among what the other filters left."""
        query = (self.search or "").strip()
        if not query:
            return queryset
        candidates = Page.objects.filter(pk__in=queryset.values("pk"))
        language = self.locale or settings.LANGUAGE_CODE
        ranked = [page.pk for page in search_pages(query, language=language, queryset=candidates)]
        order = Case(
            *(When(pk=pk, then=Value(i)) for i, pk in enumerate(ranked)),
            output_field=IntegerField(),
        )
        return queryset.filter(pk__in=ranked).order_by(order) if ranked else queryset.none()


class TaxonomyFilters(CommonFilters):
    keyword: list[str] = Field(
        [], description="Keyword slug or name (case-insensitive); repeat or comma-separate."
    )
    keyword_operator: Literal["and", "or"] = Field(
        "or", description="`or`: any of the keywords (default); `and`: all of them."
    )
    region: list[str] = Field(
        [], description="Region code (e.g. `pohjois-karjala`) or region page slug; any of them."
    )

    def keyword_ids(self, term):
        return list(
            Keyword.objects.filter(Q(slug__iexact=term) | Q(name__iexact=term)).values_list(
                "pk", flat=True
            )
        )

    def apply_keywords(self, queryset):
        terms = _split(self.keyword)
        if not terms:
            return queryset
        if self.keyword_operator == "and":
            for term in terms:
                queryset = tagged(queryset, self.keyword_ids(term))
            return queryset
        return tagged(queryset, [pk for term in terms for pk in self.keyword_ids(term)])

    def apply_regions(self, queryset):
        """About the region (its ``regions``) or published under the region's own page."""
        values = _split(self.region)
        if not values:
            return queryset
        regions = list(Region.objects.by_codes_or_slugs(values))
        known = {r.code for r in regions} | set(
            RegionPage.objects.filter(region__in=regions).values_list("slug", flat=True)
        )
        unknown = [value for value in values if value not in known]
        if unknown:
            raise invalid("region", f"Unknown region: {', '.join(unknown)}.")
        return in_regions(queryset, regions)


class NewsFilters(TaxonomyFilters):
    published_after: datetime.date | None = Field(
        None, description="Publication date on or after (YYYY-MM-DD)."
    )
    published_before: datetime.date | None = Field(
        None, description="Publication date on or before (YYYY-MM-DD)."
    )

    def apply(self, queryset):
        queryset = self.apply_locale(queryset)
        queryset = self.apply_keywords(queryset)
        queryset = self.apply_regions(queryset)
        if self.published_after:
            queryset = queryset.filter(date__gte=self.published_after)
        if self.published_before:
            queryset = queryset.filter(date__lte=self.published_before)
        if self.published_after and self.published_before:
            if self.published_after > self.published_before:
                raise invalid("published_before", "published_before is before published_after.")
        queryset = queryset.order_by("-date", "-first_published_at", "-pk")
        return self.apply_search(queryset)


class EventFilters(TaxonomyFilters):
    starts_after: datetime.datetime | None = Field(
        None,
        description="The event's first session starts at or after this (ISO 8601 date or "
        "datetime; without an offset, Helsinki time).",
    )
    ends_before: datetime.datetime | None = Field(
        None, description="The event's last session ends at or before this (ISO 8601)."
    )
    upcoming: bool | None = Field(
        None,
        description="`true`: events with sessions not yet ended, ordered by their next "
        "session; `false`: past events, latest first.",
    )
    format: list[EventFormat] = Field([], description="online, onsite or hybrid; any of them.")

    @field_validator("starts_after", "ends_before")
    @classmethod
    def in_utc(cls, value):
        return None if value is None else _utc(value)

    def apply(self, queryset):
        queryset = self.apply_locale(queryset)
        queryset = self.apply_keywords(queryset)
        queryset = self.apply_regions(queryset)
        if self.starts_after:
            queryset = queryset.filter(starts_at__gte=self.starts_after)
        if self.ends_before:
            queryset = queryset.filter(ends_at__lte=self.ends_before)
        if self.format:
            queryset = queryset.filter(format__in=self.format)
        now = timezone.now()
        if self.upcoming:
            queryset = (
                queryset.filter(ends_at__gte=now)
                .annotate(next_start=Min("sessions__start", filter=Q(sessions__end__gte=now)))
                .order_by("next_start", "pk")
            )
        elif self.upcoming is False:
            queryset = queryset.filter(ends_at__lt=now).order_by("-starts_at", "-pk")
        else:
            queryset = queryset.order_by("starts_at", "pk")
        return self.apply_search(queryset)


class RegionFilters(CommonFilters):
    def apply(self, queryset):
        queryset = self.apply_locale(queryset).order_by("region__sort_order", "pk")
        return self.apply_search(queryset)
