"""The news and events listings (``NewsIndexPage``, ``EventIndexPage``).

A listing under the home page shows its language's whole site, one under a
region page only what is published there; both filter by keyword, region and
(news) year with ``news.filters.ListingFilterForm``.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page

from kumppanuus.listings import visible
from kumppanuus.pagination import paginate, with_filter_status
from news.filters import ListingFilterForm

from .articles import NewsArticlePage
from .events import EventPage
from .keywords import Keyword
from .listing import listing_keys

#: Listing orders: unique keys read straight from an index (``news.migrations.0005``),
#: so that a page and the cursor of the next one (``kumppanuus.pagination``) need no sort.
ARTICLE_ORDER = ("-date", "-pk")
PAST_EVENT_ORDER = ("-starts_at", "-pk")


class NewsIndexPage(Page):
    """The news listing: nationally under the home page, or under a region."""

    intro = models.TextField(_("johdanto"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    api_fields = [APIField("intro")]

    parent_page_types = ["home.HomePage", "regions.RegionPage"]
    subpage_types = ["news.NewsArticlePage"]
    per_page = 10

    class Meta:
        verbose_name = _("uutislistaus")
        verbose_name_plural = _("uutislistaukset")

    def listing_scope(self):
        """The national listing (child of the home page) shows the whole site's news
        in its language; a region's listing shows what lives under it."""
        parent = self.get_parent()
        return parent if parent.specific_class.__name__ == "HomePage" else self

    def get_articles(self):
        # Only what a card shows (news/includes/article_card.html): no author, keywords
        # or regions to load per page of the listing.
        return visible(NewsArticlePage.objects.descendant_of(self.listing_scope())).order_by(
            *ARTICLE_ORDER
        )

    def filter_form(self, request, articles):
        years = publication_years(articles)
        return ListingFilterForm(
            request.GET, keywords=Keyword.in_use(articles, "article_items"), years=years
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = self.get_articles()
        form = self.filter_form(request, articles)
        if form.is_valid():
            articles = form.apply(articles)
        else:
            request.listing_filter_invalid = True
        context["filter_form"] = form
        context["articles"] = paginate(
            request, articles, self.per_page, keys=ARTICLE_ORDER, skip=self.skip_keys(form)
        )
        return context

    def skip_keys(self, form):
        """Where a typed page number finds the keys of the row before its page: the
        listing mirror (``news.models.listing``) when every filter given can be read
        there (none, or the year), else None (the articles themselves: a keyword or
        region is not in the mirror). Without a valid form the list is unfiltered."""
        data = form.cleaned_data if form.is_valid() else {}
        if any(value for name, value in data.items() if name != "vuosi"):
            return None
        rows = listing_keys(self.listing_scope())
        if rows is not None and data.get("vuosi"):
            rows = rows.filter(date__year=int(data["vuosi"]))
        return rows

    def serve(self, request, *args, **kwargs):
        return with_filter_status(request, super().serve(request, *args, **kwargs))


class EventIndexPage(Page):
    """The events listing: upcoming first, past events as an archive."""

    intro = models.TextField(_("johdanto"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    api_fields = [APIField("intro")]

    parent_page_types = ["home.HomePage", "regions.RegionPage"]
    subpage_types = ["news.EventPage"]
    per_page = 20

    class Meta:
        verbose_name = _("tapahtumalistaus")
        verbose_name_plural = _("tapahtumalistaukset")

    listing_scope = NewsIndexPage.listing_scope

    def get_events(self):
        # A card shows the next session (news/includes/event_card.html), nothing else related.
        return visible(EventPage.objects.descendant_of(self.listing_scope())).prefetch_related(
            "sessions"
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        events = self.get_events()
        form = ListingFilterForm(request.GET, keywords=Keyword.in_use(events, "event_items"))
        if form.is_valid():
            events = form.apply(events)
        else:
            request.listing_filter_invalid = True
        context["filter_form"] = form
        context["upcoming_events"] = upcoming_by_next_session(events.filter(ends_at__gte=now), now)
        past = events.filter(ends_at__lt=now).order_by(*PAST_EVENT_ORDER)
        context["past_events"] = paginate(request, past, self.per_page, keys=PAST_EVENT_ORDER)
        return context

    def serve(self, request, *args, **kwargs):
        return with_filter_status(request, super().serve(request, *args, **kwargs))


def upcoming_by_next_session(events, now):
    """Upcoming events, the one whose next session starts soonest first.

    A tour that began last month but has a session tomorrow sorts before a
    one-off event next week, which ordering by ``starts_at`` would get wrong.
    """

    def next_start(event):
        upcoming = event.upcoming_sessions(now)
        return upcoming[0].start if upcoming else event.ends_at

    return sorted(events, key=next_start)


def publication_years(articles):
    """The years from the newest article's to the oldest's, newest first: two reads of the
    date index (the first and last article) rather than a pass over the whole archive."""
    dates = articles.prefetch_related(None).values_list("date", flat=True)
    newest = dates.order_by("-date", "-pk").first()
    oldest = dates.order_by("date", "pk").first()
    if newest is None:
        return []
    return list(range(newest.year, oldest.year - 1, -1))
