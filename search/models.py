"""The project's own search index, one entry per page.

Wagtail's database search backends share one index table and overwrite each
other's rows (an open upstream issue), and PostgreSQL's text search has no
Finnish compound analysis. So the analysis runs in Python (``search.analysis``)
and its terms are stored here as plain rows: the same on PostgreSQL and SQLite.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


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

    class Meta:
        verbose_name = _("hakuindeksin rivi")
        verbose_name_plural = _("hakuindeksi")

    def __str__(self):
        return f"{self.language}: {self.title}"


class SearchTerm(models.Model):
    """One analysed term of a page with its weight (fields and match kind summed)."""

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="terms")
    language = models.CharField(max_length=8)
    term = models.CharField(max_length=100)
    weight = models.FloatField()

    class Meta:
        indexes = [models.Index(fields=["language", "term"], name="search_term_lang_term")]
        constraints = [
            models.UniqueConstraint(fields=["entry", "term"], name="search_term_unique_per_entry")
        ]

    def __str__(self):
        return f"{self.term} ({self.weight:g})"


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
