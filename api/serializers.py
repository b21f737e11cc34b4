"""Prefetched pages → plain dicts matching ``schemas``.

Everything read here was fetched by ``querysets`` (select_related,
prefetch_related, one translations query per response), so serialising 100
items costs the same queries as serialising 20.
"""

import re

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from wagtail.images.models import SourceImageIOError
from wagtail.rich_text import expand_db_html

from kumppanuus.safe_links import neutralise_links, safe_url
from kumppanuus.visibility import translations_for
from news.querysets import IMAGE_RENDITIONS

_RELATIVE_LINK = re.compile(r'(\s(?:href|src)=")(/[^/"][^"]*|/)"')


def base_url(request):
    configured = getattr(settings, "WAGTAILAPI_BASE_URL", "") or ""
    return configured.rstrip("/") or request.build_absolute_uri("/").rstrip("/")


def absolute(request, path):
    if not path or "://" in path:
        return path or None
    return base_url(request) + path


def absolutize_html(request, html):
    """Make every root-relative ``href``/``src`` absolute, for consumers on other hosts."""
    root = base_url(request)
    return _RELATIVE_LINK.sub(lambda m: f'{m.group(1)}{root}{m.group(2)}"', html)


def local(value):
    """Aware datetimes in Helsinki time, so ISO 8601 carries the local offset."""
    return timezone.localtime(value) if value else value


class Serializer:
    """Serialises one response's pages; holds per-response lookups (translations)."""

    detail_url_name = None

    def __init__(self, request, pages):
        self.request = request
        self.pages = list(pages)
        self.translations = translations_for(self.pages)

    def page_url(self, page):
        return page.get_full_url(self.request)

    def detail_url(self, page, url_name=None):
        name = url_name or self.detail_url_name
        return absolute(self.request, reverse(f"wagtailapi_v3:{name}", args=[page.pk]))

    def meta(self, page):
        return {
            "type": page._meta.label,
            "locale": page.locale.language_code,
            "slug": page.slug,
            "html_url": self.page_url(page),
            "detail_url": self.detail_url(page),
            "first_published_at": local(page.first_published_at),
            "last_published_at": local(page.last_published_at),
        }

    def common(self, page):
        """What every page in the API carries: its identity, meta and translations."""
        return {
            "id": page.pk,
            "title": page.title,
            "meta": self.meta(page),
            "translations": self.translations_of(page),
        }

    def translations_of(self, page):
        return [
            {
                "locale": other.locale.language_code,
                "id": other.pk,
                "url": self.page_url(other),
                "detail_url": self.detail_url(other),
            }
            for other in self.translations.get(page.translation_key, [])
            if other.pk != page.pk
        ]

    @staticmethod
    def keywords(page):
        return [
            {"name": k.name, "slug": k.slug, "label_sv": k.label_sv, "label_en": k.label_en}
            for k in page.keywords.all()
        ]

    @staticmethod
    def region(region):
        return {
            "code": region.code,
            "name_fi": region.name_fi,
            "name_sv": region.name_sv,
            "name_en": region.name_en,
        }

    def regions(self, page):
        return [self.region(r) for r in page.regions.all()]

    @staticmethod
    def person(person):
        """A published person, or None: unpublished people are shown nowhere."""
        if person is None or not person.is_public:
            return None
        return {
            "id": person.pk,
            "name": person.name,
            "job_title": person.job_title,
            "organisation": person.organisation,
            "phone": person.phone,
            "email": person.email,
        }

    @staticmethod
    def image(image):
        if image is None:
            return None
        renditions = {}
        for name, spec in IMAGE_RENDITIONS.items():
            try:
                rendition = image.get_rendition(spec)
            except (SourceImageIOError, OSError):
                continue
            renditions[name] = {
                "url": rendition.full_url,
                "width": rendition.width,
                "height": rendition.height,
            }
        return {"id": image.pk, "title": image.title, "renditions": renditions}

    def body(self, stream):
        """The StreamField as blocks; rich text as display HTML with absolute links
        (code-running links neutralised, ``kumppanuus.safe_links``)."""
        context = {"request": self.request}
        blocks = []
        for child in stream:
            if child.block_type == "paragraph":
                html = neutralise_links(expand_db_html(child.value.source))
                value = absolutize_html(self.request, html)
            elif child.block_type == "image":
                value = {
                    "image": self.image(child.value.get("image")),
                    "caption": child.value.get("caption", ""),
                    "alt_text": child.value.get("alt_text", ""),
                }
            elif child.block_type == "attachment":
                document = child.value.get("document")
                value = child.block.get_api_representation(child.value, context)
                value["document"] = absolute(self.request, document.url) if document else None
            else:
                value = child.block.get_api_representation(child.value, context)
            blocks.append({"type": child.block_type, "id": child.id, "value": value})
        return blocks


class NewsSerializer(Serializer):
    detail_url_name = "news_detail"

    def summary(self, page):
        return {
            **self.common(page),
            "lead": page.lead,
            "date": page.date,
            "author": self.person(page.author),
            "keywords": self.keywords(page),
            "regions": self.regions(page),
            "image": self.image(page.image),
        }

    def detail(self, page):
        return {**self.summary(page), "body": self.body(page.body)}


class EventSerializer(Serializer):
    detail_url_name = "events_detail"

    @staticmethod
    def session(session):
        return {
            "id": session.pk,
            "title": session.title,
            "start": local(session.start),
            "end": local(session.end),
            "venue": session.venue,
            "is_online": session.is_online,
            "registration_url": safe_url(session.registration_url),
        }

    def summary(self, page):
        return {
            **self.common(page),
            "lead": page.lead,
            "format": page.format,
            "organiser": page.organiser,
            "audience": page.audience,
            "starts_at": local(page.starts_at),
            "ends_at": local(page.ends_at),
            "registration_url": safe_url(page.registration_url),
            "registration_deadline": local(page.registration_deadline),
            "contact": self.person(page.contact),
            "keywords": self.keywords(page),
            "regions": self.regions(page),
            "sessions": [self.session(s) for s in page.sessions.all()],
            "ical_url": absolute(self.request, reverse("feeds:event_ical", args=[page.pk])),
        }

    def detail(self, page):
        return {
            **self.summary(page),
            "registration_notes": page.registration_notes,
            "body": self.body(page.body),
        }


class RegionSerializer(Serializer):
    detail_url_name = "regions_detail"

    def summary(self, page):
        return {
            **self.common(page),
            "region": self.region(page.region),
            "intro": page.intro,
            "network": {
                "name": page.network_name,
                "url": safe_url(page.network_url),
                "email": page.network_email,
                "phone": page.network_phone,
                "description": page.network_description,
            },
            "contacts": [
                {"person": self.person(c.person), "role": c.role}
                for c in page.contacts.all()
                if c.person.is_public
            ],
            "cooperation_structures": [
                {
                    "name": c.name,
                    "description": c.description,
                    "organisations": c.organisation_list,
                    "url": safe_url(c.url),
                }
                for c in page.cooperation_structures.all()
            ],
        }

    def detail(self, page):
        return {**self.summary(page), "body": self.body(page.body)}
