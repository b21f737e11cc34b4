"""Listing filters for the news and events indexes.

Filters are plain GET parameters (``asiasana``, ``alue``, ``vuosi``) so that a
filtered listing is a shareable link, works without JavaScript and survives
pagination (the pagination links repeat every parameter except ``page``).
Values are validated with a form: an unknown keyword, region or year is the
visitor's (or a stale link's) mistake and gets a 400 with the form's message,
never a 500 and never a silently unfiltered list.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from kumppanuus.listings import tagged
from regions.models import Region
from regions.querysets import in_regions


class ListingFilterForm(forms.Form):
    """Keyword and region filters shared by both listings; year only for news."""

    asiasana = forms.ChoiceField(label=_("Asiasana"), required=False)
    alue = forms.ChoiceField(label=_("Alue"), required=False)

    def __init__(self, data, *, keywords, years=None):
        super().__init__(data)
        everything = [("", _("Kaikki"))]
        self.keywords = {keyword.slug: keyword for keyword in keywords}
        self.fields["asiasana"].choices = everything + [(k.slug, k.label) for k in keywords]
        self.fields["alue"].choices = everything + [(r.code, r.name) for r in Region.objects.all()]
        if years is not None:
            self.fields["vuosi"] = forms.ChoiceField(
                label=_("Vuosi"),
                required=False,
                choices=everything + [(str(y), str(y)) for y in years],
            )

    @property
    def is_filtered(self):
        return self.is_valid() and any(self.cleaned_data.values())

    def apply(self, queryset):
        """Narrow ``queryset`` by every filter given; all filters combine (AND).

        Region and keyword follow ``kumppanuus.listings``: about the region or
        published under its own page; tagged with the keyword."""
        data = self.cleaned_data
        if data.get("asiasana"):
            queryset = tagged(queryset, [self.keywords[data["asiasana"]].pk])
        if data.get("alue"):
            queryset = in_regions(queryset, Region.objects.filter(code=data["alue"]))
        if data.get("vuosi"):
            queryset = queryset.filter(date__year=int(data["vuosi"]))
        return queryset
