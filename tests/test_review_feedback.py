"""Review feedback (issue 11): what "Pyydä muutoksia" leaves for the editor.

Through the admin's own views, as the demo roles: the reviewer's comment on the
edit page and the submitter's dashboard, the request attributed to the reviewer,
"Vertaa edelliseen versioon" for a never-published page, and the workflow
e-mails (recipient's language, configured sender, plain Finnish).
"""

import re

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from wagtail.users.models import UserProfile

from tests.test_workflow import HOST, _user, article_form, submit_article, workflow_action

pytestmark = pytest.mark.django_db

COMMENT = "Lisää lähde ja tarkista päivämäärä."


@pytest.fixture
def news_index():
    from news.models import NewsIndexPage

    return NewsIndexPage.objects.get(slug="uutiset", depth=3, locale__language_code="fi")


def request_changes(client, page, comment=COMMENT):
    client.force_login(_user("julkaisija"))
    response = workflow_action(client, page, "reject", comment)
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    return page


def set_language(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def html(client, url):
    response = client.get(url, **HOST)
    assert response.status_code == 200
    return response.content.decode()


def text(markup):
    """The visible words of an HTML fragment, whitespace collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", markup).split())


def dashboard_compare_link(client):
    page = html(client, reverse("wagtailadmin_home"))
    links = re.findall(r'<a href="([^"]+)">Vertaa edelliseen versioon</a>', page)
    return links


# --- the comment on the edit page and the dashboard ------------------------------------


def test_editor_sees_the_reviewers_comment_on_the_edit_page(client, news_index):
    page = request_changes(client, submit_article(client, news_index, slug="palautetta"))
    client.force_login(_user("toimittaja"))
    edit = html(client, reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    message = re.search(r'class="[^"]*change-request[^"]*".*?</li>', edit, re.S)
    assert message, "no change request message on the edit page"
    words = text(message.group(0))
    assert "Muutoksia pyydetty." in words
    assert "Jussi Julkaisija pyysi muutoksia" in words
    assert COMMENT in words


def test_editor_sees_the_comment_on_the_dashboard(client, news_index):
    page = request_changes(client, submit_article(client, news_index, slug="palautetta"))
    client.force_login(_user("toimittaja"))
    dashboard = html(client, reverse("wagtailadmin_home"))
    panel = re.search(r'<table class="[^"]*change-requests.*?</table>', dashboard, re.S)
    assert panel, "no change requests panel on the submitter's dashboard"
    words = text(panel.group(0))
    assert "Uusi uutinen" in words and "Jussi Julkaisija" in words and COMMENT in words
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    assert f'href="{edit_url}"' in panel.group(0)

    # Another editor's dashboard does not show it; nor after the editor resubmits.
    client.force_login(_user("aluetoimittaja"))
    assert COMMENT not in html(client, reverse("wagtailadmin_home"))
    client.force_login(_user("toimittaja"))
    client.post(
        edit_url, article_form("Uusi uutinen", page.slug, "action-restart-workflow"), **HOST
    )
    assert COMMENT not in text(html(client, reverse("wagtailadmin_home")))


def test_the_request_is_attributed_to_the_reviewer_not_the_submitter(client, news_index):
    page = request_changes(client, submit_article(client, news_index, slug="palautetta"))
    client.force_login(_user("toimittaja"))
    edit = html(client, reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    dialog = re.search(r'id="workflow-status-dialog".*?</h2>', edit, re.S) or re.search(
        r'id="workflow-status-dialog".*?workflow-timeline', edit, re.S
    )
    assert dialog, "no workflow status dialog"
    heading = text(dialog.group(0))
    assert "Jussi Julkaisija" in heading
    assert "Tiina Toimittaja" not in heading


# --- "Vertaa edelliseen versioon" for a page never published ---------------------------


def test_first_version_is_compared_with_an_empty_page(client, news_index):
    submit_article(client, news_index, slug="ensimmainen-versio")
    client.force_login(_user("julkaisija"))
    links = dashboard_compare_link(client)
    assert len(links) == 1, "the reviewer has no comparison for a first version"
    compare = html(client, links[0])
    assert "ei ole eroja" not in compare and "no differences" not in compare
    assert "verrataan tyhjään sivuun" in compare
    # Every filled-in field shows as added.
    assert re.search(r'<span class="addition">\s*Uusi uutinen\s*</span>', compare)
    assert "Järjestöt kokoontuvat Joensuussa." in compare


def test_resubmitted_draft_is_compared_with_the_previous_different_version(client, news_index):
    page = submit_article(client, news_index, slug="toinen-versio")
    request_changes(client, page)
    client.force_login(_user("toimittaja"))
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    # A save without changes, then the real change, then the resubmission.
    form = article_form("Uusi uutinen", page.slug, None)
    client.post(edit_url, form, **HOST)
    changed = article_form(
        "Uusi uutinen", page.slug, "action-restart-workflow", lead="Korjattu ingressi."
    )
    assert client.post(edit_url, changed, **HOST).status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_state.status == "in_progress"

    client.force_login(_user("julkaisija"))
    links = dashboard_compare_link(client)
    assert len(links) == 1
    compare = html(client, links[0])
    assert "Verrataan edelliseen versioon, jossa on eroja" in compare
    assert re.search(r'<span class="addition">\s*Korjattu ingressi.\s*</span>', compare)
    assert re.search(r'<span class="deletion">\s*Järjestöt kokoontuvat Joensuussa.', compare)


def test_the_status_dialog_offers_the_comparison_for_a_new_page(client, news_index):
    page = submit_article(client, news_index, slug="dialogin-vertailu")
    client.force_login(_user("julkaisija"))
    edit = html(client, reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    url = reverse(
        "editorial_compare_previous", args=[page.pk, "edellinen", page.latest_revision_id]
    )
    assert f'href="{url}"' in edit
    assert "verrataan tyhjään sivuun" in html(client, url)


def test_published_pages_keep_wagtails_comparison(client, news_index):
    from news.models import NewsArticlePage

    page = NewsArticlePage.objects.get(
        slug="jarjestot-ja-tulevaisuuden-sote-keskus", locale__language_code="fi"
    )
    page.lead = "Uusi ingressi tarkastettavaksi."
    page.save_revision(user=_user("toimittaja"))
    page.get_workflow().start(page, _user("toimittaja"))
    client.force_login(_user("julkaisija"))
    links = dashboard_compare_link(client)
    assert links and all("/revisions/compare/" in link for link in links)


# --- the e-mails ----------------------------------------------------------------------


def test_change_request_email_is_plain_finnish_from_the_configured_sender(client, news_index):
    page = submit_article(client, news_index, slug="sahkoposti")
    mail.outbox.clear()
    with override_settings(DEFAULT_FROM_EMAIL="Kumppanuus <viestinta@example.fi>"):
        request_changes(client, page)
    [message] = [m for m in mail.outbox if m.to == ["toimittaja@example.org"]]
    assert message.from_email == "Kumppanuus <viestinta@example.fi>"
    assert message.subject == "Muutoksia pyydetty: Uusi uutinen"
    body = message.body
    assert body.startswith("Hei Tiina,")
    assert 'Jussi Julkaisija pyysi muutoksia sisältöön "Uusi uutinen" ennen julkaisua.' in body
    assert COMMENT in body
    assert f"http://testserver/admin/pages/{page.pk}/edit/" in body
    for wrong in ("hylätty", "hylättiin", "rejected", "has been", "You can", "Hello"):
        assert wrong not in body and wrong not in message.subject


def test_emails_go_in_the_recipients_language_not_the_senders(client, news_index):
    """The publisher uses the English admin; the editor has chosen no language
    (Finnish), another editor has chosen Swedish."""
    set_language(_user("julkaisija"), "en")

    page = submit_article(client, news_index, slug="kieli")
    mail.outbox.clear()
    request_changes(client, page)
    [finnish] = [m for m in mail.outbox if m.to == ["toimittaja@example.org"]]
    assert finnish.subject == "Muutoksia pyydetty: Uusi uutinen"

    set_language(_user("toimittaja"), "sv")
    second = submit_article(client, news_index, slug="kieli-sv")
    mail.outbox.clear()
    request_changes(client, second)
    [swedish] = [m for m in mail.outbox if m.to == ["toimittaja@example.org"]]
    assert swedish.subject == "Ändringar begärda: Uusi uutinen"
    assert swedish.body.startswith("Hej Tiina,")
    assert COMMENT in swedish.body


def test_publishers_are_told_in_finnish_that_something_awaits_approval(client, news_index):
    mail.outbox.clear()
    submit_article(client, news_index, slug="odottaa")
    [message] = [m for m in mail.outbox if m.to == ["julkaisija@example.org"]]
    assert message.subject == "Odottaa hyväksyntääsi: Uusi uutinen"
    assert 'Sisältö "Uusi uutinen" odottaa hyväksyntääsi' in message.body
    assert message.from_email == "Kumppanuus <noreply@localhost>"


def test_a_person_sent_back_shows_the_comment_too(client):
    """People (snippets) go through the same workflow: the same message and panel."""
    from regions.models import Person
    from tests.test_person_approval import edit_person

    person = Person.objects.first()
    client.force_login(_user("toimittaja"))
    assert edit_person(client, person, "action-submit", phone="044 765 4321").status_code == 302
    person.refresh_from_db()
    client.force_login(_user("julkaisija"))
    task_state = person.current_workflow_task_state
    url = reverse(
        "wagtailsnippets_regions_person:workflow_action",
        args=[person.pk, "reject", task_state.pk],
    )
    assert client.post(url, {"comment": "Tarkista numero."}, **HOST).status_code in (200, 302)

    client.force_login(_user("toimittaja"))
    edit = html(client, reverse("wagtailsnippets_regions_person:edit", args=[person.pk]))
    assert "Jussi Julkaisija pyysi muutoksia" in text(edit) and "Tarkista numero." in edit
    panel = re.search(
        r'<table class="[^"]*change-requests.*?</table>',
        html(client, reverse("wagtailadmin_home")),
        re.S,
    )
    assert panel and person.name in text(panel.group(0)) and "Tarkista numero." in panel.group(0)
