from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page

from .articles import NewsArticlePage
from .events import EventPage


def paginate(request, queryset, per_page):
    """A page of results; a malformed page number gives the first page, too large the last."""
    paginator = Paginator(queryset, per_page)
    number = request.GET.get("page", 1)
    try:
        return paginator.page(number)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


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
        return (
            NewsArticlePage.objects.live()
            .public()
            .descendant_of(self.listing_scope())
            .select_related("author")
            .prefetch_related("keywords", "regions")
            .order_by("-date", "-first_published_at")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = paginate(request, self.get_articles(), self.per_page)
        return context


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
        return (
            EventPage.objects.live()
            .public()
            .descendant_of(self.listing_scope())
            .prefetch_related("sessions", "keywords", "regions")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        events = self.get_events()
        context["upcoming_events"] = events.filter(ends_at__gte=now).order_by("starts_at")
        context["past_events"] = paginate(
            request, events.filter(ends_at__lt=now).order_by("-starts_at"), self.per_page
        )
        return context
