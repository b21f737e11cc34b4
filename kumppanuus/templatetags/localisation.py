"""Template tags for the language switcher and the hreflang alternates (home/localisation.py)."""

from django import template

from kumppanuus import formatting, localisation

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    request = context.get("request")
    if request is None:
        return []
    return localisation.switcher_links(request, context.get("page"))


@register.simple_tag(takes_context=True)
def hreflang_alternates(context):
    request = context.get("request")
    if request is None:
        return []
    return localisation.alternates(request, context.get("page"), switcher_follows=True)


@register.simple_tag(takes_context=True)
def came_untranslated(context):
    """True when the switcher brought the visitor here because the page was not translated."""
    request = context.get("request")
    return bool(request and request.GET.get(localisation.UNTRANSLATED_PARAM))


@register.filter
def local_datetime(value):
    """A date and time in the active language's own form (kumppanuus.formatting)."""
    return formatting.format_datetime(value)
