"""The typed API's page types: one declaration each, from which schema and serialiser follow.

A page type's fields are its model's ``api_fields`` (typed and resolved by
``api.shape``), after what every page carries (``id``, ``title``, ``meta``,
``translations``); a detail adds the long fields (the body), ``seo`` and
``json_ld``. Each type's schemas (``NewsSummary``, ``NewsDetail``, …) are
what the OpenAPI document shows; the same fields serialise a page, so the
document and the responses cannot disagree. List items may be narrowed with
``fields=``, so their fields other than id, title and meta are optional.
"""

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

from django.urls import reverse
from django.utils import timezone
from ninja import Schema
from pydantic import Field as SchemaField
from pydantic import create_model

from home.models import ContentPage, HomePage
from news.models import EventIndexPage, EventPage, NewsArticlePage, NewsIndexPage
from regions.models import RegionIndexPage, RegionPage

from .common import PageMeta, Seo, Translation
from .seo import serialize_json_ld, serialize_seo
from .shape import Field, Shape, api_fields, typed_field

ALWAYS = ("id", "title", "meta")


def local(value):
    """Aware datetimes in Helsinki time, so ISO 8601 carries the local offset."""
    return timezone.localtime(value) if value else value


def _meta(obj, ctx):
    return {
        "type": type(obj)._meta.label,
        "locale": obj.locale.language_code,
        "slug": obj.slug,
        "path": ctx.page_path(obj),
        "html_url": ctx.page_url(obj),
        "detail_url": ctx.detail_url(obj),
        "first_published_at": local(obj.first_published_at),
        "last_published_at": local(obj.last_published_at),
        "preview": ctx.preview,
    }


def _translations(obj, ctx):
    return [
        {
            "locale": other.language_code,
            "id": other.pk,
            "url": ctx.page_url(other),
            "detail_url": ctx.detail_url(other),
        }
        for other in ctx.translations_of(obj)
    ]


def _ical_url(obj, ctx):
    return ctx.absolute(reverse("feeds:event_ical", args=[obj.pk]))


def _listing_query(page):
    """Filters of the typed list that show what an index page lists."""
    query = {"locale": page.locale.language_code}
    parent = page.get_parent().specific
    if isinstance(parent, RegionPage):
        query["region"] = parent.region.code
    return query


def _items_url(url_name, **extra):
    def resolve(obj, ctx):
        return ctx.api_url(url_name, **_listing_query(obj), **extra)

    return resolve


@dataclass
class PageType:
    """One page model in the typed API."""

    model: type
    name: str
    #: fields that are not model attributes, after the ``api_fields``
    extras: list[Field] = field(default_factory=list)

    @cached_property
    def label(self):
        return self.model._meta.label

    @cached_property
    def shape(self):
        meta = create_model(f"{self.name}Meta", __base__=PageMeta, type=(Literal[self.label], ...))
        fields = [
            Field("id", int, lambda obj, ctx: obj.pk),
            Field("title", str, lambda obj, ctx: obj.title),
            Field("meta", meta, _meta),
            Field("translations", list[Translation], _translations),
            *(typed_field(self.model, f.name) for f in api_fields(self.model)),
            *self.extras,
            Field("seo", Seo, serialize_seo, detail_only=True),
            Field("json_ld", dict[str, Any], serialize_json_ld, detail_only=True),
        ]
        return Shape(self.name, fields)

    @cached_property
    def list_fields(self):
        return [name for name, f in self.shape.fields.items() if not f.detail_only]

    @cached_property
    def detail_columns(self):
        """Columns of the model that only a detail shows (the body's JSON): a list
        leaves them unread, which also spares decoding them for every item."""
        columns = {field.name for field in self.model._meta.concrete_fields}
        return [name for name, f in self.shape.fields.items() if f.detail_only and name in columns]

    @cached_property
    def summary_schema(self):
        detail_only = [name for name, f in self.shape.fields.items() if f.detail_only]
        optional = [name for name in self.list_fields if name not in ALWAYS]
        return self.shape.schema(
            f"{self.name}Summary",
            optional=optional,
            exclude=detail_only,
            doc=f"A {self.label} in a list (narrow it with `fields=`).",
        )

    @cached_property
    def detail_schema(self):
        return self.shape.schema(f"{self.name}Detail", doc=f"A {self.label} in full.")

    def summary(self, page, ctx, only=None):
        names = self.list_fields if only is None else [*ALWAYS, *only]
        return self.shape.dump(page, ctx, only=set(names))

    def detail(self, page, ctx):
        return self.shape.dump(page, ctx)


PAGE_TYPES = {
    page_type.label: page_type
    for page_type in [
        PageType(NewsArticlePage, "News"),
        PageType(EventPage, "Event", [Field("ical_url", str, _ical_url)]),
        PageType(RegionPage, "Region"),
        PageType(HomePage, "Home"),
        PageType(ContentPage, "Content"),
        PageType(NewsIndexPage, "NewsIndex", [Field("items_url", str, _items_url("news_list"))]),
        PageType(
            EventIndexPage,
            "EventIndex",
            [Field("items_url", str, _items_url("events_list", upcoming="true"))],
        ),
        PageType(
            RegionIndexPage, "RegionIndex", [Field("items_url", str, _items_url("regions_list"))]
        ),
    ]
}


def _list_schema(name, item):
    return create_model(
        name,
        __base__=Schema,
        count=(
            int,
            SchemaField(
                ...,
                description="Matching items: exact up to 1,000, above that "
                "PostgreSQL's estimate (see `count_estimated`).",
            ),
        ),
        count_estimated=(
            bool,
            SchemaField(False, description="`count` is the planner's estimate."),
        ),
        next=(
            str | None,
            SchemaField(
                None,
                description="URL of the next page (with `cursor` "
                "in the default order, else `offset`); null on the last page.",
            ),
        ),
        items=(list[item], ...),
    )


News = PAGE_TYPES["news.NewsArticlePage"]
Event = PAGE_TYPES["news.EventPage"]
Region = PAGE_TYPES["regions.RegionPage"]

NewsSummary, NewsDetail = News.summary_schema, News.detail_schema
EventSummary, EventDetail = Event.summary_schema, Event.detail_schema
RegionSummary, RegionDetail = Region.summary_schema, Region.detail_schema
NewsList = _list_schema("NewsList", NewsSummary)
EventList = _list_schema("EventList", EventSummary)
RegionList = _list_schema("RegionList", RegionSummary)
