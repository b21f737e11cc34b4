"""Region pages the public may see, and what belongs to a region.

``region_queryset`` fetches visible region pages in a fixed number of queries;
``in_regions`` applies the ground package's rule (``kumppanuus.listings``) with
the regions' own page paths looked up here.
"""

from django.db.models import Prefetch

from kumppanuus import listings
from kumppanuus.visibility import request_memo, visible

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
    return listings.in_regions(queryset, ids, region_page_paths(ids))


def region_page_paths(ids):
    """Tree paths of the region pages of the regions ``ids``, read once per request."""
    memo, key = request_memo(), ("region_page_paths", tuple(sorted(ids)))
    paths = memo.get(key) if memo is not None else None
    if paths is None:
        paths = list(RegionPage.objects.filter(region__in=ids).values_list("path", flat=True))
        if memo is not None:
            memo[key] = paths
    return paths
