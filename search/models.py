"""The project's search index: one row per page.

The Finnish analysis (Voikko lemmas, compound parts, derivations) runs in
Python (``search.analysis``) and its terms go to the database's own full-text
engine (``search.engine``): on PostgreSQL a weighted ``tsvector`` (``vector``,
GIN-indexed, lexemes already analysed, so the ``simple`` configuration), on
SQLite an FTS5 table beside this one (``search_fts``, rowid = page id).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TsVectorField(models.Field):
    """A ``tsvector`` column on PostgreSQL (plain text elsewhere, unused there).

    The value is a tsvector literal built by ``search.engine`` ("'avustus':1A,7C ...")."""

    description = "PostgreSQL tsvector"

    def db_type(self, connection):
        return "tsvector" if connection.vendor == "postgresql" else "text"

    def get_placeholder(self, value, compiler, connection):
        return "%s::tsvector" if connection.vendor == "postgresql" else "%s"


class SearchEntry(models.Model):
    """What the search knows about one page: its language, display text and date."""

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="search_entry"
    )
    language = models.CharField(_("kieli"), max_length=8, db_index=True)
    title = models.CharField(_("otsikko"), max_length=255)
    # The title normalised (NFC, case-folded) for autocomplete, which must not
    # depend on the database's idea of case (SQLite folds ASCII only).
    title_key = models.CharField(max_length=255, db_index=True, blank=True)
    text = models.TextField(_("teksti"), blank=True, help_text=_("Ingressi ja sisältö tekstinä."))
    date = models.DateField(_("päivämäärä"), null=True, blank=True)
    length = models.PositiveIntegerField(_("sanoja"), default=0)
    analyzer = models.CharField(_("analyysi"), max_length=40, blank=True)
    indexed_at = models.DateTimeField(_("indeksoitu"), auto_now=True)
    # Analysed terms, weighted by field (PostgreSQL; GIN index made by migration 0002).
    vector = TsVectorField(null=True, blank=True, editable=False)
    # The head of ``vector`` in narrow columns of their own (PostgreSQL; GIN indexes
    # made by migration 0005), which the title tiers of the search pool read: the
    # terms weighted A (title and keywords, whole forms) and A or B (with the lead and
    # the title's compound parts), without positions. Small enough to stay in the
    # row, so checking a page's title terms never unpacks its whole (TOASTed) vector.
    head = TsVectorField(null=True, blank=True, editable=False)
    lead = TsVectorField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("hakuindeksin rivi")
        verbose_name_plural = _("hakuindeksi")

    def __str__(self):
        return f"{self.language}: {self.title}"


class PendingIndexUpdate(models.Model):
    """A page whose indexing failed; retried on the next publish and by
    ``manage.py rebuild_search_index --pending``. No foreign key: the page may be gone."""

    page_id = models.BigIntegerField(unique=True)
    attempts = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("odottava indeksointi")
        verbose_name_plural = _("odottavat indeksoinnit")

    def __str__(self):
        return f"page {self.page_id} ({self.attempts} attempts)"
