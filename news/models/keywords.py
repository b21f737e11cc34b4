"""Keywords ("Asiasanat") shared by articles and events: one taggit tag model with
Swedish and English labels, and one through model per page type."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase
from wagtail.api import APIField

from kumppanuus.language import current_language


class Keyword(TagBase):
    """A keyword ("asiasana") shared by articles and events in every language.

    One keyword, one row: taggit is configured case-insensitive
    (``TAGGIT_CASE_INSENSITIVE``), so "Sote" and "sote" resolve to the same
    keyword. Swedish and English labels are optional translations of the name.
    """

    label_sv = models.CharField(_("nimi ruotsiksi"), max_length=100, blank=True)
    label_en = models.CharField(_("nimi englanniksi"), max_length=100, blank=True)

    api_fields = [APIField("name"), APIField("slug"), APIField("label_sv"), APIField("label_en")]

    class Meta:
        verbose_name = _("asiasana")
        verbose_name_plural = _("asiasanat")
        ordering = ["name"]

    @classmethod
    def in_use(cls, queryset, relation):
        """The keywords used by at least one page of ``queryset`` (by reverse relation)."""
        return cls.objects.filter(**{f"{relation}__content_object__in": queryset}).distinct()

    @property
    def label(self):
        """The keyword in the active language, the Finnish name where none."""
        return getattr(self, f"label_{current_language()}", "") or self.name


class ArticleKeyword(ItemBase):
    tag = models.ForeignKey(Keyword, on_delete=models.CASCADE, related_name="article_items")
    content_object = ParentalKey(
        "news.NewsArticlePage", on_delete=models.CASCADE, related_name="keyword_items"
    )


class EventKeyword(ItemBase):
    tag = models.ForeignKey(Keyword, on_delete=models.CASCADE, related_name="event_items")
    content_object = ParentalKey(
        "news.EventPage", on_delete=models.CASCADE, related_name="keyword_items"
    )
