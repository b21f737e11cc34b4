from django import template

from kumppanuus import formatting

register = template.Library()


@register.filter
def local_date(value):
    return formatting.format_date(value)


@register.simple_tag
def session_time(start, end=None):
    return formatting.format_datetime_range(start, end)


@register.simple_tag
def date_span(start, end=None):
    return formatting.format_date_span(start, end)
