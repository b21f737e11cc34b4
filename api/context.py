"""What serialising one response needs besides the objects: the request and per-response lookups.

A response's pages are known before any of them is serialised, so lookups
that would otherwise cost a query per page (translations, which related
pages the public may see) are made once for all of them, on first use.
"""

from functools import cache, cached_property

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db.models import ForeignKey
from django.db.models.fields.reverse_related import ForeignObjectRel
from django.urls import reverse
from django.utils.http import urlencode
from modelcluster.fields import ParentalKey
from wagtail.api import APIField
from wagtail.api.conf import get_model_field
from wagtail.models import Page

from kumppanuus.listings import prefetched
from kumppanuus.sites import prime
from kumppanuus.visibility import translations_for, visible

from .images import DEFAULT_RENDITIONS

#: The typed detail endpoint of each page type that has one (URL names under ``wagtailapi_v3``).
DETAIL_URL_NAMES = {
    "news.NewsArticlePage": "news_detail",
    "news.EventPage": "events_detail",
    "regions.RegionPage": "regions_detail",
}


@cache
def page_foreign_keys(model):
    """The names of ``model``'s foreign keys to pages (other than its parent page)."""
    return [
        field.name
        for field in model._meta.concrete_fields
        if isinstance(field, ForeignKey)
        and not isinstance(field, ParentalKey)
        and issubclass(field.related_model, Page)
    ]


@cache
def page_references(model):
    """(child relation, [page foreign keys]) for each child relation in ``model.api_fields``
    whose objects point at other pages (an article's related pages)."""
    found = []
    for api_field in APIField.get_fields_for_model(model):
        try:
            relation = get_model_field(model, api_field.name)
        except FieldDoesNotExist:
            continue  # a property
        if not isinstance(relation, ForeignObjectRel):
            continue
        fks = page_foreign_keys(relation.related_model)
        if fks:
            found.append((api_field.name, fks))
    return found


class Context:
    def __init__(self, request, pages=(), renditions=None, preview=False, language=None):
        self.request = request
        self.pages = list(pages)
        #: the language of a response that is not a page (a keyword page)
        self.language = language
        #: (name, Wagtail filter spec) of each image rendition to serve
        self.renditions = renditions or DEFAULT_RENDITIONS
        #: True when the response shows a draft (preview token)
        self.preview = preview
        self._url_parts = {}

    @cached_property
    def base_url(self):
        configured = getattr(settings, "WAGTAILAPI_BASE_URL", "") or ""
        return configured.rstrip("/") or self.request.build_absolute_uri("/").rstrip("/")

    def absolute(self, path):
        if not path or "://" in path:
            return path or None
        return self.base_url + path

    def api_url(self, url_name, *args, **query):
        path = reverse(f"wagtailapi_v3:{url_name}", args=args)
        query = {key: value for key, value in query.items() if value not in (None, "")}
        return self.absolute(path + (f"?{urlencode(query)}" if query else ""))

    def url_parts(self, page):
        """``page.get_url_parts(request)``, worked out once per page and response: a
        page's path and its full URL both come from it, and each call reverses a URL
        inside ``translation.override`` (the cost of every item's ``meta``)."""
        key = (type(page), page.pk, page.url_path)
        if key not in self._url_parts:
            prime(self.request)  # the site root paths in one query, not Wagtail's two
            self._url_parts[key] = page.get_url_parts(self.request)
        return self._url_parts[key]

    def page_path(self, page):
        """The public path (``/sv/nyheter/…/``), or None for a page outside every site."""
        parts = self.url_parts(page)
        return parts[2] if parts else None

    def page_url(self, page):
        """``page.get_full_url(request)`` from the same parts as ``page_path``."""
        parts = self.url_parts(page)
        if parts is None or parts[1] is None and parts[2] is None:
            return None
        return parts[1] + parts[2]

    def detail_url(self, page):
        """The page's typed detail endpoint, or ``resolve`` for types without one."""
        label = page.specific_class._meta.label if page.specific_class else "wagtailcore.Page"
        if label in DETAIL_URL_NAMES:
            return self.api_url(DETAIL_URL_NAMES[label], page.pk)
        return self.api_url("resolve", path=self.page_path(page))

    @cached_property
    def translations(self):
        """translation_key → visible versions (``kumppanuus.visibility.PageLink``) of the
        response's pages in every language: one query, no ``Page`` objects."""
        return translations_for(self.pages)

    def translations_of(self, page):
        return [
            other
            for other in self.translations.get(page.translation_key, [])
            if other.pk != page.pk
        ]

    def ref_meta(self, page):
        label = page.specific_class._meta.label if page.specific_class else "wagtailcore.Page"
        return {
            "type": label,
            "locale": page.locale.language_code,
            "path": self.page_path(page),
            "html_url": self.page_url(page),
            "detail_url": self.detail_url(page),
        }

    def page_ref(self, page):
        return {"id": page.pk, "title": page.title, "meta": self.ref_meta(page)}

    @cached_property
    def _referenced_pages(self):
        """Visible pages among those the response's pages refer to in child objects
        (an article's related pages), by id: one query for the whole response."""
        ids = set()
        for page in self.pages:
            for relation, fks in page_references(type(page)):
                for child in prefetched(page, relation):
                    ids.update(getattr(child, f"{fk}_id") for fk in fks)
        ids.discard(None)
        if not ids:
            return {}
        pages = visible(Page.objects.filter(pk__in=ids)).select_related("locale")
        return {page.pk: page for page in pages}

    def visible_page(self, page_id):
        return self._referenced_pages.get(page_id)
