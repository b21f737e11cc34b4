"""Loads the demo content idempotently: a second run finds what the first made.

Pages are looked up by slug under their parent and left alone when they exist,
so an editor's changes to demo pages survive `make run` restarts.
"""

import datetime
import html
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from home.models import HomePage
from news.models import EventIndexPage, EventPage, EventSession, NewsArticlePage, NewsIndexPage
from regions.models import (
    CooperationStructure,
    Person,
    Region,
    RegionContact,
    RegionIndexPage,
    RegionPage,
)

from . import content
from .translations import load_translations

DEMO_ADMIN = ("admin", "kumppanuus-demo")


def _aware(parts):
    return timezone.make_aware(datetime.datetime(*parts))


def _stream(blocks):
    """Turn the content module's (type, value) pairs into StreamField raw data."""
    data = []
    for block_type, value in blocks:
        if block_type == "paragraph":
            text = value if value.lstrip().startswith("<") else None
            if text is None:
                # Plain text: escape it, keep <br> and <ul> written in the content module.
                text = html.escape(value).replace("&lt;br&gt;", "<br>")
                for tag in ("ul", "/ul", "li", "/li"):
                    text = text.replace(f"&lt;{tag}&gt;", f"<{tag}>")
                text = f"<p>{text}</p>"
            value = text
        elif isinstance(value, dict):
            value = {
                key: (item.isoformat() if isinstance(item, datetime.date) else item)
                for key, item in value.items()
            }
        data.append({"type": block_type, "value": value})
    return data


class DemoLoader:
    def __init__(self, stdout=None):
        self.stdout = stdout
        self.created = 0

    def log(self, message):
        if self.stdout is not None:
            self.stdout.write(message)

    def child(self, parent, model, slug, **fields):
        """The child page with this slug, created (and published) when missing."""
        existing = parent.get_children().filter(slug=slug).first()
        if existing is not None:
            return existing.specific
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        return page

    @transaction.atomic
    def run(self):
        self.locale = Locale.get_default()
        self.people = self.load_people()
        self.home = self.load_home()
        self.news_index = self.child(
            self.home,
            NewsIndexPage,
            "uutiset",
            title="Uutiset",
            intro="Ajankohtaista sosiaali- ja terveysjärjestöjen yhteistyöstä hyvinvointialueilla.",
        )
        self.event_index = self.child(
            self.home,
            EventIndexPage,
            "tapahtumat",
            title="Tapahtumat",
            intro="Tilaisuuksia, koulutuksia ja kiertueita järjestötoimijoille.",
        )
        self.region_pages = self.load_regions()
        for article in content.ARTICLES:
            self.load_article(article)
        for event in [*content.EVENTS, content.upcoming_event(timezone.localdate())]:
            self.load_event(event)
        user = self.load_admin()
        # Swedish and English translations, editorial groups and demo role users.
        self.demo_users = load_translations(self)
        return user

    def load_people(self):
        people = {}
        regions = {r.code: r for r in Region.objects.all()}
        for data in content.PEOPLE:
            person, created = Person.objects.get_or_create(
                name=data["name"],
                defaults={
                    key: data.get(key, "")
                    for key in ("job_title", "organisation", "phone", "email")
                },
            )
            if created:
                person.regions.set([regions[code] for code in data["regions"]])
                person.save()
                self.created += 1
            people[data["key"]] = person
        return people

    def load_home(self):
        home = HomePage.objects.filter(locale=self.locale).first()
        if home is None:
            root = Page.get_first_root_node()
            home = HomePage(
                title="Kumppanuus",
                slug="etusivu",
                intro=(
                    "Sosiaali- ja terveysjärjestöjen alueellinen yhteistyö: uutiset, tapahtumat "
                    "ja hyvinvointialueiden järjestöverkostot."
                ),
            )
            root.add_child(instance=home)
            home.save_revision().publish()
            self.created += 1
        site = Site.objects.filter(is_default_site=True).first()
        # The site's address makes absolute URLs (API html_url, feeds, sitemap) right.
        base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        hostname, port = base.hostname or "localhost", base.port or 80
        if site is None:
            Site.objects.create(
                hostname=hostname,
                port=port,
                root_page=home,
                is_default_site=True,
                site_name="Kumppanuus",
            )
        elif site.root_page_id != home.pk:
            old_root = site.root_page
            site.root_page = home
            site.hostname, site.port = hostname, port
            site.site_name = site.site_name or "Kumppanuus"
            site.save()
            # Wagtail's placeholder "Welcome" page is not content: remove it.
            if type(old_root.specific) is Page and not old_root.get_children().exists():
                old_root.delete()
        return home

    def load_regions(self):
        index = self.child(
            self.home,
            RegionIndexPage,
            "alueet",
            title="Alueet",
            intro=(
                "Sosiaali- ja terveyspalvelut järjestää 21 hyvinvointialuetta ja Helsingin "
                "kaupunki. Jokaisella alueella järjestöillä on oma verkostonsa ja yhteyshenkilönsä."
            ),
        )
        pages = {}
        for region in Region.objects.all():
            details = content.REGION_DETAILS.get(region.code, {})
            existing = index.get_children().filter(slug=region.code).first()
            if existing is not None:
                pages[region.code] = existing.specific
                continue
            page = RegionPage(
                slug=region.code,
                title=region.name_fi,
                region=region,
                intro=details.get(
                    "intro",
                    f"{region.official_name_fi}: alueen sosiaali- ja terveysjärjestöjen "
                    "yhteistyö, yhteyshenkilöt ja yhteistyörakenteet.",
                ),
                network_name=details.get("network_name", ""),
                network_url=details.get("network_url", ""),
                network_description=details.get("network_description", ""),
            )
            page.contacts = [
                RegionContact(person=self.people[key], role=role)
                for key, role in details.get("contacts", [])
            ]
            page.cooperation_structures = [
                CooperationStructure(
                    name=item["name"],
                    description=item.get("description", ""),
                    organisations="\n".join(item.get("organisations", [])),
                )
                for item in details.get("cooperation", [])
            ]
            index.add_child(instance=page)
            page.save_revision().publish()
            self.created += 1
            pages[region.code] = page
        return pages

    def parent_for(self, key, model):
        """The national listing, or the region's own listing (created on first use)."""
        if key == "national":
            return self.news_index if model is NewsIndexPage else self.event_index
        region_page = self.region_pages[key]
        slug, title = (
            ("uutiset", "Uutiset") if model is NewsIndexPage else ("tapahtumat", "Tapahtumat")
        )
        return self.child(region_page, model, slug, title=f"{title}: {region_page.title}")

    def load_article(self, data):
        parent = self.parent_for(data["parent"], NewsIndexPage)
        if parent.get_children().filter(slug=data["slug"]).exists():
            return
        page = NewsArticlePage(
            slug=data["slug"],
            title=data["title"],
            date=data["date"],
            lead=data["lead"],
            body=_stream(data["body"]),
            author=self.people.get(data["author"]) if data["author"] else None,
        )
        page.regions = list(Region.objects.filter(code__in=data["regions"]))
        page.keywords.add(*data["keywords"])
        parent.add_child(instance=page)
        self.publish_as_of(page, data["date"])

    def load_event(self, data):
        parent = self.parent_for(data["parent"], EventIndexPage)
        if parent.get_children().filter(slug=data["slug"]).exists():
            return
        page = EventPage(
            slug=data["slug"],
            title=data["title"],
            lead=data["lead"],
            body=_stream(data["body"]),
            format=data["format"],
            organiser=data["organiser"],
            audience=data["audience"],
            registration_notes=data["registration_notes"],
        )
        page.sessions = [
            EventSession(
                title=s["title"],
                start=_aware(s["start"]),
                end=_aware(s["end"]),
                is_online=s["is_online"],
                venue=s["venue"],
                registration_url=s["registration_url"],
                sort_order=i,
            )
            for i, s in enumerate(data["sessions"])
        ]
        page.regions = list(Region.objects.filter(code__in=data["regions"]))
        page.keywords.add(*data["keywords"])
        parent.add_child(instance=page)
        self.publish_as_of(page, _aware(data["sessions"][0]["start"]).date())

    def publish_as_of(self, page, date):
        """Publish, and record the original publication date as first_published_at."""
        page.save_revision().publish()
        when = timezone.make_aware(datetime.datetime.combine(date, datetime.time(9, 0)))
        type(page).objects.filter(pk=page.pk).update(first_published_at=when)
        self.created += 1

    def load_admin(self):
        User = get_user_model()
        username, password = DEMO_ADMIN
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"email": "admin@example.org", "is_staff": True, "is_superuser": True},
        )
        if created:
            user.set_password(password)
            user.save()
            self.created += 1
        return user
