"""Keywords ("Asiasanat") shared by articles and events: one taggit tag model with
Swedish and English labels, and one through model per page type."""

from django.db import models
from django.db.models import Exists, OuterRef
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, NaturalKeyManager, TagBase
from wagtail.api import APIField
from wagtail.models import Page

from kumppanuus.language import current_language
from kumppanuus.listings import kept_exists, row_check
from kumppanuus.pagination import capped_count
from kumppanuus.visibility import visible


class KeywordQuerySet(models.QuerySet):
    def visible_in(self, language=None):
        """Keywords of at least one page the public may see (in ``language``, if given).

        A keyword typed on a draft, a scheduled, an expired, a view-restricted or
        a deleted page exists as a row but is nobody else's business: the keyword
        page, the feeds and "did you mean" know only these.
        """
        pages = Page.objects.all()
        if language:
            pages = pages.filter(locale__language_code=language)
        shown = visible(pages).values("pk")
        # One EXISTS per keyword (stops at its first visible page) rather than a
        # join of every tagged page with DISTINCT: the cost does not grow with the archive.
        return self.filter(
            Exists(ArticleKeyword.objects.filter(tag=OuterRef("pk"), content_object__in=shown))
            | Exists(EventKeyword.objects.filter(tag=OuterRef("pk"), content_object__in=shown))
        )

    def find_public(self, slug, language=None):
        """The visible keyword with this slug, or None (also for slugs no keyword can have)."""
        if "\x00" in slug or len(slug) > self.model._meta.get_field("slug").max_length:
            return None  # PostgreSQL would reject the NUL byte with an error (a 500)
        return self.visible_in(language).filter(slug=slug).first()


#: A listing up to this many pages finds its keywords from its pages (``Keyword.in_use``).
SMALL_LISTING = 1000


class Keyword(TagBase):
    """A keyword ("asiasana") shared by articles and events in every language.

    One keyword, one row: taggit is configured case-insensitive
    (``TAGGIT_CASE_INSENSITIVE``), so "Sote" and "sote" resolve to the same
    keyword. Swedish and English labels are optional translations of the name.
    """

    label_sv = models.CharField(_("nimi ruotsiksi"), max_length=100, blank=True)
    label_en = models.CharField(_("nimi englanniksi"), max_length=100, blank=True)

    objects = NaturalKeyManager.from_queryset(KeywordQuerySet)()

    api_fields = [APIField("name"), APIField("slug"), APIField("label_sv"), APIField("label_en")]

    class Meta:
        verbose_name = _("asiasana")
        verbose_name_plural = _("asiasanat")
        ordering = ["name"]

    @classmethod
    def in_use(cls, queryset, relation):
        """The keywords used by at least one page of ``queryset`` (by reverse relation,
        e.g. ``article_items``), for a listing's keyword filter.

        Which read is cheap depends on the listing's size, so it is counted first (up
        to ``SMALL_LISTING`` rows, a bounded read):

        - a small listing (a region's news): the keyword rows of its pages, found from
          the pages through the (page) index;
        - a large one (the national news): per keyword, its own rows from the (keyword,
          page) index, each row's page checked with a primary-key probe, stopping at the
          first visible page. ``OFFSET 0`` keeps both checks per row on PostgreSQL:
          as plain EXISTS (or ``page IN (queryset)``) it hashes every visible page and
          every keyword row (196 ms at 100,000 articles, against 2 ms). For a small
          listing the same probes would find nothing for most keywords and read all
          their rows (750 ms at 100,000)."""
        through = cls._meta.get_field(relation).related_model
        pages = queryset.order_by()
        # The paginator counts the same rows next: one bounded read serves both.
        if capped_count(pages, SMALL_LISTING) <= SMALL_LISTING:
            used_by = through.objects.filter(
                tag=OuterRef("pk"), content_object__in=pages.values("pk")
            )
            return cls.objects.filter(Exists(used_by))
        row = "keyword_row"  # an alias of our own: the pages' query may use the table too
        page_check, params = row_check(pages, f"{row}.content_object_id")
        # The outer check is kept per keyword the same way as the inner one per row.
        # Table names are our models', never input; the pages' values are parameters.
        used = kept_exists(
            f"SELECT 1 FROM {through._meta.db_table} {row} "  # noqa: S608
            f"WHERE {row}.tag_id = {cls._meta.db_table}.id AND {page_check}",
            queryset.db,
        )
        return cls.objects.filter(RawSQL(used, params, output_field=models.BooleanField()))  # noqa: S611

    @property
    def label(self):
        """The keyword in the active language, the Finnish name where none."""
        return getattr(self, f"label_{current_language()}", "") or self.name


class ArticleKeyword(ItemBase):
    tag = models.ForeignKey(Keyword, on_delete=models.CASCADE, related_name="article_items")
    content_object = ParentalKey(
        "news.NewsArticlePage", on_delete=models.CASCADE, related_name="keyword_items"
    )

    class Meta:
        # "Pages tagged K" reads only this index (keyword first, then the page).
        indexes = [models.Index(fields=["tag", "content_object"], name="news_artkw_tag_page")]


class EventKeyword(ItemBase):
    tag = models.ForeignKey(Keyword, on_delete=models.CASCADE, related_name="event_items")
    content_object = ParentalKey(
        "news.EventPage", on_delete=models.CASCADE, related_name="keyword_items"
    )

    class Meta:
        indexes = [models.Index(fields=["tag", "content_object"], name="news_evkw_tag_page")]
