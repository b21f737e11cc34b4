"""Code-running links stored by an import are neutralised at output (issue 10, hole 8).

The admin refuses ``javascript:``, ``data:`` and ``vbscript:`` links, but an
import, a data migration or the write API's raw ``db_html`` can store them.
Here they are written straight into the database (rich text, link blocks, URL
fields), and every output, the page, its JSON-LD, our typed API and Wagtail's
``/api/v3/pages/`` in each rich text format, must come without them while the
link texts stay.
"""

import datetime
import re

import pytest
from django.utils import timezone

from news.models import EventIndexPage, EventPage, EventSession, NewsArticlePage, NewsIndexPage
from regions.models import CooperationStructure, RegionPage
from tests.factories import publish

pytestmark = pytest.mark.django_db

UNSAFE = re.compile(r"javascript\s*:|vbscript\s*:|data\s*:\s*text", re.IGNORECASE)
RICH_TEXT = (
    "<p>Lue <a href=\"javascript:alert('ks1')\">ohjeet</a>, "
    "<a href=' JaVaScRiPt:alert(2)'>toinen</a>, "
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">kolmas</a> ja '
    '<a href="https://www.soste.fi/">turvallinen</a>.</p>'
)
BODY = [
    {"type": "paragraph", "value": RICH_TEXT},
    {
        "type": "read_more",
        "value": {
            "heading": "Lue lisää",
            "links": [{"title": "Vaarallinen linkki", "url": "vbscript:msgbox(1)"}],
        },
    },
    {"type": "video", "value": {"title": "Tallenne", "url": "javascript:alert(3)"}},
    {
        "type": "attachment",
        "value": {"title": "Diat", "document": None, "url": "data:text/html,<b>x</b>"},
    },
]


def assert_neutralised(text, *still_there):
    assert not UNSAFE.search(text), UNSAFE.search(text)
    for words in still_there:
        assert words in text


def imported(page, **fields):
    """Store ``fields`` as an import would: straight into the table, unvalidated."""
    type(page).objects.filter(pk=page.pk).update(**fields)
    return type(page).objects.get(pk=page.pk)


@pytest.fixture
def article(demo_site):
    index = NewsIndexPage.objects.get(locale__language_code="fi", depth=3, slug="uutiset")
    page = NewsArticlePage(title="Tuotu uutinen", slug="tuotu-uutinen", lead="Tuotu.")
    index.add_child(instance=page)
    return imported(publish(page), body=BODY)


@pytest.fixture
def event(demo_site):
    index = EventIndexPage.objects.get(locale__language_code="fi", depth=3)
    start = timezone.now() + datetime.timedelta(days=10)
    page = EventPage(title="Tuotu tapahtuma", slug="tuotu-tapahtuma", lead="Tuotu.")
    page.format = "hybrid"
    page.sessions = [
        EventSession(
            title="Verkossa", start=start, end=start + datetime.timedelta(hours=2), is_online=True
        )
    ]
    index.add_child(instance=page)
    page = publish(page)
    EventSession.objects.filter(event=page).update(registration_url="JAVASCRIPT:alert(5)")
    return imported(page, body=BODY, registration_url="javascript:alert(4)")


def test_article_page_and_its_apis(client, article):
    assert_neutralised(
        client.get(article.url).content.decode(), "ohjeet", "turvallinen", "Vaarallinen linkki"
    )
    assert 'href="https://www.soste.fi/"' in client.get(article.url).content.decode()
    assert_neutralised(client.get(f"/api/v3/news/{article.pk}/").content.decode(), "ohjeet")
    for rich_text_format in ("db_html", "html", "markdown", "db_markdown"):
        response = client.get(f"/api/v3/pages/{article.pk}/?rich_text_format={rich_text_format}")
        assert response.status_code == 200
        assert_neutralised(response.content.decode(), "ohjeet", "turvallinen")


def test_event_page_and_its_apis(client, event):
    html = client.get(event.url).content.decode()
    assert_neutralised(html, "ohjeet", "Tallenne", "Diat")
    assert_neutralised(client.get(f"/api/v3/events/{event.pk}/").content.decode(), "ohjeet")
    assert_neutralised(client.get(f"/api/v3/pages/{event.pk}/").content.decode(), "ohjeet")
    data = client.get(f"/api/v3/events/{event.pk}/").json()
    assert data["registration_url"] == "" and data["sessions"][0]["registration_url"] == ""


def test_region_page_links(client, demo_site):
    region = RegionPage.objects.get(region__code="kainuu", locale__language_code="fi")
    RegionPage.objects.filter(pk=region.pk).update(network_url="javascript:alert(6)")
    CooperationStructure.objects.create(
        page=region, name="Tuotu työryhmä", url="vbscript:msgbox(7)", sort_order=99
    )
    assert_neutralised(client.get(region.url).content.decode(), "Tuotu työryhmä")
    assert_neutralised(client.get(f"/api/v3/regions/{region.pk}/").content.decode(), "Tuotu")
    assert_neutralised(client.get(f"/api/v3/pages/{region.pk}/").content.decode(), "Tuotu")
