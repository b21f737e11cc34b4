"""A sensible "Vertaa edelliseen versioon" for a page that has never been published.

Wagtail compares a revision with the one saved just before it. For a new page
that is often the same content (saved as a draft, then submitted), so the
reviewer read "no differences"; a page created and submitted at once had no
comparison at all. Here the reviewer's link compares the submitted version with
the latest earlier version whose content differs, or, for a first version, with
an empty page: every field the editor filled in shows as added.
"""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.admin.views.pages.revisions import RevisionsCompareView
from wagtail.models import Page

from kumppanuus.formatting import format_datetime

URL_NAME = "editorial_compare_previous"
AUTO = "edellinen"  # the "revision" the link names: chosen by the view
MAX_REVISIONS = 30  # earlier versions looked at before falling back to an empty page


def never_published(page):
    """No live version to compare with (Wagtail offers "Vertaa julkaistuun" otherwise)."""
    return page.live_revision_id is None


class ComparePreviousView(RevisionsCompareView):
    """``<page>/compare/edellinen...<revision>/``: with the previous *different*
    version, or with an empty page."""

    template_name = "editorial/review/compare.html"

    def setup(self, request, pk, revision_id_a, revision_id_b, *args, **kwargs):
        super().setup(request, pk, revision_id_a, revision_id_b, *args, **kwargs)
        self.base_note = ""

    def _empty_page(self):
        blank = type(self.object)()
        blank.pk = self.object.pk
        return blank

    def _get_revision_and_heading(self, revision_id):
        if revision_id != AUTO:
            return super()._get_revision_and_heading(revision_id)
        submitted = get_object_or_404(self.object.revisions, id=self.revision_id_b)
        submitted_object = submitted.as_object()
        earlier = self.object.revisions.filter(created_at__lte=submitted.created_at).exclude(
            pk=submitted.pk
        )
        for revision in earlier.order_by("-created_at", "-id")[:MAX_REVISIONS]:
            candidate = revision.as_object()
            if self._get_comparison(candidate, submitted_object):
                heading = _("Edellinen erilainen versio (%(when)s)") % {
                    "when": format_datetime(revision.created_at)
                }
                self.base_note = _("Verrataan edelliseen versioon, jossa on eroja: %(when)s.") % {
                    "when": format_datetime(revision.created_at)
                }
                return candidate, heading
        self.base_note = _(
            "Sivua ei ole vielä julkaistu, eikä siitä ole aiempaa erilaista versiota: "
            "verrataan tyhjään sivuun, joten kaikki täytetyt kentät näkyvät lisäyksinä."
        )
        return self._empty_page(), _("Tyhjä sivu")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["base_note"] = self.base_note
        return context


class WorkflowPagesToModeratePanel(WorkflowObjectsToModeratePanel):
    """Wagtail's "Odottaa tarkastustasi" panel, whose "Vertaa edelliseen versioon"
    for a never-published page goes to ``ComparePreviousView``."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        for state in context["states"]:
            obj = state["obj"]
            if isinstance(obj, Page) and never_published(obj):
                state["previous_revision_id"] = AUTO
                state["revisions_compare_url_name"] = URL_NAME
        return context


def replace_moderation_panel(panels):
    """``construct_homepage_panels``: swap Wagtail's panel for ours, same place."""
    for index, panel in enumerate(panels):
        if type(panel) is WorkflowObjectsToModeratePanel:
            panels[index] = WorkflowPagesToModeratePanel()
