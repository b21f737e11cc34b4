"""Each content type's API shape, declared once: the model's ``api_fields``.

Wagtail's generic ``/api/v3/pages/`` router builds its schemas from a model's
``api_fields``. The typed routers read the same list: for every name this
module derives a typed field (its annotation in the OpenAPI document) and a
resolver (how its value is read from a prefetched object), so adding a name
to ``api_fields`` adds it to both APIs, typed from the model field:

- text fields are strings, a ``CharField`` with choices an enum, dates and
  datetimes ISO 8601 (datetimes in Helsinki time), decimals exact strings;
- a ``StreamField`` is the list of body blocks (``api.body``);
- a foreign key to an image is an ``Image`` with renditions (``api.images``),
  to a page a reference to it (left out unless the public may see it), to
  anything else that object's own ``api_fields`` (plus ``id``), nested;
- keywords, many-to-many fields and child relations (``InlinePanel``) are
  lists of the related objects' ``api_fields``, nested;
- a property is typed by its return annotation (a ``TypedDict`` for an object).

What is not a model attribute (meta, translations, URLs of other endpoints,
SEO) is declared once for every page type, in ``api.schemas``.
"""

import datetime
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, get_type_hints

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.db.models.fields.reverse_related import ForeignObjectRel
from django.utils import timezone
from ninja import Schema
from pydantic import Field as PydanticField
from pydantic import create_model
from taggit.managers import TaggableManager
from wagtail.api import APIField
from wagtail.api.conf import get_model_field
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page

from kumppanuus.listings import prefetched
from kumppanuus.safe_links import safe_url

from .body import serialize_body
from .common import BodyBlock, Image, PageRef
from .context import page_foreign_keys
from .images import serialize_image

Resolver = Callable[[Any, Any], Any]


@dataclass(frozen=True)
class Field:
    name: str
    annotation: Any
    resolve: Resolver
    #: left out of list items (long content such as the body)
    detail_only: bool = False


def _not_required(schema):
    # Absent when not selected with ``fields=``; never null in place of a value.
    schema.pop("default", None)


class Shape:
    """Named, ordered fields: the schema they declare and the dicts they serialise to."""

    def __init__(self, name, fields):
        self.name = name
        self.fields = {field.name: field for field in fields}

    def dump(self, obj, ctx, only=None):
        return {
            name: field.resolve(obj, ctx)
            for name, field in self.fields.items()
            if only is None or name in only
        }

    def schema(self, name=None, *, optional=(), exclude=(), doc=None, base=Schema):
        definitions = {}
        for field in self.fields.values():
            if field.name in exclude:
                continue
            if field.name in optional:
                default = PydanticField(None, json_schema_extra=_not_required)
            else:
                default = ...
            definitions[field.name] = (field.annotation, default)
        return create_model(name or self.name, __base__=base, __doc__=doc, **definitions)


#: Names of nested schemas in the OpenAPI document, where the model's own name would mislead.
NESTED_NAMES = {
    "regions.Region": "RegionRef",
    "regions.RegionContact": "Contact",
    "news.EventSession": "Session",
    "news.ArticleRelatedPage": "RelatedPage",
}
_nested = {}
_nested_schemas = {}


def nested_shape(model):
    """``id`` plus the model's ``api_fields``, for objects embedded in a page."""
    if model not in _nested:
        fields = [Field("id", int, lambda obj, ctx: obj.pk)]
        fields += [typed_field(model, api_field.name) for api_field in api_fields(model)]
        _nested[model] = Shape(NESTED_NAMES.get(model._meta.label, model.__name__), fields)
    return _nested[model]


def nested_schema(model):
    if model not in _nested_schemas:
        _nested_schemas[model] = nested_shape(model).schema()
    return _nested_schemas[model]


def api_fields(model):
    return APIField.get_fields_for_model(model)


def _attribute(name):
    return lambda obj, ctx: getattr(obj, name)


def _local_datetime(name):
    def resolve(obj, ctx):
        value = getattr(obj, name)
        return timezone.localtime(value) if value else value

    return resolve


def _decimal(name):
    def resolve(obj, ctx):
        value = getattr(obj, name)
        return None if value is None else str(value)

    return resolve


def _shown(obj):
    """False for an object the public may not see yet (a person never published)."""
    return obj is not None and getattr(obj, "is_public", True)


def _one(name, model):
    def resolve(obj, ctx):
        value = getattr(obj, name)
        return nested_shape(model).dump(value, ctx) if _shown(value) else None

    return resolve


def _many(name, model):
    """Related objects; a child that refers to a page the public cannot see is left out."""
    page_fks = page_foreign_keys(model)
    # A child that is only about an object the public may not see (a region's contact
    # whose person was never published) is left out as well.
    gated = [
        field.name
        for field in model._meta.get_fields()
        if isinstance(field, models.ForeignKey) and hasattr(field.related_model, "is_public")
    ]

    def resolve(obj, ctx):
        return [
            nested_shape(model).dump(child, ctx)
            for child in prefetched(obj, name)
            if _shown(child)
            and all(ctx.visible_page(getattr(child, f"{fk}_id")) for fk in page_fks)
            and all(_shown(getattr(child, fk)) for fk in gated)
        ]

    return resolve


def _safe_url(name):
    """A URL field: a code-running link stored by an import comes out as ""."""

    def resolve(obj, ctx):
        value = getattr(obj, name)
        return None if value is None else safe_url(value)

    return resolve


def _image(name):
    return lambda obj, ctx: serialize_image(getattr(obj, name), ctx.renditions)


def _page_ref(name):
    def resolve(obj, ctx):
        page = ctx.visible_page(getattr(obj, f"{name}_id"))
        return None if page is None else ctx.page_ref(page)

    return resolve


def _body(name):
    return lambda obj, ctx: serialize_body(ctx, getattr(obj, name), obj.locale_id)


def _optional(annotation, nullable):
    return annotation | None if nullable else annotation


def _property_field(model, name, prop):
    annotation = get_type_hints(prop.fget).get("return")
    if annotation is None:
        raise ImproperlyConfigured(
            f"{model._meta.label}.{name} is in api_fields: give the property a return annotation."
        )
    return Field(name, annotation, _attribute(name))


SIMPLE_TYPES = [
    (models.BooleanField, bool),
    (models.IntegerField, int),
    (models.UUIDField, str),
    (models.DateTimeField, datetime.datetime),
    (models.DateField, datetime.date),
    (models.CharField, str),
    (models.TextField, str),
]


def _relation_field(name, field):
    """A field that points at other objects, or None if ``field`` is not one."""
    if isinstance(field, TaggableManager | models.ManyToManyField):
        return Field(
            name, list[nested_schema(field.related_model)], _many(name, field.related_model)
        )
    if isinstance(field, ForeignObjectRel):
        model = field.related_model
        return Field(name, list[nested_schema(model)], _many(name, model))
    if isinstance(field, models.ForeignKey):
        target = field.related_model
        if target is get_image_model():
            return Field(name, _optional(Image, field.null), _image(name))
        if issubclass(target, Page):
            return Field(name, PageRef | None, _page_ref(name))
        return Field(name, _optional(nested_schema(target), field.null), _one(name, target))
    return None


def typed_field(model, name):
    """The typed field and resolver for one name in ``model.api_fields``."""
    prop = inspect.getattr_static(model, name, None)
    if isinstance(prop, property):
        return _property_field(model, name, prop)
    field = get_model_field(model, name)
    if isinstance(field, StreamField):
        return Field(name, list[BodyBlock], _body(name), detail_only=True)
    relation = _relation_field(name, field)
    if relation is not None:
        return relation
    if isinstance(field, models.DecimalField):
        return Field(name, _optional(str, field.null), _decimal(name))
    if isinstance(field, models.URLField):
        return Field(name, _optional(str, field.null), _safe_url(name))
    if getattr(field, "choices", None):
        values = tuple(value for value, _label in field.choices)
        return Field(name, Literal[values], _attribute(name))
    for field_class, annotation in SIMPLE_TYPES:
        if isinstance(field, field_class):
            resolve = (
                _local_datetime(name) if field_class is models.DateTimeField else _attribute(name)
            )
            return Field(name, _optional(annotation, field.null), resolve)
    raise ImproperlyConfigured(
        f"{model._meta.label}.{name}: no API type for {type(field).__name__}."
    )
