"""Events (``EventPage``) and their sessions (``EventSession``).

An event's date span is stored on the page, derived from its sessions, so that
listings filter and order events without joining the sessions table.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from kumppanuus.mixins import LeadBodyMixin, RegionsMixin, ShareImageMixin
from kumppanuus.panels import SearchSocialPreviewPanel

from ..forms import EventPageForm
from ..panels import SessionsPanel
from .keywords import EventKeyword


class EventFormat(models.TextChoices):
    ONLINE = "online", _("verkossa")
    ONSITE = "onsite", _("paikan päällä")
    HYBRID = "hybrid", _("hybridi")


class EventStatus(models.TextChoices):
    """schema.org's event statuses: what a visitor needs to know before setting off."""

    SCHEDULED = "scheduled", _("ajallaan")
    CANCELLED = "cancelled", _("peruttu")
    POSTPONED = "postponed", _("siirretty myöhemmäksi")
    MOVED_ONLINE = "moved_online", _("siirretty verkkoon")
    RESCHEDULED = "rescheduled", _("uusi ajankohta")


class EventPage(LeadBodyMixin, RegionsMixin, ShareImageMixin, Page):
    """One event with one or more sessions.

    A tour of five online sessions in five cities is one event: visitors and
    feeds see one page, each session keeps its own time and registration link.
    The event's date span is derived from its sessions (``starts_at`` and
    ``ends_at`` are stored on save so listings can filter and order by them
    without touching the sessions table).
    """

    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("pääkuva"),
    )
    audience = models.TextField(_("kohderyhmä"), blank=True)
    format = models.CharField(
        _("toteutustapa"), max_length=10, choices=EventFormat.choices, default=EventFormat.ONSITE
    )
    organiser = models.CharField(_("järjestäjä"), max_length=200, blank=True)
    event_status = models.CharField(
        _("tila"),
        max_length=20,
        choices=EventStatus.choices,
        default=EventStatus.SCHEDULED,
        help_text=_(
            "Peruttu tai siirretty tapahtuma näkyy sellaisena sivulla, kalentereissa ja "
            "hakukoneissa. Siirretyn tapahtuman uudet ajat päivitetään tilaisuuksiin."
        ),
    )
    is_free = models.BooleanField(_("maksuton"), default=True)
    price = models.DecimalField(
        _("hinta (€)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Maksullisen tapahtuman hinta euroina, esim. 25,00."),
    )
    contact = models.ForeignKey(
        "regions.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        verbose_name=_("yhteyshenkilö"),
    )
    registration_url = models.URLField(_("ilmoittautumislinkki"), blank=True)
    registration_deadline = models.DateTimeField(
        _("ilmoittautuminen päättyy"), null=True, blank=True
    )
    registration_notes = models.TextField(_("ilmoittautumisohjeet"), blank=True)
    keywords = ClusterTaggableManager(through=EventKeyword, blank=True, verbose_name=_("asiasanat"))
    starts_at = models.DateTimeField(_("alkaa"), null=True, blank=True, editable=False)
    ends_at = models.DateTimeField(_("päättyy"), null=True, blank=True, editable=False)

    base_form_class = EventPageForm

    content_panels = [
        *Page.content_panels,
        *LeadBodyMixin.lead_body_panels[:1],
        FieldPanel("image"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("format"), FieldPanel("organiser")]),
                FieldPanel("event_status"),
                FieldRowPanel([FieldPanel("is_free"), FieldPanel("price")]),
                FieldPanel("audience"),
                FieldPanel("contact"),
            ],
            heading=_("Perustiedot"),
        ),
        SessionsPanel("sessions", heading=_("Tilaisuudet"), label=_("tilaisuus"), min_num=1),
        MultiFieldPanel(
            [
                FieldPanel("registration_url"),
                FieldPanel("registration_deadline"),
                FieldPanel("registration_notes"),
            ],
            heading=_("Ilmoittautuminen"),
        ),
        *LeadBodyMixin.lead_body_panels[1:],
        MultiFieldPanel(
            [FieldPanel("keywords"), *RegionsMixin.regions_panels], heading=_("Luokittelu")
        ),
    ]
    promote_panels = [
        *Page.promote_panels,
        *ShareImageMixin.share_panels,
        SearchSocialPreviewPanel(),
    ]

    search_fields = [
        *Page.search_fields,
        *LeadBodyMixin.search_fields,
        index.SearchField("audience"),
        index.SearchField("organiser"),
        index.RelatedFields("keywords", [index.SearchField("name")]),
        index.RelatedFields("sessions", [index.SearchField("title"), index.SearchField("venue")]),
        index.FilterField("starts_at"),
        index.FilterField("ends_at"),
        index.FilterField("format"),
    ]

    api_fields = [
        APIField("lead"),
        APIField("image"),
        APIField("body"),
        APIField("audience"),
        APIField("format"),
        APIField("event_status"),
        APIField("is_free"),
        APIField("price"),
        APIField("organiser"),
        APIField("contact"),
        APIField("registration_url"),
        APIField("registration_deadline"),
        APIField("registration_notes"),
        APIField("keywords"),
        APIField("regions"),
        APIField("starts_at"),
        APIField("ends_at"),
        APIField("sessions"),
    ]

    # Sessions are facts (times, places, links), kept in sync from the source page
    # rather than translated; their translation keys keep their identity (and
    # their ids) across languages and syncs. See EventSession.
    override_translatable_fields = [SynchronizedField("sessions")]

    parent_page_types = ["news.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("tapahtuma")
        verbose_name_plural = _("tapahtumat")
        indexes = [
            # Past events by (-starts_at, -id), upcoming ones filtered on ends_at.
            models.Index(fields=["starts_at", "page_ptr"], name="news_event_starts_id"),
            models.Index(fields=["ends_at"], name="news_event_ends"),
        ]

    def clean(self):
        super().clean()
        if self.is_free and self.price:
            raise ValidationError({"price": _("Maksuttomalla tapahtumalla ei ole hintaa.")})

    def save(self, *args, **kwargs):
        self.update_date_span()
        return super().save(*args, **kwargs)

    def update_date_span(self):
        """Derive the event's span from its sessions (in memory, so revisions work too)."""
        sessions = [s for s in self.sessions.all() if s.start]
        self.starts_at = min((s.start for s in sessions), default=None)
        self.ends_at = max((s.end or s.start for s in sessions), default=None)

    def ordered_sessions(self):
        return sorted(self.sessions.all(), key=lambda s: (s.start, s.sort_order or 0))

    def upcoming_sessions(self, now=None):
        now = now or timezone.now()
        return [s for s in self.ordered_sessions() if (s.end or s.start) >= now]

    @property
    def is_past(self):
        return bool(self.ends_at and self.ends_at < timezone.now())


class EventSession(TranslatableMixin, Orderable):
    """One occurrence of an event: its own time, place and registration.

    Translatable only for its identity: the Finnish session and its Swedish and
    English copies share a ``translation_key`` (``uid``), which Wagtail gives a
    new value when an event is copied and keeps when it is copied for
    translation. wagtail-localize then reuses each copy's row when it syncs a
    translation (matching on the key), so calendar UIDs and API ids stay the
    same however often the Finnish event is edited.
    """

    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(
        _("paikkakunta tai nimi"), max_length=200, help_text=_("Esim. Kuopio tai Verkkotyöpaja 1")
    )
    start = models.DateTimeField(_("alkaa"))
    end = models.DateTimeField(_("päättyy"))
    venue = models.CharField(_("tapahtumapaikka"), max_length=300, blank=True)
    is_online = models.BooleanField(_("verkossa"), default=False)
    registration_url = models.URLField(_("ilmoittautumislinkki"), blank=True)

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldRowPanel([FieldPanel("venue"), FieldPanel("is_online")]),
        FieldPanel("registration_url"),
    ]

    api_fields = [
        APIField("uid"),
        APIField("title"),
        APIField("start"),
        APIField("end"),
        APIField("venue"),
        APIField("is_online"),
        APIField("registration_url"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("tilaisuus")
        verbose_name_plural = _("tilaisuudet")

    def __str__(self):
        return self.title

    @property
    def uid(self) -> str:
        """The session's identity, shared by its copies in every language."""
        return str(self.translation_key)

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("Päättymisaika ei voi olla ennen alkamisaikaa.")})

    @property
    def is_past(self):
        return (self.end or self.start) < timezone.now()
