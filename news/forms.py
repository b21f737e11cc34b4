"""Admin forms of news articles and events: a regional editor links only people
of their own region (``regions.forms.ScopedPeopleFormMixin``)."""

from wagtail.admin.forms import WagtailAdminPageForm

from regions.forms import ScopedPeopleFormMixin


class NewsArticlePageForm(ScopedPeopleFormMixin, WagtailAdminPageForm):
    scoped_person_fields = ("author",)


class EventPageForm(ScopedPeopleFormMixin, WagtailAdminPageForm):
    scoped_person_fields = ("contact",)
