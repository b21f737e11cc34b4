"""Abstract page mixins that carry their own fields and panels.

Article, event and region pages share a lead, a body and a set of regions;
declaring them once keeps the editing experience identical across page types.
"""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from kumppanuus.blocks import BodyBlock


class LeadBodyMixin(models.Model):
    """An ingress (lead) paragraph and a structured body."""

    lead = models.TextField(
        _("ingressi"),
        blank=True,
        help_text=_("Lyhyt johdanto, joka näytetään listauksissa ja jaettaessa."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("sisältö"))

    lead_body_panels = [FieldPanel("lead"), FieldPanel("body")]

    search_fields = [
        index.SearchField("lead"),
        index.SearchField("body"),
    ]

    class Meta:
        abstract = True


class ShareImageMixin(models.Model):
    """The picture link previews show when the page is shared (Open Graph, the API).

    Separate from the page's own main image: a share image is cropped to
    1200 × 630, where a portrait photo or a chart does not work. Without one,
    the page's main image (if it has one) is used.
    """

    share_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("jakokuva"),
        help_text=_(
            "Näytetään, kun sivu jaetaan someen tai viestiin (rajataan 1200 × 630). "
            "Jos tyhjä, käytetään pääkuvaa."
        ),
    )

    share_panels = [FieldPanel("share_image")]

    class Meta:
        abstract = True

    @property
    def preview_image(self):
        """The share image, else the page's main image, else None."""
        return self.share_image or getattr(self, "image", None)


class RegionsMixin(models.Model):
    """The welfare regions a page concerns (none means national)."""

    regions = ParentalManyToManyField(
        "regions.Region",
        blank=True,
        related_name="%(app_label)s_%(class)s_pages",
        verbose_name=_("alueet"),
        help_text=_("Jätä tyhjäksi, jos sisältö on valtakunnallinen."),
    )

    regions_panels = [FieldPanel("regions", widget=forms.CheckboxSelectMultiple)]

    class Meta:
        abstract = True
