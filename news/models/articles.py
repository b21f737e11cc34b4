"""News articles (``NewsArticlePage``) and the pages an editor relates to them."""

import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PublishingPanel
from wagtail.api import APIField
from wagtail.models import Orderable, Page
from wagtail.search import index

from kumppanuus.mixins import LeadBodyMixin, RegionsMixin, ShareImageMixin
from kumppanuus.panels import SearchSocialPreviewPanel

from ..forms import NewsArticlePageForm
from .keywords import ArticleKeyword


def _today():
    return timezone.localdate()


class NewsArticlePage(LeadBodyMixin, RegionsMixin, ShareImageMixin, Page):
    """A news article, national or regional.

    The publication date is an editorial field rather than Wagtail's
    first-published timestamp: imported and backdated articles keep the date
    their readers knew them by.
    """

    date = models.DateField(_("julkaisupäivä"), default=_today)
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("pääkuva"),
    )
    author = models.ForeignKey(
        "regions.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
        verbose_name=_("kirjoittaja / yhteyshenkilö"),
    )
    keywords = ClusterTaggableManager(
        through=ArticleKeyword, blank=True, verbose_name=_("asiasanat")
    )

    base_form_class = NewsArticlePageForm

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        *LeadBodyMixin.lead_body_panels[:1],
        FieldPanel("image"),
        *LeadBodyMixin.lead_body_panels[1:],
        MultiFieldPanel(
            [
                FieldPanel("author"),
                FieldPanel("keywords"),
                *RegionsMixin.regions_panels,
            ],
            heading=_("Luokittelu"),
        ),
        InlinePanel("related_pages", heading=_("Aiheeseen liittyvää"), label=_("sivu")),
    ]
    # "Ajasta julkaisu": the schedule dialog says what happens to the article's date.
    settings_panels = [
        PublishingPanel(
            help_text=_(
                "Jos ajastat uutisen julkaistavaksi myöhemmin, sen julkaisupäivä siirtyy "
                "julkaisuhetken päivään."
            )
        ),
        *Page.settings_panels[1:],
    ]
    promote_panels = [
        *Page.promote_panels,
        *ShareImageMixin.share_panels,
        SearchSocialPreviewPanel(),
    ]

    search_fields = [
        *Page.search_fields,
        *LeadBodyMixin.search_fields,
        index.RelatedFields("keywords", [index.SearchField("name")]),
        index.FilterField("date"),
    ]

    api_fields = [
        APIField("date"),
        APIField("lead"),
        APIField("image"),
        APIField("body"),
        APIField("author"),
        APIField("keywords"),
        APIField("regions"),
        APIField("related_pages"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("uutinen")
        verbose_name_plural = _("uutiset")
        indexes = [
            # Listings order by (-date, -id): reading a page walks this index backwards
            # and stops, instead of sorting the archive.
            models.Index(fields=["date", "page_ptr"], name="news_article_date_id"),
        ]

    def clean(self):
        super().clean()
        # Scheduled for later ("Ajasta julkaisu"): the article is dated the day it
        # goes live, never earlier. A backdated article without a schedule keeps its date.
        if self.go_live_at and self.go_live_at > timezone.now():
            go_live_day = timezone.localdate(self.go_live_at)
            if self.date is None or self.date < go_live_day:
                self.date = go_live_day

    @property
    def date_as_datetime(self):
        """Midnight of the publication date in Helsinki, for feeds and JSON-LD."""
        return timezone.make_aware(datetime.datetime.combine(self.date, datetime.time()))


class ArticleRelatedPage(Orderable):
    article = ParentalKey(NewsArticlePage, on_delete=models.CASCADE, related_name="related_pages")
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("sivu")
    )

    panels = [FieldPanel("page")]
    api_fields = [APIField("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("aiheeseen liittyvä sivu")
