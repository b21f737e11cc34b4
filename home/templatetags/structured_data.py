from django import template

from home.structured_data import structured_data, to_script

register = template.Library()


@register.simple_tag(takes_context=True)
def json_ld(context, page):
    """``{% json_ld page %}``: the page's schema.org JSON-LD ``<script>`` element."""
    request = context.get("request")
    if page is None or not getattr(page, "pk", None):
        return ""
    return to_script(structured_data(page, request))
