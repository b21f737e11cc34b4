"""The create form's autosave racing the editor's own submit (Wagtail 8 autosave).

Wagtail's autosave JS posts the create form as FormData with "Accept: application/json" (no
action-* button, so it is a draft save) to the create URL, and switches the form to the edit
URL only when its answer arrives. A submit clicked meanwhile posts the same new page to the
create URL again. The editor must end up with one page holding what they submitted.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from news.models import NewsArticlePage, NewsIndexPage

pytestmark = pytest.mark.django_db

HOST = {"HTTP_HOST": "127.0.0.1"}
AUTOSAVE = {**HOST, "HTTP_ACCEPT": "application/json"}


@pytest.fixture
def editor(client):
    client.force_login(get_user_model().objects.get(username="toimittaja"))
    return client


@pytest.fixture
def add_url():
    news_index = NewsIndexPage.objects.get(slug="uutiset", depth=3, locale__language_code="fi")
    return reverse("wagtailadmin_pages:add", args=("news", "newsarticlepage", news_index.pk))


def create_session(client, url):
    """The token the create form carries (what the browser's FormData includes)."""
    html = client.get(url, **HOST).content.decode()
    match = re.search(r'name="editorial_create_session" value="([0-9a-f]{32})"', html)
    assert match, "the create form carries no create-session token"
    return match.group(1)


def form(slug, lead, token, action=None):
    data = {
        "title": "Kilpajuoksu",
        "slug": slug,
        "date": "2026-03-10",
        "lead": lead,
        "body": streamfield([("paragraph", rich_text("<p>Tervetuloa mukaan.</p>"))]),
        "keywords": "",
        "related_pages": inline_formset([]),
        "comments": inline_formset([]),
    }
    if token:
        data["editorial_create_session"] = token
    if action:
        data[action] = "1"
    return nested_form_data(data)


def test_autosave_then_submit_edits_the_autosaved_page_and_submits_it(editor, add_url):
    token = create_session(editor, add_url)
    autosave = editor.post(add_url, form("kilpajuoksu", "Ensimmäinen veto.", token), **AUTOSAVE)
    assert autosave.status_code == 200, autosave.content[:500]
    assert autosave.json()["success"] is True

    submit = editor.post(
        add_url, form("kilpajuoksu", "Valmis teksti.", token, "action-submit"), **HOST
    )
    assert submit.status_code == 302, submit.content.decode()[:2000]
    pages = NewsArticlePage.objects.filter(slug="kilpajuoksu")
    assert pages.count() == 1
    page = pages.get()
    assert page.get_latest_revision_as_object().lead == "Valmis teksti."
    assert page.workflow_in_progress
    assert page.live is False


def test_a_late_autosave_after_the_submit_creates_no_second_page(editor, add_url):
    token = create_session(editor, add_url)
    submit = editor.post(
        add_url, form("kilpajuoksu", "Valmis teksti.", token, "action-submit"), **HOST
    )
    assert submit.status_code == 302
    late = editor.post(add_url, form("kilpajuoksu", "Valmis teksti.", token), **AUTOSAVE)
    assert late.status_code < 500
    page = NewsArticlePage.objects.get(slug="kilpajuoksu")
    assert page.workflow_in_progress
    assert page.get_latest_revision_as_object().lead == "Valmis teksti."


def test_double_clicked_save_draft_makes_one_page(editor, add_url):
    token = create_session(editor, add_url)
    for _ in range(2):
        response = editor.post(
            add_url, form("kilpajuoksu", "Luonnos.", token, "action-save"), **HOST
        )
        assert response.status_code == 302
    assert NewsArticlePage.objects.filter(slug="kilpajuoksu").count() == 1


def test_a_clash_with_another_page_is_a_slug_error_not_a_500(editor, add_url):
    token = create_session(editor, add_url)
    editor.post(add_url, form("kilpajuoksu", "Ensimmäinen.", token, "action-save"), **HOST)
    # A new create form (another token), or a forged one: the slug is taken by another page.
    for other in (create_session(editor, add_url), "not-a-token", None):
        response = editor.post(
            add_url, form("kilpajuoksu", "Toinen.", other, "action-submit"), **HOST
        )
        assert response.status_code == 200
        assert "slug" in response.context["form"].errors
        json = editor.post(add_url, form("kilpajuoksu", "Toinen.", other), **AUTOSAVE)
        assert json.status_code == 400 and json.json()["error_code"] == "validation_error"
    assert NewsArticlePage.objects.filter(slug="kilpajuoksu").count() == 1
    assert NewsArticlePage.objects.get(slug="kilpajuoksu").lead == "Ensimmäinen."


def test_the_create_address_still_needs_an_admin_login(client, add_url):
    response = client.post(add_url, form("kilpajuoksu", "Anonyymi.", None, "action-save"), **HOST)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert not NewsArticlePage.objects.filter(slug="kilpajuoksu").exists()
