"""The import ledger: which WordPress item became which Wagtail object.

One row per item of an export (and per file of its uploads folder). Re-running
the import compares the item's content hash with the row's and touches only
what changed; a row whose object an editor has deleted stays, marked deleted,
so that the next run does not bring the object back.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedItem(models.Model):
    site = models.CharField(_("sivusto"), max_length=255, help_text=_("WordPressin osoite"))
    key = models.CharField(
        _("tunniste"), max_length=512, help_text=_("post:ID, file:polku tai person:tunnus")
    )
    guid = models.CharField(max_length=512, blank=True)
    post_type = models.CharField(_("sisältötyyppi"), max_length=64, blank=True)
    content_hash = models.CharField(max_length=64)
    content_type = models.ForeignKey(ContentType, null=True, on_delete=models.SET_NULL)
    object_id = models.PositiveBigIntegerField(null=True)
    revision_id = models.PositiveBigIntegerField(
        null=True, help_text=_("Tuonnin tekemä versio: muu versio on toimittajan muokkaus.")
    )
    deleted_at = models.DateTimeField(_("poistettu"), null=True, blank=True)
    imported_at = models.DateTimeField(_("tuotu"), auto_now_add=True)
    updated_at = models.DateTimeField(_("päivitetty"), auto_now=True)

    class Meta:
        verbose_name = _("tuotu WordPress-sisältö")
        verbose_name_plural = _("tuodut WordPress-sisällöt")
        constraints = [
            models.UniqueConstraint(fields=["site", "key"], name="wpimport_item_unique_key")
        ]

    def __str__(self):
        return f"{self.site} {self.key}"

    def get_object(self):
        if self.content_type is None or self.object_id is None:
            return None
        model = self.content_type.model_class()
        return model.objects.filter(pk=self.object_id).first() if model else None
