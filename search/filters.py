"""The search page's filters (type, region, keyword, date) as a Django form.

Invalid values are dropped (the search still runs unfiltered on them), so bad
input never turns into an error page. Each filter narrows a Page queryset that
is handed to ``search_pages``: the same restriction mechanism the API uses.
Region and keyword mean what they mean on every surface (``kumppanuus.listings``):
a region filter finds pages about the region and pages published under its page.
"""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from kumppanuus.listings import tagged
from news.models import EventPage, Keyword, NewsArticlePage
from regions.models import Region, RegionPage
from regions.querysets import in_regions, region_page_paths

TYPE_CHOICES = [
    ("", _("Kaikki")),
    ("news", _("Uutiset")),
    ("event", _("Tapahtumat")),
    ("region", _("Alueet")),
    ("other", _("Muut sivut")),
]


def _models():
    return {"news": NewsArticlePage, "event": EventPage, "region": RegionPage}


def _bounded(querysets, cap):
    """The distinct values of ``querysets`` (one column each, UNION ALL, one query),
    or None when there are more than ``cap`` rows."""
    first, *rest = querysets
    rows = list(first.union(*rest, all=True)[: cap + 1]) if rest else list(first[: cap + 1])
    return None if len(rows) > cap else sorted(set(rows))


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

    def _keyword_ids(self):
        """Ids of the keyword filter's keywords (one query, then remembered)."""
        if not hasattr(self, "_keywords"):
            name = self.cleaned_data["keyword"].strip()
            self._keywords = list(
                Keyword.objects.filter(name__iexact=name).values_list("pk", flat=True)
            )
        return self._keywords

    def _region_ids(self):
        """Ids of the region filter's regions (one query, then remembered)."""
        if not hasattr(self, "_regions"):
            code = self.cleaned_data["region"]
            self._regions = list(Region.objects.filter(code=code).values_list("pk", flat=True))
        return self._regions

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
            pages = in_regions(pages, self._region_ids())
        if data.get("keyword"):
            pages = tagged(pages, self._keyword_ids())
        if data.get("date_from"):
            pages = pages.filter(search_entry__date__gte=data["date_from"])
        if data.get("date_to"):
            pages = pages.filter(search_entry__date__lte=data["date_to"])
        return pages

    def filtered_ids(self, cap):
        """Ids of at most ``cap`` pages that hold every page ``filtered_pages`` keeps,
        or None (no keyword or region filter, or each covers more than ``cap`` pages):
        ``keyword_page_ids`` and ``region_page_ids``, the pages of both."""
        data = getattr(self, "cleaned_data", {})
        found = []
        if data.get("keyword"):
            found.append(keyword_page_ids(self._keyword_ids(), cap))
        if data.get("region"):
            found.append(region_page_ids(self._region_ids(), cap))
        return within_all(found)


def keyword_page_ids(keyword_ids, cap):
    """Ids of the pages carrying any of ``keyword_ids`` (every language and state), ``[]``
    for no keyword, None for more than ``cap``: one query of the keyword tables' own
    (tag, page) indexes.

    A keyword or a region covers a share of the archive the planner cannot know
    (2 % to 40 % of the articles), so a search narrowed by one read its tiers newest
    first through the whole archive checking each row against the filter: 0.3-0.9 s
    at 100,000 articles. Given these ids, ``search.engine`` reads those pages first.
    They only bound what it reads (it still checks each row against the filter and
    for visibility), so a superset is right and the state of a page does not matter."""
    if not keyword_ids:
        return []
    return _bounded(
        [
            model.keywords.through.objects.filter(tag_id__in=keyword_ids)
            .order_by()
            .values_list("content_object_id", flat=True)
            for model in (NewsArticlePage, EventPage)
        ],
        cap,
    )


def region_page_ids(region_ids, cap):
    """Ids of the pages about any of ``region_ids`` or under a region's own page (as
    ``in_regions``), None for more than ``cap``: see ``keyword_page_ids``."""
    under = Q()
    for path in region_page_paths(region_ids):
        under |= Q(path__startswith=path)
    sources = [
        model.regions.through.objects.filter(region_id__in=region_ids)
        .order_by()
        .values_list(f"{model._meta.model_name}_id", flat=True)
        for model in (NewsArticlePage, EventPage)
    ]
    if under:
        sources.append(Page.objects.filter(under).order_by().values_list("pk", flat=True))
    return _bounded(sources, cap)


def within_all(found):
    """The pages every bounded id list holds (each filter must hold), or None when none
    of ``found`` is bounded."""
    known = [set(ids) for ids in found if ids is not None]
    if not known:
        return None
    return sorted(set.intersection(*known))
