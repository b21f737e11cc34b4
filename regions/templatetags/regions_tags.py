"""Region pages in the visitor's language, for templates of any app."""

from django import template
from wagtail.models import Locale

from regions.models import RegionPage

register = template.Library()


@register.simple_tag
def region_page(region):
    """The region's live, public page in the visitor's language (or None)."""
    return (
        RegionPage.objects.live().public().filter(region=region, locale=Locale.get_active()).first()
    )


@register.simple_tag
def regions_with_pages(regions):
    """(region, its live public page in the visitor's language or None), in one query."""
    regions = list(regions)
    pages = {
        page.region_id: page
        for page in RegionPage.objects.live()
        .public()
        .filter(region__in=regions, locale=Locale.get_active())
    }
    return [(region, pages.get(region.pk)) for region in regions]


@register.simple_tag
def public_contacts(region_page):
    """The page's contacts whose person is published (drafts of people are shown nowhere)."""
    return [contact for contact in region_page.contacts.all() if contact.person.is_public]
