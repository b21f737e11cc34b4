"""``HomePage``: the root of each language's site (/fi/, /sv/, /en/).

It lists the latest visible news and events below it and links to the regions.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page

from kumppanuus.listings import visible
from kumppanuus.mixins import LeadBodyMixin, ShareImageMixin
from news.models import EventPage, NewsArticlePage
from news.models.indexes import upcoming_by_next_session
from regions.models import RegionIndexPage


class HomePage(Page):
    """The root of each language's site: latest news, events and the regions."""

    intro = models.TextField(_("johdanto"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    api_fields = [APIField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "regions.RegionIndexPage",
        "news.NewsIndexPage",
        "news.EventIndexPage",
        "home.ContentPage",
    ]

    class Meta:
        verbose_name = _("etusivu")
        verbose_name_plural = _("etusivut")

    def latest_news(self, limit=5):
        return visible(NewsArticlePage.objects.descendant_of(self)).order_by("-date", "-pk")[:limit]

    def events(self, limit=5):
        """Upcoming events (next first); recent past ones fill the list when there are few."""
        now = timezone.now()
        events = visible(EventPage.objects.descendant_of(self)).prefetch_related("sessions")
        # Ordered by each event's next session: a running tour with a session
        # tomorrow comes before an event that starts next week.
        upcoming = upcoming_by_next_session(events.filter(ends_at__gte=now), now)[:limit]
        if len(upcoming) < limit:
            past = events.filter(Q(ends_at__lt=now) | Q(ends_at__isnull=True))
            upcoming += list(past.order_by("-starts_at")[: limit - len(upcoming)])
        return upcoming

    def region_index(self):
        return visible(RegionIndexPage.objects.child_of(self)).first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = self.latest_news()
        context["events"] = self.events()
        context["region_index"] = self.region_index()
        return context


class ContentPage(LeadBodyMixin, ShareImageMixin, Page):
    """A general page (about us, the board, contact details), nested as deep as needed.

    Also what a WordPress site's pages become when it is moved in (``wpimport``).
    """

    content_panels = [*Page.content_panels, *LeadBodyMixin.lead_body_panels]
    promote_panels = [*Page.promote_panels, *ShareImageMixin.share_panels]
    search_fields = [*Page.search_fields, *LeadBodyMixin.search_fields]
    api_fields = [APIField("lead"), APIField("body")]

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]

    class Meta:
        verbose_name = _("sisältösivu")
        verbose_name_plural = _("sisältösivut")
