"""A synthetic archive for `make bench`, created in bulk.

``grow(total)`` brings the number of synthetic news articles up to ``total``:
recombined sentences of the demo seeds (``../shared/seeds``, else the demo
content) in Finnish, Swedish and English (80 / 10 / 10 %), 40 keywords drawn
with a Zipf distribution, the 22 regions (none for about a third: national
news), and dates spread over ten years. Pages are written with
``bulk_create`` (tree paths computed here, as treebeard would number them),
without revisions and without firing the publishing signals: the search
index is built once afterwards by the caller.

Everything is deterministic (a fixed random seed per article number), so two
runs at the same size measure the same archive.
"""

import datetime
import os
import random
import re
import uuid
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page

from demo.content import ARTICLES
from demo.translation_texts import TEXTS
from news.models import ArticleKeyword, Keyword, NewsArticlePage, NewsIndexPage
from regions.models import Region

ROOT = Path(__file__).resolve().parent.parent
SEEDS = Path(os.environ.get("BENCH_SEEDS", ROOT.parent / "shared" / "seeds"))
LANGUAGES = [("fi", 0.8), ("sv", 0.1), ("en", 0.1)]
YEARS = 10
BATCH = 2000

#: 40 keywords in Zipf order: the first is on about a fifth of the articles.
KEYWORDS = [
    "sote",
    "järjestöt",
    "hyvinvointialue",
    "yhteistyö",
    "mielenterveys",
    "avustukset",
    "vapaaehtoistyö",
    "ikäihmiset",
    "lapset ja perheet",
    "nuoret",
    "päihdetyö",
    "vammaispalvelut",
    "kumppanuus",
    "osallisuus",
    "digitalisaatio",
    "koulutus",
    "vertaistuki",
    "omaishoito",
    "terveyden edistäminen",
    "lähisuhdeväkivalta",
    "asuminen",
    "työllisyys",
    "maahanmuuttajat",
    "yksinäisyys",
    "kulttuuri",
    "liikunta",
    "ravitsemus",
    "kriisityö",
    "kuntoutus",
    "perhekeskus",
    "sote-keskus",
    "järjestöstrategia",
    "vaikuttavuus",
    "hankkeet",
    "rahoitus",
    "lainsäädäntö",
    "kansalaistoiminta",
    "hyvinvointisuunnitelma",
    "kehittäminen",
    "tapahtumat",
]
ZIPF = [1 / rank for rank in range(1, len(KEYWORDS) + 1)]


def _sentences(text):
    text = re.sub(r"\s+", " ", text)
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.strip()) > 25]


def sentence_pools():
    """Sentences per language: the seeds (or demo articles) in Finnish, the demo's
    translations in Swedish and English."""
    finnish = []
    if SEEDS.is_dir():
        for path in sorted(SEEDS.glob("*.txt")):
            finnish += _sentences(path.read_text(encoding="utf-8"))
    for article in ARTICLES:
        finnish += _sentences(article.get("lead", ""))
        for block in article.get("body", []):
            value = block[1] if isinstance(block, tuple | list) else block
            if isinstance(value, str):
                finnish += _sentences(re.sub(r"<[^>]+>", " ", value))
    pools = {"fi": finnish}
    for language, texts in TEXTS.items():
        pools[language] = [s for value in texts.values() for s in _sentences(value)]
    return pools


def _alphabet_path(number):
    """Treebeard's step for the ``number``-th child (1-based), base 36, four characters."""
    return Page._int2str(number).rjust(Page.steplen, "0")


class Corpus:
    def __init__(self):
        self.pools = sentence_pools()
        self.parents = {
            language: NewsIndexPage.objects.filter(locale__language_code=language, depth=3).first()
            for language, _share in LANGUAGES
        }
        missing = [code for code, parent in self.parents.items() if parent is None]
        if missing:
            raise RuntimeError(f"No news index for {missing}: load the demo first")
        self.locales = {locale.language_code: locale.pk for locale in Locale.objects.all()}
        self.content_type = ContentType.objects.get_for_model(NewsArticlePage)
        self.regions = list(Region.objects.order_by("sort_order").values_list("pk", flat=True))
        self.keywords = self._keywords()
        self.today = timezone.localdate()

    def _keywords(self):
        ids = []
        for name in KEYWORDS:
            keyword = Keyword.objects.filter(name__iexact=name).first()
            if keyword is None:
                keyword = Keyword.objects.create(name=name, slug=_slug(name))
            ids.append(keyword.pk)
        return ids

    def count(self):
        return NewsArticlePage.objects.filter(slug__startswith="bench-").count()

    def grow(self, total):
        """Add synthetic articles until there are ``total``; returns how many were added."""
        have = self.count()
        added = 0
        for start in range(have, total, BATCH):
            self._batch(range(start, min(total, start + BATCH)))
            added += min(total, start + BATCH) - start
        return added

    @transaction.atomic
    def _batch(self, numbers):
        by_language = {}
        for number in numbers:
            rng = random.Random(number)
            language = rng.choices([c for c, _ in LANGUAGES], [w for _, w in LANGUAGES])[0]
            by_language.setdefault(language, []).append((number, rng))
        for language, items in by_language.items():
            self._create(language, items)

    def _create(self, language, items):
        parent = Page.objects.select_for_update().get(pk=self.parents[language].pk)
        last = parent.get_last_child()
        position = Page._str2int(last.path[-Page.steplen :]) if last else 0
        pool = self.pools[language] or self.pools["fi"]
        pages, details, regions, keywords = [], [], [], []
        for offset, (number, rng) in enumerate(items, start=1):
            date = self.today - datetime.timedelta(days=rng.randrange(YEARS * 365))
            published = timezone.make_aware(datetime.datetime.combine(date, datetime.time(9)))
            title = rng.choice(pool)[:90].rstrip(" .,")
            slug = f"bench-{number}"
            pages.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=self.content_type,
                    locale_id=self.locales[language],
                    path=parent.path + _alphabet_path(position + offset),
                    depth=parent.depth + 1,
                    numchild=0,
                    url_path=f"{parent.url_path}{slug}/",
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                    translation_key=uuid.UUID(int=rng.getrandbits(128)),
                )
            )
            paragraphs = [
                " ".join(rng.choice(pool) for _ in range(rng.randint(3, 5)))
                for _ in range(rng.randint(2, 4))
            ]
            details.append(
                {
                    "date": date,
                    "lead": rng.choice(pool),
                    "body": [
                        {"type": "paragraph", "value": f"<p>{text}</p>", "id": str(uuid.uuid4())}
                        for text in paragraphs
                    ],
                    "regions": (
                        rng.sample(self.regions, rng.randint(1, 2)) if rng.random() > 0.35 else []
                    ),
                    "keywords": {
                        self.keywords[i]
                        for i in rng.choices(range(len(KEYWORDS)), ZIPF, k=rng.randint(1, 3))
                    },
                }
            )
        Page.objects.bulk_create(pages, batch_size=1000)
        articles = [
            NewsArticlePage(
                page_ptr_id=page.pk, date=d["date"], lead=d["lead"], body=d["body"], live=True
            )
            for page, d in zip(pages, details, strict=True)
        ]
        queryset = NewsArticlePage.objects.all()
        queryset._for_write = True
        queryset._batched_insert(articles, NewsArticlePage._meta.local_concrete_fields, 1000)
        through = NewsArticlePage.regions.through
        for page, d in zip(pages, details, strict=True):
            regions += [through(newsarticlepage_id=page.pk, region_id=r) for r in d["regions"]]
            keywords += [ArticleKeyword(content_object_id=page.pk, tag_id=k) for k in d["keywords"]]
        through.objects.bulk_create(regions, batch_size=2000)
        ArticleKeyword.objects.bulk_create(keywords, batch_size=2000)
        Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(pages))


def _slug(name):
    from django.utils.text import slugify

    return slugify(name.replace("ä", "a").replace("ö", "o"))
