"""Admin forms of the API app."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models.webhooks import EVENTS


class WebhookEndpointForm(WagtailAdminModelForm):
    events = forms.MultipleChoiceField(
        label=_("tapahtumat"),
        choices=EVENTS,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Mistä muutoksista tähän osoitteeseen lähetetään viesti."),
    )
