"""Reading a WordPress export (WXR, "WordPress eXtended RSS", versions 1.1 and 1.2).

Parsed with ``defusedxml`` (no entity expansion, no external entities, no
network): an export file comes from elsewhere and is untrusted input.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urlparse

from defusedxml import ElementTree
from django.utils import timezone

NS = {
    "wp": "http://wordpress.org/export/1.2/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "excerpt": "http://wordpress.org/export/1.2/excerpt/",
    "dc": "http://purl.org/dc/elements/1.1/",
}
OLDER_WP = ("http://wordpress.org/export/1.1/", "http://wordpress.org/export/1.0/")
EXCERPT_OLDER = (
    "http://wordpress.org/export/1.1/excerpt/",
    "http://wordpress.org/export/1.0/excerpt/",
)


class ExportError(Exception):
    """The file is not a WordPress export we can read."""


@dataclass
class Term:
    taxonomy: str  # category, post_tag, language, post_translations, tribe_events_cat, ...
    slug: str
    name: str


@dataclass
class Item:
    post_id: int
    post_type: str
    status: str
    title: str
    link: str
    guid: str
    creator: str
    content: str
    excerpt: str
    slug: str
    parent: int
    menu_order: int
    date: datetime.datetime | None  # aware (site time zone)
    date_gmt: datetime.datetime | None  # aware UTC
    password: str
    attachment_url: str
    terms: list[Term] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    comments: int = 0

    def terms_of(self, taxonomy):
        return [t for t in self.terms if t.taxonomy == taxonomy]

    @property
    def published_at(self):
        return self.date_gmt or self.date


@dataclass
class Author:
    login: str
    display_name: str


@dataclass
class Export:
    title: str
    base_url: str
    language: str
    authors: dict[str, Author]
    terms: list[Term]
    items: list[Item]

    def host_paths(self, url):
        """The path of ``url`` if it points at the old site (absolute or relative), else None."""
        parsed = urlparse(url)
        if parsed.scheme and parsed.scheme not in ("http", "https"):
            return None
        base = urlparse(self.base_url)
        if parsed.netloc and parsed.netloc.lower().removeprefix(
            "www."
        ) != base.netloc.lower().removeprefix("www."):
            return None
        if not parsed.netloc and not url.startswith("/"):
            return None
        path = parsed.path
        prefix = base.path.rstrip("/")
        if prefix and path.startswith(prefix):
            path = path[len(prefix) :]
        return (path or "/") + (f"?{parsed.query}" if parsed.query else "")


def _text(element, path, default=""):
    found = element.find(path, NS)
    if found is None:
        for old in OLDER_WP:
            found = element.find(path.replace("wp:", "{" + old + "}"), NS)
            if found is not None:
                break
    if found is None and path.startswith("excerpt:"):
        for old in EXCERPT_OLDER:
            found = element.find("{" + old + "}" + path.split(":", 1)[1])
            if found is not None:
                break
    return (found.text or "").strip() if found is not None else default


def _raw(element, path):
    found = element.find(path, NS)
    return (found.text or "") if found is not None else ""


def _int(value, default=0):
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _datetime(value, tz):
    if not value or value.startswith("0000-00-00"):
        return None
    try:
        naive = datetime.datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
    return timezone.make_aware(naive, tz)


def _findall(element, tag):
    found = element.findall(f"wp:{tag}", NS)
    for old in OLDER_WP:
        found += element.findall("{" + old + "}" + tag)
    return found


def parse(path) -> Export:
    try:
        tree = ElementTree.parse(path, forbid_dtd=True)
    except ElementTree.ParseError as exc:
        raise ExportError(f"not well-formed XML: {exc}") from exc
    except (ValueError, OSError) as exc:  # defusedxml's refusals, unreadable file
        raise ExportError(str(exc)) from exc
    channel = tree.getroot().find("channel")
    if channel is None or tree.getroot().tag != "rss":
        raise ExportError("not a WordPress export (no rss/channel)")
    base_url = _text(channel, "wp:base_site_url") or _text(channel, "link")
    if not base_url:
        raise ExportError("not a WordPress export (no wp:base_site_url)")

    helsinki = timezone.get_default_timezone()
    authors = {}
    for el in _findall(channel, "author"):
        login = _text(el, "wp:author_login")
        authors[login] = Author(login, _text(el, "wp:author_display_name") or login)

    terms = []
    for el in _findall(channel, "category"):
        terms.append(
            Term("category", unquote(_text(el, "wp:category_nicename")), _text(el, "wp:cat_name"))
        )
    for el in _findall(channel, "tag"):
        terms.append(Term("post_tag", unquote(_text(el, "wp:tag_slug")), _text(el, "wp:tag_name")))
    for el in _findall(channel, "term"):
        terms.append(
            Term(
                _text(el, "wp:term_taxonomy"),
                unquote(_text(el, "wp:term_slug")),
                _text(el, "wp:term_name"),
            )
        )

    items = []
    for el in channel.findall("item"):
        item_terms = [
            Term(
                c.get("domain", "category"), unquote(c.get("nicename", "")), (c.text or "").strip()
            )
            for c in el.findall("category")
            if c.get("nicename")
        ]
        meta = {}
        for m in _findall(el, "postmeta"):
            meta[_text(m, "wp:meta_key")] = _text(m, "wp:meta_value")
        items.append(
            Item(
                post_id=_int(_text(el, "wp:post_id")),
                post_type=_text(el, "wp:post_type") or "post",
                status=_text(el, "wp:status") or "publish",
                title=_text(el, "title"),
                link=_text(el, "link"),
                guid=_text(el, "guid"),
                creator=_text(el, "dc:creator"),
                content=_raw(el, "content:encoded") or _text(el, "content:encoded"),
                excerpt=_text(el, "excerpt:encoded"),
                slug=unquote(_text(el, "wp:post_name")),
                parent=_int(_text(el, "wp:post_parent")),
                menu_order=_int(_text(el, "wp:menu_order")),
                date=_datetime(_text(el, "wp:post_date"), helsinki),
                date_gmt=_datetime(_text(el, "wp:post_date_gmt"), datetime.UTC),
                password=_text(el, "wp:post_password"),
                attachment_url=_text(el, "wp:attachment_url"),
                terms=item_terms,
                meta=meta,
                comments=len(_findall(el, "comment")),
            )
        )
    return Export(
        title=_text(channel, "title"),
        base_url=base_url.rstrip("/"),
        language=(_text(channel, "language") or "fi")[:2].lower(),
        authors=authors,
        terms=terms,
        items=items,
    )


SIZE_VARIANT = re.compile(r"-\d+x\d+(?=\.[A-Za-z0-9]+$)")


def original_of(path):
    """``2023/05/kuva-300x200.jpg`` → ``2023/05/kuva.jpg`` (WordPress's size variants;
    also ``-scaled`` big-image copies)."""
    path = SIZE_VARIANT.sub("", path)
    return re.sub(r"-scaled(?=\.[A-Za-z0-9]+$)", "", path)
