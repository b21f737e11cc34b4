"""Contact people (the ``Person`` snippet), shared by articles, events and region pages."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from kumppanuus.visibility import has_expired


class Person(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    ClusterableModel,
):
    """A contact person: an article's author, a region's contact, an event organiser.

    A snippet rather than free text on every page, because one person serves
    several regions (an expert may cover Kainuu, Keski-Pohjanmaa, Lappi and
    Pohjois-Pohjanmaa at once) and their phone number changes in one place.

    A person's name, phone and e-mail appear on public pages and in the API, so
    a change goes through the same approval as a page ("Julkaisun hyväksyntä",
    ``editorial/setup.py``): an edit is saved as a draft revision, and the row
    that public pages read changes only when a publisher publishes it. A person
    who has never been published (``live`` is false) is shown nowhere.
    """

    name = models.CharField(_("nimi"), max_length=150)
    job_title = models.CharField(_("tehtävänimike"), max_length=200, blank=True)
    organisation = models.CharField(_("organisaatio"), max_length=200, blank=True)
    phone = models.CharField(_("puhelin"), max_length=40, blank=True)
    email = models.EmailField(_("sähköposti"), blank=True)
    regions = ParentalManyToManyField(
        "regions.Region", blank=True, related_name="people", verbose_name=_("toiminta-alueet")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("job_title"),
        FieldPanel("organisation"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("organisation"),
        index.FilterField("id"),
    ]

    api_fields = [
        APIField("name"),
        APIField("job_title"),
        APIField("organisation"),
        APIField("phone"),
        APIField("email"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("henkilö")
        verbose_name_plural = _("henkilöt")

    def __str__(self):
        if self.organisation:
            return f"{self.name} ({self.organisation})"
        return self.name

    @property
    def is_public(self):
        """Published and not past its expiry: the only people public surfaces show."""
        return self.live and not has_expired(self)

    def get_preview_template(self, request, mode_name):
        return "regions/person_preview.html"

    @property
    def phone_uri(self):
        """The phone number as a tel: URI (digits and a leading +358 for Finland)."""
        digits = "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")
        if digits.startswith("0"):
            digits = "+358" + digits[1:]
        return f"tel:{digits}" if digits else ""


# The admin (regions/people_admin.py) narrows people to a regional editor's regions.
register_snippet(Person, viewset="regions.people_admin.PersonViewSet")
