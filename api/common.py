"""Schemas every content type shares: meta, translations, images, body blocks, SEO."""

from datetime import datetime
from typing import Any

from ninja import Schema


class PageMeta(Schema):
    type: str
    locale: str
    slug: str
    path: str | None = None
    html_url: str | None = None
    detail_url: str
    first_published_at: datetime | None = None
    last_published_at: datetime | None = None
    preview: bool = False


class Translation(Schema):
    """The same page in another language."""

    locale: str
    id: int
    url: str | None = None
    detail_url: str


class RefMeta(Schema):
    type: str
    locale: str
    path: str | None = None
    html_url: str | None = None
    detail_url: str


class PageRef(Schema):
    """Another page the public may see: enough to link to it and to fetch it."""

    id: int
    title: str
    meta: RefMeta


class Rendition(Schema):
    url: str
    width: int
    height: int


class FocalPoint(Schema):
    """The focal point editors set, in original pixels (centre and size)."""

    x: int
    y: int
    width: int
    height: int


class Image(Schema):
    id: int
    title: str
    alt: str
    width: int
    height: int
    focal_point: FocalPoint | None = None
    renditions: dict[str, Rendition]


class BodyBlock(Schema):
    """One StreamField block; rich text (``paragraph``) is HTML with absolute links, and
    links to pages carry ``data-page-id``, ``data-page-type`` and ``data-api-url``."""

    type: str
    id: str | None = None
    value: Any


class Alternate(Schema):
    hreflang: str
    url: str


class Seo(Schema):
    """What the HTML page puts in ``<head>``."""

    title: str
    seo_title: str
    search_description: str
    description: str
    canonical_url: str | None = None
    alternates: list[Alternate]
    og_image: Rendition | None = None
