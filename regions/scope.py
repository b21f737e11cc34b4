"""Which regions a user's work is limited to.

A regional editor ("Aluetoimittajat – <alue>", ``editorial/setup.py``) holds page
permissions on their own region page only. The same scope then limits the people
they may add and change, the people the person chooser offers them, and the
region field of their own region page (which they see but cannot change).

The scope is read from the page permissions, so nothing else has to be kept in
step with the groups: a user whose groups edit anywhere outside a region page
(an editor's permission on the root page, for example) is not limited at all.
"""

from django.apps import apps
from django.db.models import Q
from wagtail.models import GroupPagePermission, Page

# The models are looked up when called: regions.models uses this module's forms.

_CACHE_ATTR = "_kumppanuus_region_scope"


def _compute(user):
    if not user.is_active:
        return frozenset()
    if user.is_superuser:
        return None
    page_ids = set(
        GroupPagePermission.objects.filter(
            group__user=user, permission__codename__in=("add_page", "change_page")
        ).values_list("page_id", flat=True)
    )
    if not page_ids:
        # No page editing at all: people are then governed by model permissions alone.
        return None
    RegionPage = apps.get_model("regions", "RegionPage")
    region_ids = set()
    for page in Page.objects.filter(pk__in=page_ids):
        region_page = (
            RegionPage.objects.filter(Q(pk=page.pk) | Q(path__in=_ancestor_paths(page)))
            .order_by("-depth")
            .first()
        )
        if region_page is None:
            return None  # edits outside every region: not limited
        region_ids.add(region_page.region_id)
    return frozenset(region_ids)


def _ancestor_paths(page):
    steplen = page.steplen
    return [page.path[:n] for n in range(steplen, len(page.path), steplen)]


def region_scope(user):
    """The ids of the regions ``user`` is limited to, or None when not limited.

    Cached on the user object (one request)."""
    if not hasattr(user, _CACHE_ATTR):
        setattr(user, _CACHE_ATTR, _compute(user))
    return getattr(user, _CACHE_ATTR)


def is_regional(user):
    return region_scope(user) is not None


def scoped_regions(user):
    """The regions ``user`` may assign (all when not limited)."""
    scope = region_scope(user)
    regions = apps.get_model("regions", "Region").objects.all()
    if scope is not None:
        regions = regions.filter(pk__in=scope)
    return regions


def scoped_people(user, queryset):
    """``queryset`` of people narrowed to those serving the user's regions.

    Filtered by a list of person ids rather than across the regions relation (or
    a subquery): the search backend filters a searched queryset only on indexed
    fields and the primary key, so a search in the listing or the chooser works.
    The list is one small query (a region has tens of people)."""
    scope = region_scope(user)
    if scope is None:
        return queryset
    through = queryset.model.regions.through
    ids = set(through.objects.filter(region_id__in=scope).values_list("person_id", flat=True))
    return queryset.filter(pk__in=sorted(ids))


def person_in_scope(user, person):
    scope = region_scope(user)
    if scope is None:
        return True
    if person.pk is None:
        return True
    # In Python: a draft (a revision's object) holds its regions in memory.
    return any(region.pk in scope for region in person.regions.all())
