"""Typed query parameters and how each narrows a queryset.

Each parameter is declared with its type so that it appears, typed and
described, in the OpenAPI document, and so that a malformed or impossible
value ("2024-02-30") is a 422 from Ninja's own validation. Values that need
the database to judge (an unknown region) are 422s from here, naming the
parameter. List parameters take repeated values (``?region=a&region=b``) or
comma-separated ones (``?region=a,b``).
"""

import datetime
from typing import Annotated, ClassVar, Literal

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import connection
from django.db.models import BigIntegerField, Case, F, Func, IntegerField, Min, Q, Value, When
from django.utils import timezone
from ninja import Field, Schema
from pydantic import AfterValidator, PrivateAttr
from wagtail.models import Page

from kumppanuus.listings import tagged
from news.models import EventSession, Keyword, listing_keys
from regions.models import Region, RegionPage
from regions.querysets import in_regions
from search.engine import engine
from search.filters import keyword_page_ids, region_page_ids, within_all
from search.query import search_pages

from .errors import invalid


def _in_range(value):
    """Years the database and time zone arithmetic handle (0001-01-01 in Helsinki is
    before year 1 in UTC)."""
    if not 1900 <= value.year <= 9000:
        raise ValueError("Year out of range (1900–9000).")
    return value


def aware(value):
    """``value`` in UTC (Helsinki time when it has no offset). PostgreSQL refuses
    offsets beyond ±15:59 that ISO 8601 allows, so none reaches the database."""
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    try:
        return value.astimezone(datetime.UTC)
    except OverflowError as error:
        raise ValueError("Date and time out of range.") from error


#: A date or datetime parameter: ISO 8601, a year between 1900 and 9000; datetimes
#: come out in UTC.
Day = Annotated[datetime.date, AfterValidator(_in_range)]
Moment = Annotated[datetime.datetime, AfterValidator(_in_range), AfterValidator(aware)]

LocaleCode = Literal[tuple(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES)]
EventFormat = Literal["online", "onsite", "hybrid"]
PageOrder = Literal["date", "-date", "title", "-title", "last_published_at", "-last_published_at"]
RegionOrder = Literal["title", "-title", "last_published_at", "-last_published_at"]


def _split(values):
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


class CommonFilters(Schema):
    locale: LocaleCode | None = Field(None, description="Language of the pages: fi, sv or en.")
    updated_after: Moment | None = Field(
        None,
        description="Published (or republished) at or after this (ISO 8601; without an "
        "offset, Helsinki time). For incremental syncs; see also `/api/v3/changes/`.",
    )
    search: str | None = Field(
        None,
        max_length=500,
        description="Full-text search with Finnish-aware analysis, best match first; "
        "searches the language given by `locale` (default fi).",
    )
    #: with ``search``: how many pages matched (every ranked id passed the other
    #: filters), so the list needs no COUNT query of its own
    _matched: int | None = PrivateAttr(None)
    #: (kind, ids) of the keyword and region filters applied: they bound the pages a
    #: search reads first (``search.filters.keyword_page_ids`` / ``region_page_ids``)
    _bounds: list = PrivateAttr(default_factory=list)

    def matched(self):
        """The number of pages ``search`` matched, or None without a search."""
        return self._matched

    #: what ``order=date`` sorts by
    date_field: ClassVar[str] = "date"

    def keyset(self):
        """Ordering keys for a ``cursor`` (None: ``next`` pages with ``offset``)."""
        return None

    def skip_keys(self):
        """A narrower source of the same rows' ordering keys for an ``offset`` to skip
        through (``kumppanuus.pagination.rows_from``), or None: the list itself."""
        return None

    def apply_common(self, queryset):
        if self.updated_after:
            queryset = queryset.filter(last_published_at__gte=aware(self.updated_after))
        if not self.locale:
            return queryset
        # A join on the (unique) language code, not a look-up query of its own.
        return queryset.filter(locale__language_code=self.locale)

    def apply_order(self, queryset):
        """An explicit ``order`` wins over the default (and over search relevance)."""
        order = getattr(self, "order", None)
        if not order:
            return queryset
        descending = order.startswith("-")
        name = order.lstrip("-")
        name = self.date_field if name == "date" else name
        return queryset.order_by(f"{'-' if descending else ''}{name}", "pk")

    def apply_search(self, queryset):
        """Rank with ``search.query.search_pages`` among what the other filters left."""
        query = (self.search or "").strip()
        if not query:
            return queryset
        candidates = Page.objects.filter(pk__in=queryset.values("pk"))
        language = self.locale or settings.LANGUAGE_CODE
        # Ids only, ranked and cut in SQL (at most search.engine.MAX_RESULTS): one query.
        ranked = search_pages(
            query, language=language, queryset=candidates, within=self.within_ids()
        ).page_ids
        # Every ranked id is among the candidates: their number is the list's count.
        self._matched = len(set(ranked))
        if not ranked:
            return queryset.none()
        return queryset.filter(pk__in=ranked).order_by(rank_order(ranked))

    def within_ids(self):
        """Ids bounding a search narrowed by keywords or regions (their pages, read
        first by the search, as on the search page), or None: no such filter, one
        covering too many pages, or an engine that reads no ids first (SQLite)."""
        cap = engine().within_max
        if not cap or not self._bounds:
            return None
        bounds = {"keyword": keyword_page_ids, "region": region_page_ids}
        return within_all([bounds[kind](ids, cap) for kind, ids in self._bounds])


def rank_order(ranked):
    """An ORDER BY expression putting rows in the order of the ``ranked`` ids."""
    if connection.vendor == "postgresql":
        return Func(
            Value(ranked, output_field=ArrayField(BigIntegerField())),
            F("pk"),
            function="array_position",
            output_field=IntegerField(),
        )
    return Case(
        *(When(pk=pk, then=Value(i)) for i, pk in enumerate(ranked)),
        output_field=IntegerField(),
    )


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
                ids = self.keyword_ids(term)
                self._bounds.append(("keyword", ids))
                queryset = tagged(queryset, ids)
            return queryset
        ids = [pk for term in terms for pk in self.keyword_ids(term)]
        self._bounds.append(("keyword", ids))
        return tagged(queryset, ids)

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
        self._bounds.append(("region", [region.pk for region in regions]))
        return in_regions(queryset, regions)


class NewsFilters(TaxonomyFilters):
    published_after: Day | None = Field(
        None, description="Publication date on or after (YYYY-MM-DD)."
    )
    published_before: Day | None = Field(
        None, description="Publication date on or before (YYYY-MM-DD)."
    )
    order: PageOrder | None = Field(
        None,
        description="`date` (publication date), `title` or `last_published_at`; "
        "`-` for descending. Default: newest first (best match first with `search`).",
    )

    def apply(self, queryset):
        queryset = self.apply_common(queryset)
        queryset = self.apply_keywords(queryset)
        queryset = self.apply_regions(queryset)
        if self.published_after:
            queryset = queryset.filter(date__gte=self.published_after)
        if self.published_before:
            queryset = queryset.filter(date__lte=self.published_before)
        if self.published_after and self.published_before:
            if self.published_after > self.published_before:
                raise invalid("published_before", "published_before is before published_after.")
        queryset = queryset.order_by(*self.DEFAULT_ORDER)
        return self.apply_order(self.apply_search(queryset))

    #: newest first; unique keys read from ``news_article_date_id``
    DEFAULT_ORDER: ClassVar[tuple[str, ...]] = ("-date", "-pk")

    def keyset(self):
        """The ordering keys when the default order applies (a cursor can follow it)."""
        if self.order or (self.search or "").strip():
            return None
        return self.DEFAULT_ORDER

    #: the filters the listing mirror can apply itself (``news.models.listing``)
    MIRRORED: ClassVar[frozenset[str]] = frozenset(
        {"locale", "published_after", "published_before", "keyword_operator"}
    )

    def skip_keys(self):
        """In the default order, filtered by nothing but language and dates, an offset
        skips through the listing mirror: its one index holds the keys and every
        visibility column (the 5,000th item without a probe of the page table per
        item skipped). Any other filter given: None, the list itself."""
        if self.keyset() is None:
            return None
        given = {name for name in type(self).model_fields if getattr(self, name)}
        if given - self.MIRRORED:
            return None
        rows = listing_keys(language=self.locale)
        if rows is None:
            return None
        if self.published_after:
            rows = rows.filter(date__gte=self.published_after)
        if self.published_before:
            rows = rows.filter(date__lte=self.published_before)
        return rows


def session_overlap(start, end):
    """Sessions that run at any moment in [start, end) (either end may be open)."""
    query = Q()
    if start is not None:
        query &= Q(end__gt=start)
    if end is not None:
        query &= Q(start__lt=end)
    return query


class OverlapFilters(Schema):
    on: Day | None = Field(
        None, description="A session runs at some time on this day (Helsinki time)."
    )
    overlaps_from: Moment | None = Field(
        None,
        description="A session runs at some time at or after this (ISO 8601; a date means "
        "its start, 00:00 Helsinki time).",
    )
    overlaps_to: Moment | None = Field(
        None, description="A session runs at some time before this (ISO 8601)."
    )

    def window(self):
        """(start, end) of the time window asked for, or None."""
        if self.on and (self.overlaps_from or self.overlaps_to):
            raise invalid("on", "Use either `on` or `overlaps_from`/`overlaps_to`.")
        if self.on:
            start = timezone.make_aware(datetime.datetime.combine(self.on, datetime.time()))
            return start, timezone.make_aware(
                datetime.datetime.combine(self.on + datetime.timedelta(days=1), datetime.time())
            )
        start = aware(self.overlaps_from) if self.overlaps_from else None
        end = aware(self.overlaps_to) if self.overlaps_to else None
        if start and end and end <= start:
            raise invalid("overlaps_to", "overlaps_to is not after overlaps_from.")
        return (start, end) if start or end else None


class EventFilters(OverlapFilters, TaxonomyFilters):
    starts_after: Moment | None = Field(
        None,
        description="The event's first session starts at or after this (ISO 8601 date or "
        "datetime; without an offset, Helsinki time).",
    )
    ends_before: Moment | None = Field(
        None, description="The event's last session ends at or before this (ISO 8601)."
    )
    upcoming: bool | None = Field(
        None,
        description="`true`: events with sessions not yet ended, ordered by their next "
        "session; `false`: past events, latest first.",
    )
    format: list[EventFormat] = Field([], description="online, onsite or hybrid; any of them.")
    order: PageOrder | None = Field(
        None,
        description="`date` (first session), `title` or `last_published_at`; `-` for "
        "descending. Default: by first session (next session with `upcoming=true`).",
    )

    date_field: ClassVar[str] = "starts_at"

    #: past events, latest first; unique keys read from ``news_event_starts_id``
    PAST_ORDER: ClassVar[tuple[str, ...]] = ("-starts_at", "-pk")

    def keyset(self):
        """Past events (``upcoming=false``) in their own order page like news: ``next``
        carries a cursor and an offset skips narrowly (``rows_from``), so the archive's
        far pages cost what its first does. Upcoming events sort by their next session
        (an aggregate, no index) and the default order meets events without sessions
        (no start to continue after): those page by offset."""
        if self.upcoming is not False or self.order or (self.search or "").strip():
            return None
        return self.PAST_ORDER

    def apply(self, queryset):
        queryset = self.apply_common(queryset)
        queryset = self.apply_keywords(queryset)
        queryset = self.apply_regions(queryset)
        window = self.window()
        if window:
            sessions = EventSession.objects.filter(session_overlap(*window))
            queryset = queryset.filter(pk__in=sessions.values("event_id"))
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
            queryset = queryset.filter(ends_at__lt=now).order_by(*self.PAST_ORDER)
        else:
            queryset = queryset.order_by("starts_at", "pk")
        return self.apply_order(self.apply_search(queryset))


class RegionFilters(CommonFilters):
    order: RegionOrder | None = Field(
        None, description="`title` or `last_published_at`; default: the official order."
    )

    def apply(self, queryset):
        queryset = self.apply_common(queryset).order_by("region__sort_order", "pk")
        return self.apply_order(self.apply_search(queryset))


class SessionFilters(OverlapFilters, TaxonomyFilters):
    format: list[EventFormat] = Field(
        [], description="The event's format: online, onsite or hybrid; any of them."
    )
    city: list[str] = Field(
        [],
        description="The session's place: its city or name (case-insensitive), or a word of "
        "its venue; any of them.",
    )
    upcoming: bool | None = Field(
        None,
        description="`true`: sessions not yet ended, soonest first; `false`: ended ones, "
        "latest first. Default: every session, by start.",
    )

    def apply(self, events, sessions):
        """Sessions of the ``events`` that pass the event filters, then the session filters."""
        events = self.apply_regions(self.apply_keywords(self.apply_common(events)))
        if self.format:
            events = events.filter(format__in=self.format)
        events = self.apply_search(events)
        sessions = sessions.filter(event__in=events.values("pk"))
        window = self.window()
        if window:
            sessions = sessions.filter(session_overlap(*window))
        places = Q()
        for city in _split(self.city):
            places |= Q(title__iexact=city) | Q(venue__icontains=city)
        sessions = sessions.filter(places)
        now = timezone.now()
        if self.upcoming:
            return sessions.filter(end__gte=now).order_by("start", "pk")
        if self.upcoming is False:
            return sessions.filter(end__lt=now).order_by("-start", "-pk")
        return sessions.order_by("start", "pk")
