import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

#: Events an endpoint may subscribe to (value, label).
EVENTS = [
    ("page.published", _("sivu julkaistu")),
    ("translation.published", _("käännös julkaistu")),
    ("page.unpublished", _("sivu poistettu julkaisusta tai vanhentunut")),
    ("page.moved", _("sivu siirretty")),
    ("page.deleted", _("sivu poistettu")),
    ("person.changed", _("henkilö muuttunut")),
    ("image.changed", _("kuva muuttunut")),
]
EVENT_NAMES = [value for value, _label in EVENTS]


def new_secret():
    return secrets.token_urlsafe(32)


class WebhookEndpoint(models.Model):
    """A receiver (a frontend's rebuild hook, an aggregator) told about public changes."""

    url = models.URLField(_("osoite"), max_length=1000)
    secret = models.CharField(
        _("salaisuus"),
        max_length=200,
        default=new_secret,
        help_text=_(
            "Jokainen viesti allekirjoitetaan tällä (HMAC-SHA256, otsake "
            "X-Kumppanuus-Signature: sha256=…). Vastaanottaja tarkistaa allekirjoituksen."
        ),
    )
    events = models.JSONField(_("tapahtumat"), default=list, blank=True)
    is_active = models.BooleanField(_("käytössä"), default=True)
    description = models.CharField(_("kuvaus"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["url"]
        verbose_name = _("webhook")
        verbose_name_plural = _("webhookit")

    def __str__(self):
        return self.description or self.url

    def wants(self, event):
        return self.is_active and event in self.events


class WebhookDelivery(models.Model):
    """One event for one endpoint: the exact body that is signed and sent, and how it went.

    A database-backed queue: publishing only inserts rows (after the
    transaction commits); ``manage.py send_webhooks`` posts them outside any
    request and retries failures with a growing delay.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("odottaa")
        DELIVERED = "delivered", _("toimitettu")
        FAILED = "failed", _("epäonnistui")

    endpoint = models.ForeignKey(
        WebhookEndpoint,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("webhook"),
    )
    event = models.CharField(_("tapahtuma"), max_length=40, choices=EVENTS)
    body = models.TextField(_("sisältö"))
    status = models.CharField(
        _("tila"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("yrityksiä"), default=0)
    next_attempt_at = models.DateTimeField(_("seuraava yritys"))
    #: claimed by a sender until then (so that two senders never post one delivery twice)
    locked_until = models.DateTimeField(null=True, blank=True)
    response_status = models.PositiveSmallIntegerField(_("vastauksen tila"), null=True)
    error = models.TextField(_("virhe"), blank=True)
    created_at = models.DateTimeField(_("luotu"), auto_now_add=True)
    delivered_at = models.DateTimeField(_("toimitettu"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="api_delivery_due")]
        verbose_name = _("webhook-toimitus")
        verbose_name_plural = _("webhook-toimitukset")

    def __str__(self):
        return f"{self.event} → {self.endpoint.url}"
