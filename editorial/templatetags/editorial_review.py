"""Template tags of the review feedback (editorial/review/)."""

from django import template
from django.urls import reverse
from wagtail.models import Page

from editorial.review.compare import AUTO, URL_NAME, never_published

register = template.Library()


@register.simple_tag
def compare_previous_url(obj, revision):
    """The "Vertaa edelliseen versioon" link of a never-published page, or ""."""
    if revision is None or not isinstance(obj, Page) or not never_published(obj):
        return ""
    return reverse(URL_NAME, args=[obj.pk, AUTO, revision.pk])
