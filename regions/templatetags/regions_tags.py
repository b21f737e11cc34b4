"""Region pages in the visitor's language, for templates of any app."""

from django import template

from kumppanuus.language import current_language
from kumppanuus.listings import in_language, visible
from regions.models import RegionPage

register = template.Library()


def _visible_pages():
    """Region pages a visitor may see, in the visitor's language."""
    return in_language(visible(RegionPage.objects.all()), current_language())


@register.simple_tag
def region_page(region):
    """The region's visible page in the visitor's language (or None)."""
    return _visible_pages().filter(region=region).first()


@register.simple_tag
def regions_with_pages(regions):
    """(region, its visible page in the visitor's language or None), in one query."""
    regions = list(regions)
    pages = {page.region_id: page for page in _visible_pages().filter(region__in=regions)}
    return [(region, pages.get(region.pk)) for region in regions]


@register.simple_tag
def public_contacts(region_page):
    """The page's contacts whose person is published (drafts of people are shown nowhere)."""
    contacts = region_page.contacts.all().select_related("person")  # not one query per person
    return [contact for contact in contacts if contact.person.is_public]
