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
