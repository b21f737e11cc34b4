"""Moving a WordPress export in: ``Importer(...).run()`` returns a ``Report``.

The same code makes the dry run and the real run: in a dry run nothing is
written (and the work runs in a transaction that is rolled back, as a belt and
braces), so both reports count the same things.

Order: media, then pages (parents before children), posts, events. Each item's
ledger row (``ImportedItem``) decides whether it is created, updated, left as it
is (same content hash), left alone because an editor edited it in Wagtail since
the import, or not brought back because an editor deleted it.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
import json
import mimetypes
import uuid
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from django.contrib.contenttypes.models import ContentType
from django.core.files import File
from django.core.files.images import ImageFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from home.models import ContentPage, HomePage
from news.models import (
    EventIndexPage,
    EventPage,
    EventSession,
    Keyword,
    NewsArticlePage,
    NewsIndexPage,
)
from regions.models import Person, Region, RegionPage

from . import wxr
from .content import Converter, plain
from .mapping import Mapping
from .models import ImportedItem
from .report import Report

IMPORTER_VERSION = "1"
IMAGE_TYPES = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif"}
PAGE_TYPES = {"post": NewsArticlePage, "page": ContentPage, "tribe_events": EventPage}
SUPPORTING_TYPES = {
    "tribe_venue": "venue of an event (its name and city go to the event's session)",
    "tribe_organizer": "organiser of an event (its name goes to the event)",
}
NOT_CONTENT = {
    "nav_menu_item": "navigation menu item (build menus in Wagtail)",
    "revision": "WordPress revision",
    "wp_block": "reusable block (its content is not inserted)",
    "wp_template": "theme template",
    "wp_template_part": "theme template",
    "wp_global_styles": "theme styles",
    "wp_navigation": "navigation menu",
    "custom_css": "theme styles",
    "customize_changeset": "theme settings",
    "oembed_cache": "oEmbed cache",
    "user_request": "privacy request",
}
NAMESPACE = uuid.UUID("5b0f8a52-51a4-4b8e-9a3e-6f1f0b9a1c07")


class Importer:
    def __init__(self, export_path, *, uploads=None, mapping=None, dry_run=False, csv_path=None):
        self.export = wxr.parse(export_path)
        self.uploads = Path(uploads) if uploads else None
        self.mapping = mapping or Mapping()
        self.dry_run = dry_run
        self.csv_path = Path(csv_path) if csv_path else None
        self.site = self.export.base_url
        self.report = Report(dry_run)
        self.converter = Converter(self, self.report)
        self.items = {item.post_id: item for item in self.export.items}
        self.pages = {}  # post id → page (created, updated or unchanged this run)
        self.will_be_live = set()  # post ids that become live pages
        self.media_by_hash = {}  # (kind, sha1) → (id, title/alt) for this run
        self.media_by_path = {}  # uploads-relative path → (id, alt) | None
        self.redirect_rows = []
        self.planned_people = set()
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}
        self._index_export()

    # -- the export ------------------------------------------------------------------------
    def _index_export(self):
        self.attachments_by_path = {}
        self.paths = {}
        for item in self.export.items:
            if item.post_type == "attachment":
                relative = self.upload_path(
                    item.meta.get("_wp_attached_file") or item.attachment_url
                )
                if relative:
                    self.attachments_by_path[relative] = item
            path = self.export.host_paths(item.link) if item.link else None
            if path:
                self.paths[_normal(path)] = item.post_id
            self.paths[f"/?p={item.post_id}"] = item.post_id
            if item.post_type == "page":
                self.paths[f"/?page_id={item.post_id}"] = item.post_id

    def upload_path(self, url_or_path):
        """``…/wp-content/uploads/2023/05/kuva.jpg`` → ``2023/05/kuva.jpg``."""
        if not url_or_path:
            return None
        path = urlparse(url_or_path).path if "://" in url_or_path else url_or_path
        if "/uploads/" in path:
            path = path.split("/uploads/", 1)[1]
        elif "://" in url_or_path or path.startswith("/"):
            return None
        return path.strip("/") or None

    def language(self, item):
        for term in item.terms_of("language"):
            return term.slug[:2].lower()
        code = item.meta.get("_wpml_import_language_code") or item.meta.get("wpml_language")
        return (code or self.export.language)[:2].lower()

    def translation_key(self, item):
        group = next((t.slug for t in item.terms_of("post_translations")), None)
        group = group or item.meta.get("_wpml_import_translation_group")
        if group:
            return uuid.uuid5(NAMESPACE, f"{self.site}#group:{group}")
        return uuid.uuid5(NAMESPACE, f"{self.site}#post:{item.post_id}")

    # -- the run ------------------------------------------------------------------------------
    def run(self):
        with transaction.atomic():
            for item in self.export.items:
                self.report.counts[item.post_type][item.status][self.language(item)] += 1
                if item.comments:
                    self.report.not_imported["comments"] += item.comments
            for item in self.export.items:
                if item.post_type == "attachment":
                    self.import_attachment(item)
            pages = [i for i in self.export.items if i.post_type == "page"]
            for item in sorted(pages, key=self.depth):
                self.import_page(item)
            # Oldest first: a post's links to older posts then become page links.
            for post_type in ("post", "tribe_events"):
                items = [i for i in self.export.items if i.post_type == post_type]
                for item in sorted(items, key=_by_date):
                    self.import_page(item)
            for item in self.export.items:
                if item.post_id in self.report.outcomes:
                    continue
                if item.post_type in SUPPORTING_TYPES:
                    self.report.outcome(item, "used", SUPPORTING_TYPES[item.post_type])
                else:
                    reason = NOT_CONTENT.get(
                        item.post_type, f"unsupported post type {item.post_type}"
                    )
                    self.report.outcome(item, "skipped", reason)
            self.term_redirects()
            if self.dry_run:
                transaction.set_rollback(True)
        if not self.dry_run and self.csv_path:
            self.write_csv()
        return self.report

    def depth(self, item):
        depth, seen = 0, set()
        while item.parent and item.parent in self.items and item.post_id not in seen:
            seen.add(item.post_id)
            item = self.items[item.parent]
            depth += 1
        return depth

    # -- ledger ------------------------------------------------------------------------------
    def ledger(self, key):
        return ImportedItem.objects.filter(site=self.site, key=key).first()

    def remember(self, key, item, content_hash, obj, revision=None):
        if self.dry_run:
            return
        ImportedItem.objects.update_or_create(
            site=self.site,
            key=key,
            defaults={
                "guid": item.guid if item else "",
                "post_type": item.post_type if item else "file",
                "content_hash": content_hash,
                "content_type": ContentType.objects.get_for_model(obj, for_concrete_model=False)
                if obj is not None
                else None,
                "object_id": obj.pk if obj is not None else None,
                "revision_id": revision.pk if revision is not None else None,
            },
        )

    # -- media ---------------------------------------------------------------------------------
    def import_attachment(self, item):
        relative = self.upload_path(item.meta.get("_wp_attached_file") or item.attachment_url)
        found = self.media_file(relative, item=item)
        if found is None:
            self.report.missing_media[relative or item.attachment_url].add(item.post_id)
            self.report.outcome(
                item, "skipped", f"file missing from the uploads folder: {relative}"
            )
        else:
            self.report.outcome(item, found[2], f"{relative}")

    def media_file(self, relative, item=None, referrer=None):
        """(object id, alt text, action) for an uploads file, imported once per content hash;
        None if the file is not in the uploads folder."""
        if not relative:
            return None
        relative = wxr.original_of(relative)
        if relative in self.media_by_path:
            cached = self.media_by_path[relative]
            return None if cached is None else (*cached[:2], "unchanged")
        item = item or self.attachments_by_path.get(relative)
        path = (self.uploads / relative) if self.uploads else None
        if (
            path is None
            or not path.is_file()
            or not path.resolve().is_relative_to(self.uploads.resolve())
        ):
            self.media_by_path[relative] = None
            return None
        data = path.read_bytes()
        sha1 = hashlib.sha1(data).hexdigest()  # noqa: S324 - Wagtail's own file_hash
        is_image = path.suffix.lower() in IMAGE_TYPES
        if is_image and not _readable_image(data):
            self.report.warnings.append(f"{relative}: not a readable image; not imported")
            self.media_by_path[relative] = None
            return None
        alt = (item.meta.get("_wp_attachment_image_alt", "") if item else "")[:255]
        title = (item.title if item and item.title else path.stem)[:255]
        model = get_image_model() if is_image else get_document_model()
        kind = "image" if is_image else "document"
        key = f"file:{relative}"
        ledger = self.ledger(key)
        action = "unchanged"
        obj = None
        if ledger is not None and ledger.content_hash == sha1:
            obj = ledger.get_object()
            if obj is None:
                action = "deleted in Wagtail"
        if obj is None and action != "deleted in Wagtail":
            obj = (
                self.media_by_hash.get((kind, sha1)) or model.objects.filter(file_hash=sha1).first()
            )
            if obj is not None:
                action = "reused"
                self.report.media[f"{kind}s reused (same file)"] += 1
            else:
                action = "created"
                self.report.media[f"{kind}s created"] += 1
                if self.dry_run:
                    obj = model(pk=0, title=title)
                else:
                    wrapper = ImageFile if is_image else File
                    obj = model(
                        title=title,
                        file=wrapper(io.BytesIO(data), name=path.name),
                        file_hash=sha1,
                        file_size=len(data),
                    )
                    if is_image:
                        obj.description = alt
                    obj.save()
            self.media_by_hash[(kind, sha1)] = obj
            self.remember(key, item, sha1, obj)
        if obj is None:  # deleted by an editor: not brought back, content keeps its text
            self.media_by_path[relative] = None
            return (None, alt, action)
        self.media_by_path[relative] = (obj.pk, alt or getattr(obj, "description", ""), kind)
        return (obj.pk, self.media_by_path[relative][1], action)

    def _media(self, attachment_id, url, post_id, kind):
        relative = None
        if attachment_id and attachment_id in self.items:
            attachment = self.items[attachment_id]
            relative = self.upload_path(
                attachment.meta.get("_wp_attached_file") or attachment.attachment_url
            )
        if relative is None and url:
            local = self.export.host_paths(url)
            relative = self.upload_path(local) if local and "/uploads/" in local else None
        if relative is None:
            if url or attachment_id:
                self.report.missing_media[url or f"attachment {attachment_id}"].add(post_id)
            return None
        found = self.media_file(relative)
        if found is None:
            self.report.missing_media[wxr.original_of(relative)].add(post_id)
            return None
        if found[0] is None:
            return None
        if self.media_by_path[wxr.original_of(relative)][2] != kind:
            return None
        return found[0], found[1]

    # resolver interface for content.Converter
    def image(self, attachment_id, src, post_id):
        return self._media(attachment_id, src, post_id, "image")

    def document(self, attachment_id, url, post_id):
        found = self._media(attachment_id, url, post_id, "document")
        if found is None:
            return None
        return found[0], self.items[attachment_id].title if attachment_id in self.items else ""

    def link(self, href, post_id):
        href = href.strip()
        if href.startswith(("#", "mailto:", "tel:")):
            return ("url", href)
        scheme = urlparse(href).scheme.lower()
        if scheme and scheme not in ("http", "https"):
            self.report.unresolvable_links[href[:200]].add(post_id)
            return None  # javascript:, data: and the like: the text stays, the link goes
        path = self.export.host_paths(href)
        if path is None:
            return ("url", href)
        if "/uploads/" in path:
            found = self._media(None, href, post_id, "document") or self._media(
                None, href, post_id, "image"
            )
            return ("url", href) if found is None else ("url", href)
        target = self.target_of(path)
        if target is None:
            if _is_archive(path):
                return ("url", path)
            self.report.unresolvable_links[href].add(post_id)
            return ("url", href)
        page = self.pages.get(target)
        if page is not None and page.pk:
            return ("page", page.pk)
        return ("url", path)  # answered by the redirect made for it

    def target_of(self, path):
        parsed = urlparse(path)
        query = parse_qs(parsed.query)
        for name in ("p", "page_id"):
            if name in query and query[name][0].isdigit() and int(query[name][0]) in self.items:
                return int(query[name][0])
        post_id = self.paths.get(_normal(path))
        if post_id is None:
            return None
        item = self.items[post_id]
        return post_id if item.post_type in PAGE_TYPES and item.status == "publish" else None

    # -- pages -----------------------------------------------------------------------------------
    def import_page(self, item):
        model = PAGE_TYPES[item.post_type]
        if item.status == "trash":
            return self.report.outcome(item, "skipped", "in the WordPress trash")
        if item.status == "auto-draft":
            return self.report.outcome(item, "skipped", "empty auto-draft")
        if item.status not in ("publish", "draft", "pending", "future", "private"):
            return self.report.outcome(item, "skipped", f"status {item.status}")
        live = item.status == "publish" and not item.password
        note = ""
        if item.status == "private":
            note = "private in WordPress: imported as a draft"
        elif item.password:
            note = "password-protected in WordPress: imported as a draft"
        language = self.language(item)
        if language not in self.locales:
            return self.report.outcome(item, "skipped", f"language {language} is not in use")
        body = self.converter.convert(item.content, item.post_id)
        parent = self.parent_for(item, model, language)
        if parent is None:
            return self.report.outcome(
                item, "skipped", f"no {model.__name__} parent for language {language}"
            )
        fields = self.fields(item, model, language, body)
        content_hash = self.content_hash(item, fields, parent, live)
        key = f"post:{item.post_id}"
        ledger = self.ledger(key)
        page = None
        if ledger is not None:
            if ledger.deleted_at:
                return self.report.outcome(item, "deleted in Wagtail", "deleted by an editor")
            page = ledger.get_object()
            if page is None:
                if not self.dry_run:
                    ledger.deleted_at = timezone.now()
                    ledger.save(update_fields=["deleted_at"])
                return self.report.outcome(item, "deleted in Wagtail", "deleted by an editor")
            page = page.specific
            if ledger.content_hash == content_hash:
                self.pages[item.post_id] = page
                if page.live:
                    self.will_be_live.add(item.post_id)
                    self.page_redirects(item, page)
                return self.report.outcome(item, "unchanged", note)
            if page.latest_revision_id != ledger.revision_id:
                self.pages[item.post_id] = page
                return self.report.outcome(
                    item, "skipped", "edited in Wagtail since the import: not overwritten"
                )
        action = "created" if page is None else "updated"
        if live:
            self.will_be_live.add(item.post_id)
        if self.dry_run:
            self.pages[item.post_id] = page or model(pk=None)
            if model is NewsArticlePage:
                self.person(item.creator, fields["author"])
            if live:
                for path in self.old_paths(item):
                    self.planned_redirect(path, page)
            return self.report.outcome(item, action, note)
        page, revision = self.save_page(item, model, parent, page, fields, live, language)
        self.pages[item.post_id] = page
        self.remember(key, item, content_hash, page, revision)
        if page.live:
            self.page_redirects(item, page)
        self.report.outcome(item, action, note)

    def parent_for(self, item, model, language):
        home = self.homes().get(language)
        if home is None:
            return None
        if model is NewsArticlePage:
            return NewsIndexPage.objects.child_of(home).first()
        if model is EventPage:
            return EventIndexPage.objects.child_of(home).first()
        parent_item = self.items.get(item.parent)
        if parent_item is not None and parent_item.post_type == "page":
            parent_page = self.pages.get(parent_item.post_id)
            if parent_page is not None and (parent_page.pk or self.dry_run):
                if parent_page.pk is None or parent_page.locale_id == self.locales[language].pk:
                    return parent_page
            self.report.warnings.append(
                f"page {item.post_id}: its parent {item.parent} was not imported; "
                "placed under the home page"
            )
        return home

    def homes(self):
        if not hasattr(self, "_homes"):
            self._homes = {
                home.locale.language_code: home
                for home in HomePage.objects.select_related("locale").order_by("path")
            }
        return self._homes

    def fields(self, item, model, language, body):
        fields = {
            "title": (item.title or f"WordPress {item.post_id}")[:255],
            "slug": slugify(item.slug or item.title)[:255] or f"wp-{item.post_id}",
            "body": body,
            "lead": plain(item.excerpt),
        }
        if model in (NewsArticlePage, EventPage):
            keywords, regions = self.classify(item)
            fields["keywords"] = sorted(keywords)
            fields["regions"] = sorted(regions)
        if model is NewsArticlePage:
            fields["date"] = (item.date or timezone.now()).date().isoformat()
            author = self.export.authors.get(item.creator)
            fields["author"] = author.display_name if author else item.creator
        if model is EventPage:
            fields["sessions"] = self.sessions(item)
            fields["registration_url"] = item.meta.get("_EventURL", "")[:200]
        return fields

    def classify(self, item):
        keywords, regions = set(), set()
        for term in item.terms:
            if term.taxonomy not in ("category", "post_tag", "tribe_events_cat"):
                continue
            target, mapped = self.mapping.target(term)
            label = f"{term.taxonomy}:{term.slug}"
            if mapped:
                self.report.terms["mapped"][label] += 1
            else:
                self.report.terms["unmapped"][label].add(item.post_id)
            if target.kind == "keyword":
                keywords.add(target.value[:100])
            elif target.kind == "region":
                if Region.objects.filter(code=target.value).exists():
                    regions.add(target.value)
                else:
                    self.report.warnings.append(f"{label}: no region with the code {target.value}")
        return keywords, regions

    def sessions(self, item):
        helsinki = timezone.get_default_timezone()

        def when(key):
            value = item.meta.get(key, "")
            try:
                naive = datetime.datetime.strptime(value[:19], "%Y-%m-%d %H:%M:%S")
            except ValueError:
                return None
            return timezone.make_aware(naive, helsinki).isoformat()

        start, end = when("_EventStartDate"), when("_EventEndDate")
        if start is None:
            self.report.warnings.append(f"event {item.post_id}: no _EventStartDate")
            return []
        venue = self.items.get(int(item.meta.get("_EventVenueID") or 0))
        city = venue.meta.get("_VenueCity", "") if venue else ""
        return [
            {
                "title": (city or item.title)[:200],
                "start": start,
                "end": end or start,
                "venue": ", ".join(
                    v
                    for v in [
                        venue.title if venue else "",
                        venue.meta.get("_VenueAddress", "") if venue else "",
                    ]
                    if v
                )[:300],
            }
        ]

    def content_hash(self, item, fields, parent, live):
        data = {
            "version": IMPORTER_VERSION,
            "fields": fields,
            "parent": parent.pk,
            "live": live,
            "translation_key": str(self.translation_key(item)),
            "date": item.published_at.isoformat() if item.published_at else "",
        }
        return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()

    def save_page(self, item, model, parent, page, fields, live, language):
        locale = self.locales[language]
        if page is None:
            page = model(
                title=fields["title"],
                slug=self.free_slug(parent, fields["slug"]),
                locale=locale,
                translation_key=self.free_translation_key(item, locale),
                live=False,
                has_unpublished_changes=True,
                first_published_at=item.published_at if live else None,
            )
            self.fill(page, item, model, fields)
            parent.add_child(instance=page)
        else:
            page = page.get_latest_revision_as_object()
            page.title = fields["title"]
            self.fill(page, item, model, fields)
        revision = page.save_revision()
        if live:
            revision.publish()
            page.refresh_from_db()
            if item.published_at and page.first_published_at != item.published_at:
                Page.objects.filter(pk=page.pk).update(first_published_at=item.published_at)
        return page, revision

    def free_slug(self, parent, slug):
        candidate, n = slug, 1
        while parent.get_children().filter(slug=candidate).exists():
            n += 1
            candidate = f"{slug}-{n}"
        return candidate

    def free_translation_key(self, item, locale):
        key = self.translation_key(item)
        if Page.objects.filter(translation_key=key, locale=locale).exists():
            self.report.warnings.append(
                f"{item.post_id}: two items of one translation group in {locale.language_code}; "
                "imported as a separate page"
            )
            return uuid.uuid5(NAMESPACE, f"{self.site}#post:{item.post_id}")
        return key

    def fill(self, page, item, model, fields):
        page.body = fields["body"]
        page.lead = fields["lead"]
        if model is NewsArticlePage:
            page.date = datetime.date.fromisoformat(fields["date"])
            page.author = self.person(item.creator, fields["author"])
        if model in (NewsArticlePage, EventPage):
            page.keywords.set([self.keyword(name) for name in fields["keywords"]])
            page.regions.set(list(Region.objects.filter(code__in=fields["regions"])))
        if model is EventPage:
            page.registration_url = fields["registration_url"]
            old = {s.sort_order: s for s in page.sessions.all()}
            sessions = []
            for n, data in enumerate(fields["sessions"]):
                session = old.get(n) or EventSession(
                    locale=page.locale,
                    translation_key=uuid.uuid5(self.translation_key(item), f"session:{n}"),
                )
                session.title = data["title"]
                session.start = datetime.datetime.fromisoformat(data["start"])
                session.end = datetime.datetime.fromisoformat(data["end"])
                session.venue = data["venue"]
                session.sort_order = n
                sessions.append(session)
            page.sessions = sessions
            page.update_date_span()

    def keyword(self, name):
        keyword = Keyword.objects.filter(name__iexact=name).first()
        if keyword is None:
            keyword = Keyword.objects.create(name=name, slug=self.keyword_slug(name))
        return keyword

    @staticmethod
    def keyword_slug(name):
        base = slugify(name) or "asiasana"
        slug, n = base, 1
        while Keyword.objects.filter(slug=slug).exists():
            n += 1
            slug = f"{base}-{n}"
        return slug

    def person(self, login, name):
        if not name:
            return None
        key = f"person:{login or name}"
        ledger = self.ledger(key)
        if ledger is not None:
            person = ledger.get_object()
            if person is not None or ledger.deleted_at:
                return person
        person = Person.objects.filter(name=name).first()
        if person is None and self.dry_run:
            if key not in self.planned_people:
                self.planned_people.add(key)
                self.report.media["people created"] += 1
            return None
        if person is None:
            person = Person(name=name)
            person.save()
            person.save_revision().publish()
            self.report.media["people created"] += 1
        self.remember(key, None, "", person)
        return person

    # -- redirects -----------------------------------------------------------------------------
    def old_paths(self, item):
        paths = []
        link = self.export.host_paths(item.link) if item.link else None
        if link and "?" not in link:
            paths.append(link)
        if item.post_type == "post" and item.date and item.slug:
            paths.append(f"/{item.date:%Y/%m}/{item.slug}/")
        paths.append(f"/?p={item.post_id}")
        if item.post_type == "page":
            paths.append(f"/?page_id={item.post_id}")
        return paths

    def page_redirects(self, item, page):
        for path in self.old_paths(item):
            self.redirect(path, page=page)

    def redirect(self, old, *, page=None, link=""):
        old_path = Redirect.normalise_path(old)
        if old_path in ("/", "") or any(old_path == r[0] for r in self.redirect_rows):
            return
        new_url = page.get_url() if page is not None else link
        self.redirect_rows.append((old_path, new_url, page))
        existing = Redirect.objects.filter(site=None, old_path=old_path).first()
        if existing is not None:
            same = (page is not None and existing.redirect_page_id == page.pk) or (
                page is None and existing.redirect_link == link
            )
            if same:
                self.report.redirects["existing"] += 1
                return
            self.report.redirects["updated"] += 1
            if not self.dry_run:
                existing.redirect_page = page
                existing.redirect_link = link if page is None else ""
                existing.save()
            return
        self.report.redirects["created"] += 1
        if not self.dry_run:
            Redirect.objects.create(
                old_path=old_path,
                site=None,
                is_permanent=True,
                redirect_page=page,
                redirect_link=link if page is None else "",
            )

    def planned_redirect(self, old, page):
        """Dry run: what ``redirect`` would do for a page that does not exist yet."""
        old_path = Redirect.normalise_path(old)
        if any(old_path == r[0] for r in self.redirect_rows):
            return
        self.redirect_rows.append((old_path, "", None))
        existing = Redirect.objects.filter(site=None, old_path=old_path).first()
        if existing is None:
            self.report.redirects["created"] += 1
        elif page is not None and existing.redirect_page_id == page.pk:
            self.report.redirects["existing"] += 1
        else:
            self.report.redirects["updated"] += 1

    def term_redirects(self):
        """Category, tag and event category archives → the keyword's page or the region's."""
        languages = defaultdict(Counter)
        for item in self.export.items:
            if item.post_id in self.will_be_live:
                for term in item.terms:
                    languages[(term.taxonomy, term.slug)][self.language(item)] += 1
        bases = {"category": "category", "post_tag": "tag", "tribe_events_cat": "events/category"}
        seen = set()
        for term in [*self.export.terms, *(t for i in self.export.items for t in i.terms)]:
            if term.taxonomy not in bases or (term.taxonomy, term.slug) in seen:
                continue
            seen.add((term.taxonomy, term.slug))
            used = languages.get((term.taxonomy, term.slug))
            if not used:
                continue  # no public page carries it: its archive has nowhere to go
            language = used.most_common(1)[0][0]
            olds = [f"/{bases[term.taxonomy]}/{term.slug}/"]
            if language != self.export.language:  # Polylang's /sv/category/… as well
                olds.append(f"/{language}{olds[0]}")
            for old in olds:
                self.term_redirect(term, old, language)

    def term_redirect(self, term, old, language):
        target, _mapped = self.mapping.target(term)
        if target.kind == "region":
            page = RegionPage.objects.filter(
                region__code=target.value, locale=self.locales[language]
            ).first()
            if page is not None:
                self.redirect(old, page=page)
        elif target.kind == "keyword":
            keyword = Keyword.objects.filter(name__iexact=target.value).first()
            slug = keyword.slug if keyword else slugify(target.value)
            with translation.override(language):
                self.redirect(old, link=reverse("news:keyword", args=[slug]))
        else:
            index = NewsIndexPage.objects.child_of(self.homes()[language]).first()
            if index is not None:
                self.redirect(old, page=index)

    def write_csv(self):
        base = ""
        with self.csv_path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["old_url", "new_url"])
            for old_path, new_url, page in self.redirect_rows:
                new = page.get_full_url() if page is not None else new_url
                if new and new.startswith("/"):
                    base = base or _site_root()
                    new = base + new
                writer.writerow([self.site + old_path, new])


def _readable_image(data):
    from PIL import Image as PILImage

    try:
        with PILImage.open(io.BytesIO(data)) as image:
            image.verify()
    except Exception:  # noqa: BLE001 - any decoder error means the same: unusable
        return False
    return True


def _by_date(item):
    return (item.published_at or datetime.datetime.max.replace(tzinfo=datetime.UTC), item.post_id)


def _site_root():
    from django.conf import settings

    return getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")


def _normal(path):
    parsed = urlparse(path)
    clean = parsed.path.rstrip("/") or "/"
    return clean + (f"?{parsed.query}" if parsed.query else "")


def _is_archive(path):
    parts = [p for p in urlparse(path).path.split("/") if p]
    return bool(parts) and (
        parts[0] in ("category", "tag", "author", "feed")
        or (parts[0].isdigit() and len(parts) <= 2)
    )


def guess_type(name):
    return mimetypes.guess_type(name)[0] or ""
