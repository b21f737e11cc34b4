"""Field-by-field comparison of two versions of a page, as a translator sees them.

wagtail-localize's own list of translatable and synchronised fields decides what
counts as content. Values are compared in their canonical form (StreamField
blocks through their block definitions, child relations without primary keys),
so that a revision saved in an older format or with ``None`` for an empty string
does not look like a change.
"""

from django.db import models
from django.utils.text import capfirst
from modelcluster.models import get_serializable_data_for_fields
from taggit.managers import TaggableManager
from wagtail.fields import StreamField
from wagtail_localize.fields import get_translatable_fields

#: Keys that differ between copies of the same content (database and block ids).
_VOLATILE_KEYS = {"pk", "id"}


def content_fields(model):
    """Names of the fields wagtail-localize translates or synchronises, in model order."""
    return [field.field_name for field in get_translatable_fields(model)]


def _canonical(value):
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return [_canonical(item) for item in value]
    if isinstance(value, dict):
        return {key: _canonical(item) for key, item in value.items() if key not in _VOLATILE_KEYS}
    return value


def field_value(obj, name):
    """A comparable value of one content field of ``obj``."""
    field = obj._meta.get_field(name)
    if isinstance(field, StreamField):
        return _canonical(field.get_prep_value(getattr(obj, name)))
    if isinstance(field, models.ManyToOneRel):
        children = getattr(obj, field.get_accessor_name()).all()
        parent_key = field.field.name
        return [
            _canonical(
                {
                    k: v
                    for k, v in get_serializable_data_for_fields(child).items()
                    if k != parent_key
                }
            )
            for child in children
        ]
    if isinstance(field, TaggableManager):
        return sorted(tag.name for tag in getattr(obj, name).all())
    return _canonical(field.value_from_object(obj))


def changed_fields(old, new):
    """Names of the content fields whose values differ between two versions of a page."""
    return [
        name
        for name in content_fields(type(new))
        if field_value(old, name) != field_value(new, name)
    ]


def field_label(model, name):
    """The field's name as the editor shows it ("Ingressi")."""
    field = model._meta.get_field(name)
    if isinstance(field, models.ManyToOneRel):
        return str(capfirst(field.related_model._meta.verbose_name_plural))
    return str(capfirst(field.verbose_name))


def field_labels(model, names):
    return [field_label(model, name) for name in names]
