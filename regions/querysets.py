"""Region pages the public may see, and what belongs to a region.

``region_queryset`` fetches visible region pages in a fixed number of queries;
``in_regions`` applies the ground package's rule (``kumppanuus.listings``) with
the regions' own page paths looked up here.
"""

from django.db.models import Prefetch

from kumppanuus import listings
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


def in_regions(queryset, regions):
    """Pages of ``queryset`` about any of ``regions`` (Region rows or ids) or published
    under any of their region pages (``kumppanuus.listings.in_regions``)."""
    ids = [getattr(region, "pk", region) for region in regions]
    paths = RegionPage.objects.filter(region__in=ids).values_list("path", flat=True)
    return listings.in_regions(queryset, ids, list(paths))
