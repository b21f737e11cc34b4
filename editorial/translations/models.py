"""A Finnish page and its translations submitted for approval as one set."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PublishTogether(models.Model):
    """An editor's "publish together": one approval publishes the Finnish page and these
    translation revisions at once (or schedules them for one go-live time).

    The set belongs to the Finnish page's workflow submission. If the Finnish page is
    changed after the set was submitted, its translations no longer match it: the
    approval then publishes the Finnish page alone and the set is marked void.
    """

    PENDING = "pending"
    PUBLISHED = "published"
    VOID = "void"
    STATUS_CHOICES = [
        (PENDING, _("odottaa hyväksyntää")),
        (PUBLISHED, _("julkaistu")),
        (VOID, _("mitätöity")),
    ]

    source_page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("sivu")
    )
    source_revision = models.ForeignKey(
        "wagtailcore.Revision",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("lähetetty versio"),
    )
    workflow_state = models.ForeignKey(
        "wagtailcore.WorkflowState",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("työnkulku"),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("lähettäjä"),
    )
    requested_at = models.DateTimeField(_("lähetetty"), auto_now_add=True)
    go_live_at = models.DateTimeField(_("julkaisuaika"), null=True, blank=True)
    status = models.CharField(_("tila"), max_length=20, choices=STATUS_CHOICES, default=PENDING)

    class Meta:
        verbose_name = _("yhdessä julkaistava sarja")
        verbose_name_plural = _("yhdessä julkaistavat sarjat")

    def __str__(self):
        return f"{self.source_page.get_admin_display_title()} ({self.get_status_display()})"


class PublishTogetherItem(models.Model):
    """One translation revision of a set."""

    batch = models.ForeignKey(PublishTogether, on_delete=models.CASCADE, related_name="items")
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("käännös")
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.CASCADE, related_name="+", verbose_name=_("versio")
    )

    class Meta:
        verbose_name = _("käännös sarjassa")
        verbose_name_plural = _("käännökset sarjassa")

    def __str__(self):
        return self.page.get_admin_display_title()
