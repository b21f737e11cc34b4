"""Template tags of the translation editor's footer (editorial/translations/editor.py)."""

from django import template

from editorial.translations.editor import footer_context

register = template.Library()


@register.inclusion_tag("editorial/translations/editor_footer.html", takes_context=True)
def translation_footer(context):
    return footer_context(context["request"], context["translation"], context["instance"])
