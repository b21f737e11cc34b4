"""The regions listing (``RegionIndexPage``) and one page per region (``RegionPage``)
with its NGO network, contact people and cooperation structures."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from typing_extensions import TypedDict
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from kumppanuus.blocks import BodyBlock
from kumppanuus.listings import visible
from kumppanuus.mixins import ShareImageMixin
from kumppanuus.safe_links import safe_url

from ..forms import RegionPageForm


class Network(TypedDict):
    """The region's NGO network organisation, as one object in the API."""

    name: str
    url: str
    email: str
    phone: str
    description: str


class RegionIndexPage(Page):
    """The list of all regions, the entry point to regional NGO networks."""

    intro = models.TextField(_("johdanto"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    api_fields = [APIField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["regions.RegionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("alueiden listaus")
        verbose_name_plural = _("alueiden listaukset")

    def get_regions(self):
        return (
            visible(RegionPage.objects.child_of(self))
            .select_related("region")
            .order_by("region__sort_order")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["region_pages"] = self.get_regions()
        return context


class RegionPage(ShareImageMixin, Page):
    """A welfare region (or Helsinki): its NGO network, contacts and cooperation.

    Regional news and event listings can be created under this page so that
    Wagtail's page-tree permissions scope a regional editor to their region.
    """

    region = models.ForeignKey(
        "regions.Region", on_delete=models.PROTECT, related_name="pages", verbose_name=_("alue")
    )
    intro = models.TextField(_("johdanto"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("sisältö"))
    network_name = models.CharField(
        _("alueellinen verkostojärjestö"),
        max_length=200,
        blank=True,
        help_text=_("Esim. Pohjois-Karjalan Sosiaaliturvayhdistys ry"),
    )
    network_url = models.URLField(_("verkostojärjestön verkkosivut"), blank=True)
    network_email = models.EmailField(_("verkostojärjestön sähköposti"), blank=True)
    network_phone = models.CharField(_("verkostojärjestön puhelin"), max_length=40, blank=True)
    network_description = models.TextField(_("verkostojärjestön kuvaus"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("region"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("network_name"),
                FieldPanel("network_url"),
                FieldPanel("network_email"),
                FieldPanel("network_phone"),
                FieldPanel("network_description"),
            ],
            heading=_("Alueellinen verkostojärjestö"),
        ),
        InlinePanel("contacts", heading=_("Yhteyshenkilöt"), label=_("yhteyshenkilö")),
        InlinePanel(
            "cooperation_structures",
            heading=_("Yhteistyörakenteet"),
            label=_("yhteistyörakenne"),
        ),
        FieldPanel("body"),
    ]
    promote_panels = [*Page.promote_panels, *ShareImageMixin.share_panels]
    base_form_class = RegionPageForm

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("network_name"),
        index.RelatedFields("region", [index.SearchField("name_fi"), index.SearchField("name_sv")]),
        index.RelatedFields(
            "cooperation_structures",
            [index.SearchField("name"), index.SearchField("organisations")],
        ),
    ]

    api_fields = [
        APIField("region"),
        APIField("intro"),
        APIField("body"),
        APIField("network"),
        APIField("contacts"),
        APIField("cooperation_structures"),
    ]

    parent_page_types = ["regions.RegionIndexPage"]
    subpage_types = ["news.NewsIndexPage", "news.EventIndexPage"]

    class Meta:
        verbose_name = _("aluesivu")
        verbose_name_plural = _("aluesivut")

    def clean(self):
        super().clean()
        if self.region_id:
            clash = RegionPage.objects.filter(region_id=self.region_id, locale_id=self.locale_id)
            if self.pk:
                clash = clash.exclude(pk=self.pk)
            if clash.exists():
                raise ValidationError({"region": _("Tälle alueelle on jo aluesivu.")})

    @property
    def network(self) -> Network:
        """The network organisation for the API (a code-running link comes out as "")."""
        return Network(
            name=self.network_name,
            url=safe_url(self.network_url),
            email=self.network_email,
            phone=self.network_phone,
            description=self.network_description,
        )


class RegionContact(Orderable):
    page = ParentalKey(RegionPage, on_delete=models.CASCADE, related_name="contacts")
    person = models.ForeignKey(
        "regions.Person", on_delete=models.CASCADE, related_name="+", verbose_name=_("henkilö")
    )
    role = models.CharField(
        _("rooli alueella"),
        max_length=200,
        blank=True,
        help_text=_("Esim. järjestöasiantuntija, Järjestöjen sote-muutostuki"),
    )

    panels = [FieldPanel("person"), FieldPanel("role")]
    api_fields = [APIField("person"), APIField("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("yhteyshenkilö")
        verbose_name_plural = _("yhteyshenkilöt")


class CooperationStructure(Orderable):
    """A working group of the welfare region and the NGOs that sit in it."""

    page = ParentalKey(RegionPage, on_delete=models.CASCADE, related_name="cooperation_structures")
    name = models.CharField(_("nimi"), max_length=300)
    description = models.TextField(_("kuvaus"), blank=True)
    organisations = models.TextField(
        _("mukana olevat järjestöt"), blank=True, help_text=_("Yksi järjestö riviä kohden.")
    )
    url = models.URLField(_("lisätietoja"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("organisations"),
        FieldPanel("url"),
    ]
    api_fields = [
        APIField("name"),
        APIField("description"),
        APIField("organisation_list"),
        APIField("url"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("yhteistyörakenne")
        verbose_name_plural = _("yhteistyörakenteet")

    @property
    def organisation_list(self) -> list[str]:
        return [line.strip() for line in self.organisations.splitlines() if line.strip()]
