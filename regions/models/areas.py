"""The 22 areas (21 welfare regions and the City of Helsinki), shipped as data."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.api import APIField

from kumppanuus.language import current_language


class RegionQuerySet(models.QuerySet):
    def by_codes_or_slugs(self, values):
        """Match regions by code; a value that is not a code may be a page slug."""
        return self.filter(models.Q(code__in=values) | models.Q(pages__slug__in=values)).distinct()


class Region(models.Model):
    """One of the 22 areas that organise social and health services.

    Shipped as data (see ``regions.data``) rather than typed by editors, so that
    news, events, people and API filters all refer to the same fixed list. Not a
    page: a region exists whether or not anybody has written its page yet.
    """

    code = models.SlugField(_("tunniste"), max_length=40, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("järjestys"), default=0)
    name_fi = models.CharField(_("nimi suomeksi"), max_length=100)
    name_sv = models.CharField(_("nimi ruotsiksi"), max_length=100)
    name_en = models.CharField(_("nimi englanniksi"), max_length=100)
    official_name_fi = models.CharField(_("virallinen nimi suomeksi"), max_length=150)
    official_name_sv = models.CharField(_("virallinen nimi ruotsiksi"), max_length=150)

    objects = RegionQuerySet.as_manager()

    api_fields = [APIField("code"), APIField("name_fi"), APIField("name_sv"), APIField("name_en")]

    class Meta:
        ordering = ["sort_order", "name_fi"]
        verbose_name = _("alue")
        verbose_name_plural = _("alueet")

    def __str__(self):
        return self.name

    @property
    def name(self):
        """The short name in the active language (Finnish where none)."""
        return getattr(self, f"name_{current_language()}", None) or self.name_fi

    @property
    def official_name(self):
        if current_language() == "sv":
            return self.official_name_sv
        return self.official_name_fi
