"""The search page's filters (type, region, keyword, date) as a Django form.

Invalid values are dropped (the search still runs unfiltered on them), so bad
input never turns into an error page. Each filter narrows a Page queryset that
is handed to ``search_pages``: the same restriction mechanism the API uses.
"""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from news.models import EventPage, NewsArticlePage
from regions.models import Region, RegionPage

TYPE_CHOICES = [
    ("", _("Kaikki")),
    ("news", _("Uutiset")),
    ("event", _("Tapahtumat")),
    ("region", _("Alueet")),
    ("other", _("Muut sivut")),
]


def _models():
    return {"news": NewsArticlePage, "event": EventPage, "region": RegionPage}


class SearchFilterForm(forms.Form):
    type = forms.ChoiceField(label=_("Sisältötyyppi"), choices=TYPE_CHOICES, required=False)
    region = forms.ChoiceField(label=_("Alue"), required=False)
    keyword = forms.CharField(label=_("Asiasana"), required=False, max_length=100)
    date_from = forms.DateField(
        label=_("Alkaen"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("Asti"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [("", _("Kaikki alueet"))] + [
            (region.code, region.name) for region in Region.objects.all()
        ]

    def full_clean(self):
        super().full_clean()
        # Keep the valid filters, drop the invalid ones.
        for name in list(self.errors):
            self.cleaned_data.pop(name, None)

    @property
    def has_filters(self):
        data = getattr(self, "cleaned_data", {})
        return any(data.get(name) for name in ("type", "region", "keyword", "date_from", "date_to"))

    def filtered_pages(self):
        """A Page queryset narrowed by the valid filters."""
        data = getattr(self, "cleaned_data", {})
        models = _models()
        pages = Page.objects.all()
        kind = data.get("type")
        if kind in models:
            pages = pages.type(models[kind])
        elif kind == "other":
            pages = pages.not_type(*models.values())
        if data.get("region"):
            code = data["region"]
            pages = pages.filter(
                Q(pk__in=models["news"].objects.filter(regions__code=code).values("pk"))
                | Q(pk__in=models["event"].objects.filter(regions__code=code).values("pk"))
                | Q(pk__in=models["region"].objects.filter(region__code=code).values("pk"))
            )
        if data.get("keyword"):
            name = data["keyword"].strip()
            pages = pages.filter(
                Q(pk__in=models["news"].objects.filter(keywords__name__iexact=name).values("pk"))
                | Q(pk__in=models["event"].objects.filter(keywords__name__iexact=name).values("pk"))
            )
        if data.get("date_from"):
            pages = pages.filter(search_entry__date__gte=data["date_from"])
        if data.get("date_to"):
            pages = pages.filter(search_entry__date__lte=data["date_to"])
        return pages
