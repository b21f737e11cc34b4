"""A reviewer's approve that another reviewer beat to it is a message, not a 500."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Page

from regions.models import RegionPage
from tests.test_regional_editors import HOST, _edit_form

pytestmark = pytest.mark.django_db


def _user(name):
    return get_user_model().objects.get(username=name)


def test_an_approval_beaten_by_another_reviewer_is_a_message(client, demo_site, monkeypatch):
    page = RegionPage.objects.get(region__code="pohjois-karjala", locale__language_code="fi")
    page.save_revision(user=_user("toimittaja"))
    page.get_workflow().start(page, _user("toimittaja"))
    client.force_login(_user("julkaisija"))
    data = _edit_form(client, page)
    data.update({"action-workflow-action": "1", "workflow-action-name": "approve"})
    data["title"] += " (korjattu)"

    # The other reviewer approves while this request saves its edit.
    save_revision = Page.save_revision

    def other_reviewer_first(self, *args, **kwargs):
        task_state = Page.objects.get(pk=page.pk).specific.current_workflow_task_state
        if task_state is not None:
            task_state.task.specific.on_action(task_state, _user("julkaisija"), "approve")
        return save_revision(self, *args, **kwargs)

    monkeypatch.setattr(Page, "save_revision", other_reviewer_first)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.post(edit_url, data, **HOST)

    assert response.status_code == 302 and response.url == edit_url
    html = client.get(edit_url, **HOST).content.decode()
    assert "Tehtävä oli jo käsitelty toisaalla" in html
    assert page.revisions.latest("created_at").content["title"].endswith("(korjattu)")
