"""Typed response schemas: the fields consumers read, named as in the content model.

These are the shapes in the OpenAPI document (``/api/v3/openapi.json``).
Instances are built by ``serializers`` from prefetched pages, never by lazy
attribute access, so the number of queries does not depend on page size.
"""

from datetime import date, datetime
from typing import Any, Literal

from ninja import Schema


class PageMeta(Schema):
    type: str
    locale: str
    slug: str
    html_url: str | None = None
    detail_url: str
    first_published_at: datetime | None = None
    last_published_at: datetime | None = None


class Translation(Schema):
    """The same page in another language."""

    locale: str
    id: int
    url: str | None = None
    detail_url: str


class Keyword(Schema):
    name: str
    slug: str
    label_sv: str = ""
    label_en: str = ""


class RegionRef(Schema):
    code: str
    name_fi: str
    name_sv: str
    name_en: str


class Person(Schema):
    id: int
    name: str
    job_title: str = ""
    organisation: str = ""
    phone: str = ""
    email: str = ""


class Rendition(Schema):
    url: str
    width: int
    height: int


class Image(Schema):
    id: int
    title: str
    renditions: dict[str, Rendition]


class BodyBlock(Schema):
    """One StreamField block; rich text (``paragraph``) is HTML with absolute links."""

    type: str
    id: str | None = None
    value: Any


class NewsSummary(Schema):
    id: int
    title: str
    meta: PageMeta
    lead: str
    date: date
    author: Person | None = None
    keywords: list[Keyword]
    regions: list[RegionRef]
    image: Image | None = None
    translations: list[Translation]


class NewsDetail(NewsSummary):
    body: list[BodyBlock]


class Session(Schema):
    id: int
    title: str
    start: datetime
    end: datetime
    venue: str = ""
    is_online: bool
    registration_url: str = ""


class EventSummary(Schema):
    id: int
    title: str
    meta: PageMeta
    lead: str
    format: Literal["online", "onsite", "hybrid"]
    organiser: str = ""
    audience: str = ""
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    registration_url: str = ""
    registration_deadline: datetime | None = None
    contact: Person | None = None
    keywords: list[Keyword]
    regions: list[RegionRef]
    sessions: list[Session]
    ical_url: str
    translations: list[Translation]


class EventDetail(EventSummary):
    registration_notes: str = ""
    body: list[BodyBlock]


class Contact(Schema):
    person: Person
    role: str = ""


class Network(Schema):
    """The region's NGO network organisation."""

    name: str = ""
    url: str = ""
    email: str = ""
    phone: str = ""
    description: str = ""


class CooperationStructure(Schema):
    name: str
    description: str = ""
    organisations: list[str]
    url: str = ""


class RegionSummary(Schema):
    id: int
    title: str
    meta: PageMeta
    region: RegionRef
    intro: str
    network: Network
    contacts: list[Contact]
    cooperation_structures: list[CooperationStructure]
    translations: list[Translation]


class RegionDetail(RegionSummary):
    body: list[BodyBlock]


class NewsList(Schema):
    count: int
    items: list[NewsSummary]


class EventList(Schema):
    count: int
    items: list[EventSummary]


class RegionList(Schema):
    count: int
    items: list[RegionSummary]
