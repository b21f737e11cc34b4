"""The search page's filters (type, region, keyword, date) as a Django form.

Invalid values are dropped (the search still runs unfiltered on them), so bad
input never turns into an error page. Each filter narrows a Page queryset that
is handed to ``search_pages``: the same restriction mechanism the API uses.
Region and keyword mean what they mean on every surface (``kumppanuus.listings``):
a region filter finds pages about the region and pages published under its page.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from kumppanuus.listings import tagged
from news.models import EventPage, Keyword, NewsArticlePage
from regions.models import Region, RegionPage
from regions.querysets import in_regions

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
            pages = in_regions(pages, Region.objects.filter(code=data["region"]))
        if data.get("keyword"):
            keywords = Keyword.objects.filter(name__iexact=data["keyword"].strip())
            pages = tagged(pages, keywords.values_list("pk", flat=True))
        if data.get("date_from"):
            pages = pages.filter(search_entry__date__gte=data["date_from"])
        if data.get("date_to"):
            pages = pages.filter(search_entry__date__lte=data["date_to"])
        return pages
