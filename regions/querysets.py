"""Region pages the public may see, fetched in a fixed number of queries."""

from django.db.models import Prefetch

from kumppanuus.visibility import visible

from .models import CooperationStructure, RegionContact, RegionPage


def region_queryset():
    return (
        visible(RegionPage.objects.all())
        .select_related("locale", "region")
        .prefetch_related(
            Prefetch("contacts", queryset=RegionContact.objects.select_related("person")),
            Prefetch("cooperation_structures", queryset=CooperationStructure.objects.all()),
        )
    )
