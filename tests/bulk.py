"""A large, varied fixture for API, feed and calendar filter tests.

``build_bulk()`` adds over 100 news articles and 24 events across three
locales, six regions, five keywords and two years of dates, with
translations, articles published under a region's own listing, and one page
of each kind the public must never see (draft, scheduled, expired,
view-restricted). It returns ``Bulk``: plain records of every visible news
article and event on the site (the demo's too), read back with simple ORM
queries, so that tests compute expected result sets in Python independently
of the code under test.

Pages are created live without revisions (``add_child``), which keeps the
build at a few seconds; ``remove()`` deletes everything it created.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction

from home.models import HomePage
from news.models import (
    EventIndexPage,
    EventPage,
    EventSession,
    Keyword,
    NewsArticlePage,
    NewsIndexPage,
)
from regions.models import Region, RegionPage

KEYWORDS = ["Sote", "Hyte", "Avustukset", "Vapaaehtoistyö", "Osallisuus"]
REGION_CODES = ["pohjois-karjala", "kainuu", "lappi", "pirkanmaa", "helsinki", "keski-suomi"]
LANGUAGES = ["fi", "sv", "en"]
NEWS_COUNT = 104
EVENT_COUNT = 24
FIRST_DATE = datetime.date(2024, 1, 3)


@dataclass
class Record:
    pk: int
    title: str
    locale: str
    translation_key: str
    path: str
    keywords: set = field(default_factory=set)  # lower-case names
    regions: set = field(default_factory=set)  # codes
    date: datetime.date | None = None
    starts_at: datetime.datetime | None = None
    ends_at: datetime.datetime | None = None
    format: str = ""
    sessions: list = field(default_factory=list)  # (start, end)


@dataclass
class Bulk:
    news: list
    events: list
    hidden: dict  # kind → page (draft, scheduled, expired, restricted)
    created: list  # pages created (the subtrees under ``roots``)
    roots: list  # the created pages whose deletion removes all the others
    region_paths: dict  # region code → paths of its region pages

    def regions_of(self, record):
        """Regions a page concerns: its own, plus the region whose page it lives under."""
        inside = {
            code
            for code, paths in self.region_paths.items()
            if any(record.path.startswith(p) for p in paths)
        }
        return record.regions | inside

    def remove(self):
        for page in reversed(self.roots):
            Page.objects.filter(pk=page.pk).delete()
        Keyword.objects.filter(name__in=KEYWORDS, article_items=None, event_items=None).delete()


def _helsinki(date, hour):
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time(hour)))


def _home(language, fi_home, created):
    """The home page of ``language``: the Finnish one, or its translation (made if missing)."""
    locale, _ = Locale.objects.get_or_create(language_code=language)
    home = HomePage.objects.filter(locale=locale).first()
    if home is None:
        home = HomePage(
            title=f"Kumppanuus {language}",
            slug=f"home-{language}",
            locale=locale,
            translation_key=fi_home.translation_key,
        )
        Page.get_first_root_node().add_child(instance=home)
        created.append(home)
    return home


def _add(parent, page, created):
    parent.add_child(instance=page)
    created.append(page)
    return page


def build_bulk():
    created = []
    fi_home = HomePage.objects.get(locale__language_code="fi")
    homes = {language: _home(language, fi_home, created) for language in LANGUAGES}
    regions = {r.code: r for r in Region.objects.filter(code__in=REGION_CODES)}
    news_indexes, event_indexes = {}, {}
    for language, home in homes.items():
        news_indexes[language] = _add(
            home, NewsIndexPage(title=f"Bulk news {language}", slug="bulk-news"), created
        )
        event_indexes[language] = _add(
            home, EventIndexPage(title=f"Bulk events {language}", slug="bulk-events"), created
        )
    kainuu_page = RegionPage.objects.get(region__code="kainuu", locale__language_code="fi")
    kainuu_news = _add(
        kainuu_page, NewsIndexPage(title="Kainuun bulk-uutiset", slug="bulk-uutiset"), created
    )

    fi_articles = []
    for i in range(NEWS_COUNT):
        language = LANGUAGES[0] if i % 4 < 2 else LANGUAGES[1 + i % 2]
        keywords = {KEYWORDS[i % 5], KEYWORDS[(i // 5) % 5]}
        codes = set() if i % 7 == 6 else {REGION_CODES[i % 6]}
        if i % 10 == 0:
            codes.add(REGION_CODES[(i + 3) % 6])
        page = NewsArticlePage(
            title=f"Bulk-uutinen {i:02d}",
            slug=f"bulk-uutinen-{i:02d}",
            lead=f"Ingressi {i}.",
            date=FIRST_DATE + datetime.timedelta(days=11 * i),
        )
        page.keywords.add(*keywords)
        page.regions = [regions[c] for c in codes]
        if language == "fi" and i % 3 == 0 and fi_articles:
            # a translation of the previous Finnish article, in Swedish
            source = fi_articles.pop()
            page.translation_key = source.translation_key
            page.locale = homes["sv"].locale
            _add(news_indexes["sv"], page, created)
            continue
        _add(news_indexes[language], page, created)
        if language == "fi":
            fi_articles.append(page)
    for i in range(2):
        # Published under Kainuu's own listing, with no regions of its own.
        page = NewsArticlePage(
            title=f"Kainuun oma uutinen {i}",
            slug=f"kainuun-oma-{i}",
            date=FIRST_DATE + datetime.timedelta(days=3 + i),
        )
        page.keywords.add("Hyte")
        _add(kainuu_news, page, created)

    today = timezone.localdate()
    formats = ["online", "onsite", "hybrid"]
    for i in range(EVENT_COUNT):
        language = "fi" if i % 3 else ("sv" if i % 2 else "en")
        first = today + datetime.timedelta(days=7 * (i - 10))
        count = 1 + i % 3
        page = EventPage(
            title=f"Bulk-tapahtuma {i:02d}",
            slug=f"bulk-tapahtuma-{i:02d}",
            lead=f"Tapahtuma {i}.",
            format=formats[i % 3],
        )
        page.sessions = [
            EventSession(
                title=f"Tilaisuus {n}",
                start=_helsinki(first + datetime.timedelta(days=3 * n), 9 + n),
                end=_helsinki(first + datetime.timedelta(days=3 * n), 11 + n),
                is_online=page.format != "onsite",
                venue="" if page.format == "online" else "Kaupungintalo",
                sort_order=n,
            )
            for n in range(count)
        ]
        page.keywords.add(KEYWORDS[i % 5])
        page.regions = [regions[REGION_CODES[i % 6]]] if i % 4 else []
        _add(event_indexes[language], page, created)

    hidden = _hidden_pages(news_indexes["fi"], event_indexes["fi"], created, today)
    return _read_back(hidden, created)


def _hidden_pages(news_index, event_index, created, today):
    """One page of each kind that must stay out of every public surface."""
    now = timezone.now()
    hidden = {}
    hidden["draft"] = _add(
        news_index,
        NewsArticlePage(title="Salainen luonnos", slug="salainen-luonnos", live=False),
        created,
    )
    hidden["scheduled"] = _add(
        news_index,
        NewsArticlePage(
            title="Ajastettu uutinen",
            slug="ajastettu",
            live=False,
            go_live_at=now + datetime.timedelta(days=2),
        ),
        created,
    )
    hidden["expired"] = _add(
        news_index,
        NewsArticlePage(
            title="Vanhentunut uutinen",
            slug="vanhentunut",
            expire_at=now - datetime.timedelta(hours=1),
        ),
        created,
    )
    restricted = _add(
        news_index,
        NewsArticlePage(title="Vain jäsenille", slug="vain-jasenille"),
        created,
    )
    PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    hidden["restricted"] = restricted
    for kind in ("draft", "expired", "restricted"):
        page = hidden[kind]
        page.keywords.add("Sote")
        page.regions = [Region.objects.get(code="kainuu")]
        page.save()
    event = EventPage(title="Salainen tapahtuma", slug="salainen-tapahtuma", live=False)
    event.sessions = [
        EventSession(
            title="Kuopio",
            start=_helsinki(today + datetime.timedelta(days=5), 10),
            end=_helsinki(today + datetime.timedelta(days=5), 12),
        )
    ]
    hidden["draft_event"] = _add(event_index, event, created)
    return hidden


def _read_back(hidden, created):
    hidden_pks = {page.pk for page in hidden.values()}

    def base(page):
        return Record(
            pk=page.pk,
            title=page.title,
            locale=page.locale.language_code,
            translation_key=str(page.translation_key),
            path=page.path,
            keywords={k.name.lower() for k in page.keywords.all()},
            regions={r.code for r in page.regions.all()},
        )

    now = timezone.now()

    def shown(page):
        return page.pk not in hidden_pks and (page.expire_at is None or page.expire_at > now)

    news = []
    for page in NewsArticlePage.objects.live().public().select_related("locale"):
        if not shown(page):
            continue
        record = base(page)
        record.date = page.date
        news.append(record)
    events = []
    for page in EventPage.objects.live().public().select_related("locale"):
        if not shown(page):
            continue
        record = base(page)
        record.format = page.format
        record.sessions = sorted((s.start, s.end) for s in page.sessions.all())
        record.starts_at = record.sessions[0][0] if record.sessions else None
        record.ends_at = max(s[1] for s in record.sessions) if record.sessions else None
        events.append(record)
    region_paths = {}
    for code, path in RegionPage.objects.values_list("region__code", "path"):
        region_paths.setdefault(code, []).append(path)
    paths = [page.path for page in created]
    roots = [
        page
        for page in created
        if not any(page.path.startswith(other) and page.path != other for other in paths)
    ]
    return Bulk(
        news=news,
        events=events,
        hidden=hidden,
        created=created,
        roots=roots,
        region_paths=region_paths,
    )
