"""The visibility matrix: no hidden page leaks through any anonymous surface.

For an article and an event in each state the public must never see (a draft
never published, a live page with a newer draft, scheduled, expired before and
after ``publish_scheduled``, unpublished, login-, password- and
group-restricted, under a restricted parent, in moderation as a new page and as
a change to a live page, deleted, and a Swedish translation still in draft),
every anonymous surface is asked, as a visitor or an API consumer would ask it:
the page's URL and its JSON-LD, every HTML listing, related pages, search
results and its filters, "did you mean", autocomplete, keyword pages, the typed
API's list, detail, search and filters, Wagtail's ``/api/v3/pages/`` list,
detail, search and find, RSS, Atom, iCalendar and the sitemap.

Each page carries its own unique title word, body word and keyword (for the
"newer draft" and "change in moderation" states, only its unpublished draft
does), and none of them may appear. Hidden pages are dated to sort before
everything else, so a leak cannot hide behind a listing's length limit. A
control page per kind and language carries its words the same way and must
appear on every surface, else the row would prove nothing. The pages are
created once for the module, committed, and removed afterwards.
"""

import datetime
import random
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from urllib.parse import quote, unquote, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db.models import Q
from django.test import Client
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction, Workflow

from editorial.setup import PUBLISHERS, WORKFLOW_NAME
from news.models import (
    ArticleRelatedPage,
    EventIndexPage,
    EventPage,
    EventSession,
    Keyword,
    NewsArticlePage,
    NewsIndexPage,
)
from regions.models import RegionPage

KINDS = ("article", "event")


@dataclass(frozen=True)
class State:
    name: str
    #: Only the unpublished draft carries the secret words; the live version is public.
    draft_only: bool = False
    language: str = "fi"
    #: Status of the page's own URL for a visitor.
    page_status: int = 404
    #: A translation: the page it translates must not link to it while it is hidden.
    translated: bool = False


STATES = [
    State("draft"),
    State("live_with_newer_draft", draft_only=True, page_status=200),
    State("scheduled"),
    State("expired_before_publish_scheduled"),
    State("expired_after_publish_scheduled"),
    State("unpublished"),
    State("login_restricted", page_status=302),
    State("password_restricted", page_status=200),  # the password form
    State("group_restricted", page_status=302),
    State("under_restricted_parent", page_status=302),
    State("in_moderation_new"),
    State("in_moderation_change", draft_only=True, page_status=200),
    State("deleted"),
    State("translation_draft", language="sv", translated=True),
]
CONTROLS = [
    State("control", page_status=200),
    State("control_sv", language="sv", page_status=200, translated=True),
]
HIDDEN = 1  # days ahead: hidden pages sort before the controls in every listing
LEAD = "Matriisin ingressi."  # marks the matrix's pages (left over by an interrupted run)
SECTION_SLUG = "matriisi-"
SYLLABLES = "ka lo mi tu ve ry so pe ni hu ja ko ra si ne ma vo li pu ta".split()


@dataclass
class Row:
    """One page of the matrix, as a visitor could address it."""

    state: State
    kind: str
    pk: int
    path: str  # its URL path (of the live version where there is one)
    words: dict  # "title", "body", "keyword" -> the row's own words
    region_code: str
    region_url: str
    shared_keyword: str  # the control's keyword, also carried by hidden pages
    typos: dict = field(default_factory=dict)
    source_path: str = ""  # for a translation: the page it translates

    @property
    def language(self):
        return self.state.language

    @property
    def is_control(self):
        return self.state.name.startswith("control")


class Words:
    """Unique nonsense words, pairwise dissimilar so that a typo of one is
    corrected to it and to no other ("did you mean")."""

    def __init__(self, seed=10):
        self.rng = random.Random(seed)
        self.made = []

    def __call__(self):
        while True:
            word = "".join(self.rng.choice(SYLLABLES) for _ in range(5))
            if all(SequenceMatcher(None, word, other).ratio() < 0.55 for other in self.made):
                self.made.append(word)
                return word

    @staticmethod
    def typo(word):
        """One letter off: the middle letter replaced."""
        middle = len(word) // 2
        return word[:middle] + ("x" if word[middle] != "x" else "z") + word[middle + 1 :]


class Builder:
    """Creates the matrix's pages and remembers them, so that ``remove()`` can undo it all."""

    def __init__(self):
        self.words = Words()
        self.now = timezone.now()
        self.today = timezone.localdate()
        self.created = []  # pages whose deletion removes everything else
        self.keywords = []
        self.user = get_user_model().objects.get(username="admin")
        self.workflow = Workflow.objects.get(name=WORKFLOW_NAME)
        self.regions = list(
            RegionPage.objects.filter(locale__language_code="fi")
            .select_related("region")
            .order_by("region__sort_order")
        )
        self.indexes = {}
        for language in ("fi", "sv"):
            locale = Locale.objects.get(language_code=language)
            for kind, model in (("article", NewsIndexPage), ("event", EventIndexPage)):
                # The home page's own listing (the first made; other tests add more).
                listings = model.objects.filter(depth=3, locale=locale).order_by("path")
                self.indexes[language, kind] = listings.first()

    def remove(self):
        """Delete every page the matrix made (or an interrupted run left) and its keywords."""
        made = Page.objects.filter(
            Q(newsarticlepage__lead=LEAD)
            | Q(eventpage__lead=LEAD)
            | Q(slug__startswith=SECTION_SLUG)
            | Q(pk__in=[page.pk for page in self.created])
        )
        made.delete()  # with their subtrees
        Keyword.objects.filter(name__in=self.keywords).delete()

    def new_words(self):
        words = {"title": self.words(), "body": self.words(), "keyword": self.words()}
        self.keywords.append(words["keyword"])
        return words

    def fill(self, page, kind, words, shared_keyword, region, days_ahead):
        """Put ``words`` into ``page`` (title, body, keywords, region, date)."""
        page.title = (
            f"{words['title'].capitalize()} {'uutinen' if kind == 'article' else 'tapahtuma'}"
        )
        page.lead = LEAD
        page.body = [{"type": "paragraph", "value": f"<p>Runko {words['body']} loppuu.</p>"}]
        page.keywords.set([words["keyword"], shared_keyword])
        page.regions = [region.region]
        ahead = datetime.timedelta(days=days_ahead)
        if kind == "article":
            page.date = self.today + ahead
        else:
            start = self.now + datetime.timedelta(days=3) - ahead
            page.format = "online"
            page.sessions = [
                EventSession(title="Verkossa", start=start, end=start + datetime.timedelta(hours=2))
            ]
        return page

    def new_page(self, kind, parent, words, shared_keyword, region, days_ahead, **fields):
        model = NewsArticlePage if kind == "article" else EventPage
        page = model(slug=f"{words['title']}-{kind}", **fields)
        self.fill(page, kind, words, shared_keyword, region, days_ahead)
        parent.add_child(instance=page)
        return page

    @staticmethod
    def publish(page):
        page.save_revision().publish()
        page.refresh_from_db()
        return page

    def restricted_index(self, kind):
        """A section that only logged-in visitors may read, under the Finnish home."""
        model = NewsIndexPage if kind == "article" else EventIndexPage
        home = self.indexes["fi", kind].get_parent()
        index = model(title=f"Jäsenille {kind}", slug=f"{SECTION_SLUG}jasenille-{kind}")
        home.add_child(instance=index)
        PageViewRestriction.objects.create(page=index, restriction_type=PageViewRestriction.LOGIN)
        self.created.append(index)
        return index


def build_matrix(b):
    b.remove()
    control_words = {}
    rows = []
    regions = iter(b.regions)

    # Controls first: hidden pages also carry the control's keyword.
    fi_controls = {}
    for kind in KINDS:
        words = b.new_words()
        region = next(regions)
        page = b.new_page(kind, b.indexes["fi", kind], words, words["keyword"], region, 0)
        fi_controls[kind] = b.publish(page)
        b.created.append(page)
        control_words[kind] = words
        rows.append(row(CONTROLS[0], kind, page, words, region, words["keyword"]))

    shared = {kind: control_words[kind]["keyword"] for kind in KINDS}
    sources = {}
    for kind in KINDS:
        # A live Finnish page whose Swedish translation stays a draft.
        words = b.new_words()
        page = b.new_page(kind, b.indexes["fi", kind], words, shared[kind], b.regions[0], -2)
        sources[kind] = b.publish(page)
        b.created.append(page)

    by_state = {}
    for state in STATES:
        region = next(regions) if state.language == "fi" else b.regions[0]
        for kind in KINDS:
            by_state[state.name, kind] = make_state(b, state, kind, region, shared[kind], sources)
    for kind in KINDS:  # the Swedish control: a published translation of the Finnish one
        words = b.new_words()
        sv_region = RegionPage.objects.get(region=b.regions[0].region, locale__language_code="sv")
        page = translation(b, fi_controls[kind], kind, words, shared[kind], sv_region, 0)
        b.publish(page)
        rows.append(row(CONTROLS[1], kind, page, words, sv_region, shared[kind]))
        rows[-1].source_path = fi_controls[kind].url

    # The publish_scheduled run must come before the other expired page expires.
    call_command("publish_scheduled", verbosity=0)
    for kind in KINDS:
        page = by_state["expired_before_publish_scheduled", kind][0]
        Page.objects.filter(pk=page.pk).update(expire_at=b.now - datetime.timedelta(hours=1))

    relator = NewsArticlePage(title="Matriisin koontisivu", slug=f"{SECTION_SLUG}koontisivu")
    relator.date = b.today - datetime.timedelta(days=1)
    b.indexes["fi", "article"].add_child(instance=relator)
    b.created.append(relator)
    for state in STATES:
        for kind in KINDS:
            page, words, region = by_state[state.name, kind]
            rows.append(row(state, kind, page, words, region, shared[kind]))
            if state.translated:
                rows[-1].source_path = sources[kind].url
    for position, item in enumerate(r for r in rows if r.state.name != "deleted"):
        ArticleRelatedPage.objects.create(article=relator, page_id=item.pk, sort_order=position)
    b.publish(relator)

    for kind in KINDS:
        page = by_state["deleted", kind][0]
        Page.objects.get(pk=page.pk).delete()
    return Matrix(rows=rows, relator_path=relator.url)


def translation(b, source, kind, words, shared_keyword, sv_region, days_ahead, live=True):
    """A Swedish page with ``source``'s translation key, under the Swedish listing."""
    page = type(source)(
        slug=f"{words['title']}-{kind}",
        translation_key=source.translation_key,
        locale=Locale.objects.get(language_code="sv"),
        live=live,
    )
    b.fill(page, kind, words, shared_keyword, sv_region, days_ahead)
    b.indexes["sv", kind].add_child(instance=page)
    b.created.append(page)
    return page


def make_state(b, state, kind, region, shared_keyword, sources):
    """Create the page of ``state``; returns (page, its secret words, its region page)."""
    secret = b.new_words()
    parent = b.indexes["fi", kind]
    name = state.name
    if name == "translation_draft":
        sv_region = RegionPage.objects.get(region=region.region, locale__language_code="sv")
        page = translation(
            b, sources[kind], kind, secret, shared_keyword, sv_region, HIDDEN, live=False
        )
        page.save_revision(user=b.user)
        return page, secret, sv_region
    if name == "under_restricted_parent":
        parent = b.restricted_index(kind)
    if state.draft_only:
        public = b.new_words()
        page = b.new_page(kind, parent, public, shared_keyword, region, HIDDEN)
        b.publish(page)
        b.created.append(page)
        page = type(page).objects.get(pk=page.pk)
        b.fill(page, kind, secret, shared_keyword, region, HIDDEN)
        page.save_revision(user=b.user)
        if name == "in_moderation_change":
            b.workflow.start(page, b.user)
        return page, secret, region

    live = name not in ("draft", "scheduled", "in_moderation_new")
    page = b.new_page(kind, parent, secret, shared_keyword, region, HIDDEN, live=live)
    if parent is b.indexes["fi", kind]:
        b.created.append(page)
    if name == "draft":
        page.save_revision(user=b.user)
    elif name == "scheduled":
        page.go_live_at = b.now + datetime.timedelta(days=2)
        page.save_revision(user=b.user).publish()
    elif name == "in_moderation_new":
        page.save_revision(user=b.user)
        b.workflow.start(page, b.user)
    else:
        b.publish(page)
    if name == "expired_after_publish_scheduled":
        Page.objects.filter(pk=page.pk).update(expire_at=b.now - datetime.timedelta(hours=1))
    elif name == "unpublished":
        page.unpublish()
    elif name in ("login_restricted", "password_restricted", "group_restricted"):
        kinds = {
            "login_restricted": PageViewRestriction.LOGIN,
            "password_restricted": PageViewRestriction.PASSWORD,
            "group_restricted": PageViewRestriction.GROUPS,
        }
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=kinds[name], password="matriisi-salasana"
        )
        if name == "group_restricted":
            restriction.groups.add(Group.objects.get(name=PUBLISHERS))
    return page, secret, region


def row(state, kind, page, words, region, shared_keyword):
    return Row(
        state=state,
        kind=kind,
        pk=page.pk,
        path=page.url or page.get_url_parts()[2],
        words=dict(words),
        region_code=region.region.code,
        region_url=region.url,
        shared_keyword=shared_keyword,
        typos={key: Words.typo(value) for key, value in words.items()},
    )


@dataclass
class Matrix:
    rows: list
    relator_path: str
    responses: dict = field(default_factory=dict)

    def row(self, state, kind):
        return next(r for r in self.rows if r.state.name == state and r.kind == kind)

    def response(self, state, kind, surface):
        """(status, text) of ``surface`` for the row of ``state`` and ``kind``."""
        r = self.row(state, kind)
        return self.get(surface.url.format(**address(r, self)), follow=surface.follow)

    def get(self, url, follow=False):
        """Each URL asked once per module (responses are the same for every cell).

        Attribute values made from the requested URL itself are left out of the text:
        every page, a 404 too, links its own address in each language (``hreflang``
        alternates, the language switcher), a password form returns to it, and a
        visitor's own URL reveals nothing to them.
        """
        key = (url, follow)
        if key not in self.responses:
            response = Client().get(url, follow=follow)
            text = response.content.decode()
            last = [part for part in urlsplit(url).path.split("/") if part][-1:]
            if last:
                own = re.escape(unquote(last[0]))
                text = re.sub(rf'="[^"]*/{own}(/[^"]*)?"', '=""', text)
            self.responses[key] = (response.status_code, text)
        return self.responses[key]


@pytest.fixture(scope="module")
def matrix(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        builder = Builder()
        try:
            built = build_matrix(builder)
            # Every response is fetched here, so that the cells need no database.
            for cell in CELLS + CONTROL_CELLS:
                built.response(*cell.values)
        except BaseException:
            builder.remove()
            raise
    yield built
    with django_db_blocker.unblock():
        builder.remove()


# --- Surfaces ----------------------------------------------------------------------
# Each surface is a URL template, filled from the row (``address()``), the part of
# the response a visitor reads there, and the words a visible page shows there.

PATHS = {
    "fi": {"home": "/fi/", "search": "/fi/haku/", "suggest": "/fi/haku/ehdotukset/",
           "keywords": "/fi/asiasanat/", "article": "/fi/uutiset/", "event": "/fi/tapahtumat/"},
    "sv": {"home": "/sv/", "search": "/sv/sok/", "suggest": "/sv/sok/forslag/",
           "keywords": "/sv/amnesord/", "article": "/sv/nyheter/", "event": "/sv/evenemang/"},
}  # fmt: skip
TYPED = {"article": "/api/v3/news/", "event": "/api/v3/events/"}
TYPE = {"article": "news.NewsArticlePage", "event": "news.EventPage"}


def address(r, m):
    """Everything a URL template may name, for row ``r`` of matrix ``m``."""
    paths = PATHS[r.language]
    return {
        **{key: quote(value, safe="") for key, value in r.words.items()},
        "all_words": "+".join(quote(word, safe="") for word in r.words.values()),
        "typos": "+".join((r.typos["title"], r.typos["keyword"])),
        "lang": r.language,
        "pk": r.pk,
        "path": r.path,
        "unprefixed_path": quote(r.path.removeprefix("/fi"), safe=""),
        "region": r.region_code,
        "region_url": r.region_url,
        "shared": r.shared_keyword,
        "relator": m.relator_path,
        "source_path": r.source_path,
        "listing": paths[r.kind],
        "typed": TYPED[r.kind],
        "type": TYPE[r.kind],
        "prefix": r.words["title"][:6],
        **paths,
    }


def whole(text):
    return text


def json_ld(text):
    return " ".join(re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S))


def search_results(text):
    """The result list only: the page repeats the visitor's query elsewhere."""
    return " ".join(re.findall(r'<ol class="search-results".*?</ol>', text, re.S))


def unfolded(text):
    """iCalendar with folded lines joined again (RFC 5545 folds at 75 octets)."""
    return text.replace("\r\n ", "").replace("\n ", "")


@dataclass(frozen=True)
class Surface:
    name: str
    url: str  # a template over ``address()``
    kinds: tuple = KINDS
    read: object = whole
    shows: tuple = ("title",)
    #: The status for a page hidden as a whole (None: not checked).
    hidden_status: int | None = None
    languages: tuple = ("fi", "sv")
    follow: bool = False
    #: Only for translations (the page they translate).
    translations_only: bool = False


ALL_WORDS = ("title", "body", "keyword")
SURFACES = [
    Surface("page", "{path}", shows=ALL_WORDS),
    Surface("page_json_ld", "{path}", read=json_ld, shows=("title", "keyword")),
    Surface("home", "{home}"),
    Surface("listing", "{listing}"),
    Surface("region_page", "{region_url}"),
    Surface(
        "keyword_page_own", "{keywords}{keyword}/", shows=("title", "keyword"), hidden_status=404
    ),
    Surface("keyword_page_shared", "{keywords}{shared}/"),
    Surface("related_pages", "{relator}"),
    # hreflang alternates and the language switcher of the page a translation translates
    Surface("translation_links", "{source_path}", translations_only=True),
    # One query of all three words: a page matching any of them is found.
    Surface("search", "{search}?q={all_words}", read=search_results),
    Surface("search_region_filter", "{search}?q={title}&region={region}", read=search_results),
    # A keyword's pages are read first (``SearchFilterForm.filtered_ids``), hidden ones too.
    Surface("search_keyword_filter", "{search}?q={title}&keyword={keyword}", read=search_results),
    Surface("search_shared_keyword", "{search}?q={title}&keyword={shared}", read=search_results),
    # Both words one letter off: each is corrected on its own.
    Surface("did_you_mean", "{search}?q={typos}", shows=("title", "keyword")),
    Surface("autocomplete", "{suggest}?q={prefix}"),
    Surface("api_list", "{typed}?locale={lang}&limit=100", shows=("title", "keyword")),
    Surface("api_detail", "{typed}{pk}/", shows=ALL_WORDS, hidden_status=404),
    Surface("api_search", "{typed}?locale={lang}&search={all_words}"),
    Surface("api_filter_keyword", "{typed}?keyword={keyword}"),
    Surface("api_filter_shared_keyword", "{typed}?locale={lang}&keyword={shared}"),
    Surface("api_filter_region", "{typed}?locale={lang}&region={region}"),
    Surface("pages_list", "/api/v3/pages/?type={type}&locale={lang}&limit=100"),
    Surface("pages_detail", "/api/v3/pages/{pk}/", shows=ALL_WORDS, hidden_status=404),
    # Wagtail's search matches all the words by default: the control has all three.
    Surface("pages_search", "/api/v3/pages/?locale={lang}&search={all_words}"),
    # Wagtail's find routes from the default site's root page: Finnish paths without "/fi".
    Surface(
        "pages_find_by_path",
        "/api/v3/pages/find/?html_path={unprefixed_path}",
        shows=ALL_WORDS,
        languages=("fi",),
        follow=True,
    ),
    Surface(
        "pages_find_by_id",
        "/api/v3/pages/find/?id={pk}",
        shows=ALL_WORDS,
        hidden_status=404,
        follow=True,
    ),
    Surface("rss", "/feeds/{lang}/news.rss", ("article",), shows=("title", "keyword")),
    Surface("atom", "/feeds/{lang}/news.atom", ("article",), shows=("title", "keyword")),
    Surface(
        "rss_keyword",
        "/feeds/{lang}/keywords/{keyword}/news.rss",
        ("article",),
        shows=("title", "keyword"),
        hidden_status=404,
    ),
    Surface("rss_region", "/feeds/{lang}/regions/{region}/news.rss", ("article",)),
    Surface("icalendar", "/feeds/{lang}/events.ics", ("event",), unfolded, ("title", "keyword")),
    Surface(
        "icalendar_event",
        "/feeds/events/{pk}.ics",
        ("event",),
        unfolded,
        ("title", "keyword"),
        hidden_status=404,
    ),
    Surface("icalendar_region", "/feeds/{lang}/regions/{region}/events.ics", ("event",), unfolded),
    Surface("sitemap", "/sitemap.xml"),
]


def applies(surface, state, kind):
    return (
        kind in surface.kinds
        and state.language in surface.languages
        and (state.translated or not surface.translations_only)
    )


def cells(states):
    return [
        pytest.param(state.name, kind, surface, id=f"{state.name}-{kind}-{surface.name}")
        for state in states
        for kind in KINDS
        for surface in SURFACES
        if applies(surface, state, kind)
    ]


CELLS = cells(STATES)
CONTROL_CELLS = cells(CONTROLS)


def found(words, text):
    lowered = text.lower()
    return {key: word for key, word in words.items() if word.lower() in lowered}


@pytest.mark.parametrize(("state", "kind", "surface"), CELLS)
def test_hidden_words_never_reach_a_visitor(matrix, state, kind, surface):
    r = matrix.row(state, kind)
    status, text = matrix.response(state, kind, surface)
    assert status < 500
    leaked = found(r.words, surface.read(text))
    assert not leaked, f"{state} {kind}: {surface.name} shows {leaked}"
    if surface.hidden_status and not r.state.draft_only:
        assert status == surface.hidden_status
    if surface.name == "page":
        assert status == r.state.page_status


@pytest.mark.parametrize(("state", "kind", "surface"), CONTROL_CELLS)
def test_control_pages_appear_on_every_surface(matrix, state, kind, surface):
    r = matrix.row(state, kind)
    status, text = matrix.response(state, kind, surface)
    assert status == 200
    shown = found({key: r.words[key] for key in surface.shows}, surface.read(text))
    assert set(shown) == set(surface.shows), f"{state} {kind}: {surface.name} lacks words"


def test_matrix_size(capsys):
    with capsys.disabled():
        print(
            f"\nvisibility matrix: {len(STATES)} states x {len(KINDS)} kinds x "
            f"{len(SURFACES)} surfaces = {len(CELLS)} hidden cells "
            f"(+ {len(CONTROL_CELLS)} control cells)"
        )
    assert len(STATES) >= 12 and len(CELLS) >= 12 * 2 * 30
