"""Translating and publishing translations, through the admin's own views.

- Issue 10, hole 10: only publishers publish a translation, by any path (sync with
  "Julkaise välittömästi", the translation editor, convert to alias, bulk publish,
  the API), and a translation holding untranslated Finnish text is never published
  as current: its status stays outdated.
- Issue 11: the translators' dashboard, read access to the Finnish tree, "Lähetä
  hyväksyttäväksi" from the translation editor, translation status with a
  field-level summary, re-syncing that keeps manual edits, and publishing a
  Finnish page together with its translations (all or none, or scheduled).

The pages are the demo's: its Swedish and English article translations are complete.
"""

import datetime
import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import APIToken, Locale, Page, WorkflowState
from wagtail_localize.models import StringSegment, Translation

from editorial.setup import PUBLISHERS, TRANSLATORS
from editorial.translations.models import PublishTogether
from editorial.translations.publishing import publish_together
from editorial.translations.state import CURRENT, MISSING, OUTDATED, translation_states
from editorial.translations.sync import resync

pytestmark = pytest.mark.django_db

HOST = {"HTTP_HOST": "127.0.0.1"}
ARTICLE = "jarjestot-ja-tulevaisuuden-sote-keskus"
UNTRANSLATED_ARTICLE = "miten-jarjestot-ovat-mukana-sote-uudistuksessa-hyvinvointialueilla"
NEW_LEAD = "Tämä uusi ingressi on vielä kääntämättä."


def user(username):
    return get_user_model().objects.get(username=username)


@pytest.fixture
def publisher_translator():
    """A publisher who also translates (both groups)."""
    person = get_user_model().objects.create_user(
        "julkaiseva-kaantaja", email="jk@example.org", is_staff=True
    )
    person.groups.add(Group.objects.get(name=PUBLISHERS), Group.objects.get(name=TRANSLATORS))
    return person


def finnish(slug=ARTICLE):
    return Page.objects.get(slug=slug, locale__language_code="fi").specific


def translated(page, language):
    return page.get_translation(Locale.objects.get(language_code=language)).specific


def state_of(page, language):
    with translation.override("fi"):
        return next(s for s in translation_states(page) if s.language == language)


def publish_finnish_edit(page, **changes):
    """A publisher edits the Finnish page and publishes the change."""
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision(user=user("julkaisija")).publish(user=user("julkaisija"))
    page.refresh_from_db()
    return page


def translate_string(client, page, language, source_text, text):
    """The translator saves one string in wagtail-localize's editor (its own endpoint)."""
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale__language_code=language
    )
    segment = StringSegment.objects.get(source=translation.source, string__data=source_text)
    url = reverse(
        "wagtail_localize:edit_string_translation",
        kwargs={"translation_id": translation.pk, "string_segment_id": segment.pk},
    )
    response = client.put(
        url,
        data=encode_multipart(BOUNDARY, {"value": text}),
        content_type=MULTIPART_CONTENT,
        **HOST,
    )
    assert response.status_code in (200, 201), response.content


def sync_url(page):
    translation = Translation.objects.filter(source__object_id=page.translation_key).first()
    return reverse("wagtail_localize:update_translations", args=[translation.source_id])


def new_lead_synced_by_translator(client):
    """A publisher publishes a new Finnish lead; the translator syncs (does not publish).

    Returns the Finnish page and its Swedish translation, whose newest draft now
    falls back to the untranslated Finnish lead."""
    source = publish_finnish_edit(finnish(), lead=NEW_LEAD)
    client.force_login(user("kaantaja"))
    client.post(sync_url(source), {}, **HOST)
    return source, translated(source, "sv")


def public_html(client, page):
    client.logout()
    response = client.get(page.url, **HOST)
    assert response.status_code == 200
    return response.content.decode()


def refused(response):
    """Wagtail's admin answers PermissionDenied with a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def messages_of(response):
    return [str(message) for message in response.context["messages"]] if response.context else []


# --- issue 10, hole 10: nobody but publishers publishes, never Finnish text ---------------


def test_translator_sync_with_publish_is_refused_and_report_stays_outdated(client):
    source = publish_finnish_edit(finnish(), lead=NEW_LEAD)
    swedish = translated(source, "sv")
    client.force_login(user("kaantaja"))
    page = client.get(sync_url(source), **HOST).content.decode()
    assert 'name="publish"' not in page and "Julkaise välittömästi" not in page

    # The exact steps: tick wagtail-localize's "Publish immediately" anyway.
    response = client.post(sync_url(source), {"publish_translations": "on"}, **HOST)
    assert refused(response)
    assert NEW_LEAD not in public_html(client, swedish)

    # Syncing without publishing is the translator's job: still nothing goes live,
    # and the report says why the translation is outdated.
    client.force_login(user("kaantaja"))
    assert client.post(sync_url(source), {}, **HOST).status_code == 302
    assert NEW_LEAD not in public_html(client, swedish)
    client.force_login(user("kaantaja"))
    report = client.get("/admin/reports/translation-status/", **HOST).content.decode()
    row = report.split(f'data-page="{source.pk}"')[1].split("</tr>")[0]
    cell = row.split('data-language="sv"')[1].split("</td>")[0]
    assert "translation-cell--outdated" in row and "Kääntämättä: Ingressi (1)" in cell
    assert state_of(source, "sv").status == OUTDATED


def test_publisher_sync_publishes_only_translations_without_finnish_text(
    client, publisher_translator
):
    source = publish_finnish_edit(finnish(), lead=NEW_LEAD)
    swedish = translated(source, "sv")
    client.force_login(publisher_translator)
    assert "Julkaise välittömästi" in client.get(sync_url(source), **HOST).content.decode()
    response = client.post(sync_url(source), {"publish": "on"}, follow=True, **HOST)
    assert any("kääntämätöntä" in message for message in messages_of(response))
    assert NEW_LEAD not in public_html(client, swedish)
    assert state_of(source, "sv").status == OUTDATED

    # Once the new lead is translated, the same action publishes it.
    client.force_login(publisher_translator)
    translate_string(client, source, "sv", NEW_LEAD, "Den nya ingressen.")
    translate_string(client, source, "en", NEW_LEAD, "The new lead.")
    client.post(sync_url(source), {"publish": "on"}, **HOST)
    assert "Den nya ingressen." in public_html(client, swedish)
    assert state_of(source, "sv").status == CURRENT


def test_translator_cannot_turn_a_translation_into_an_alias_of_the_finnish_page(client):
    swedish = translated(finnish(), "sv")
    client.force_login(user("kaantaja"))
    url = reverse("wagtail_localize:convert_to_alias", args=[swedish.pk])
    assert refused(client.post(url, **HOST))
    swedish.refresh_from_db()
    assert swedish.alias_of_id is None


def test_translator_cannot_publish_from_the_translation_editor(client):
    source = publish_finnish_edit(finnish(), title="Uusi otsikko, kääntämättä")
    swedish = translated(source, "sv")
    live_revision = swedish.live_revision_id
    client.force_login(user("kaantaja"))
    edit = reverse("wagtailadmin_pages:edit", args=[swedish.pk])
    assert refused(client.post(edit, {"action": "publish"}, **HOST))
    swedish.refresh_from_db()
    assert swedish.live_revision_id == live_revision


def test_publishing_from_the_translation_editor_refuses_untranslated_text(client):
    source, swedish = new_lead_synced_by_translator(client)
    client.force_login(user("julkaisija"))
    edit = reverse("wagtailadmin_pages:edit", args=[swedish.pk])
    response = client.post(edit, {"action": "publish"}, follow=True, **HOST)
    assert any("Ingressi (1)" in message for message in messages_of(response))
    assert NEW_LEAD not in public_html(client, swedish)

    # Translated: now the publisher's "Julkaise käännös" publishes it.
    client.force_login(user("kaantaja"))
    translate_string(client, source, "sv", NEW_LEAD, "Den nya ingressen är översatt.")
    client.force_login(user("julkaisija"))
    client.post(edit, {"action": "publish"}, **HOST)
    assert "Den nya ingressen är översatt." in public_html(client, swedish)
    assert state_of(source, "sv").status == CURRENT


def test_api_publish_of_a_translation_with_untranslated_text_is_a_422(client):
    source, swedish = new_lead_synced_by_translator(client)
    live_revision = swedish.live_revision_id

    _token, plaintext = APIToken.create_token(user=user("julkaisija"), name="testi")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {plaintext}", **HOST}
    response = client.post(f"/api/v3/pages/{swedish.pk}/actions/publish/", **auth)
    assert response.status_code == 422, response.content
    assert "Ingressi" in response.json()["detail"] + json.dumps(response.json())
    response = client.patch(
        f"/api/v3/pages/{swedish.pk}/",
        data=json.dumps({"meta": {"type": "news.NewsArticlePage", "action": "publish"}}),
        content_type="application/json",
        **auth,
    )
    assert response.status_code == 422, response.content
    swedish.refresh_from_db()
    assert swedish.live_revision_id == live_revision

    # The translator's own token cannot publish at all.
    _token, plaintext = APIToken.create_token(user=user("kaantaja"), name="testi")
    response = client.post(
        f"/api/v3/pages/{swedish.pk}/actions/publish/",
        HTTP_AUTHORIZATION=f"Bearer {plaintext}",
        **HOST,
    )
    assert response.status_code in (401, 403)


def test_bulk_publish_refuses_a_translation_with_untranslated_text(client):
    source, swedish = new_lead_synced_by_translator(client)
    client.force_login(user("julkaisija"))
    url = f"/admin/bulk/wagtailcore/page/publish/?id={swedish.pk}&next=/admin/"
    response = client.post(url, follow=True, **HOST)
    assert any("kääntämätöntä" in message for message in messages_of(response))
    assert NEW_LEAD not in public_html(client, swedish)


# --- the translator's path --------------------------------------------------------------


def test_dashboard_lists_pages_to_translate_and_one_click_creates_the_draft(client):
    page = finnish(UNTRANSLATED_ARTICLE)
    client.force_login(user("kaantaja"))
    dashboard = client.get("/admin/", **HOST).content.decode()
    row = dashboard.split(f'class="translation-to-do" data-page="{page.pk}"')[1].split("</tr>")[0]
    assert "Käännä ruotsiksi" in row and "Käännä englanniksi" in row

    sv = Locale.objects.get(language_code="sv")
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    response = client.post(url, {"locales": [sv.pk]}, **HOST)
    swedish = translated(page, "sv")
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[swedish.pk])
    assert swedish.live is False
    editor = client.get(response["Location"], **HOST).content.decode()
    assert "js-translation-editor" in editor


def test_translator_sees_the_finnish_tree_but_cannot_edit_it(client):
    home = Page.objects.get(depth=2, locale__language_code="fi")
    article = finnish()
    client.force_login(user("kaantaja"))
    listing = client.get(reverse("wagtailadmin_explore", args=[home.pk]), **HOST)
    assert listing.status_code == 200
    assert "Uutiset" in listing.content.decode()
    search = client.get(
        reverse("wagtailadmin_pages:search"), {"q": "tulevaisuuden sote-keskus"}, **HOST
    ).content.decode()
    assert article.title in search
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]), **HOST)
    assert edit.status_code in (302, 403)
    assert article.permissions_for_user(user("kaantaja")).can_edit() is False


def test_translation_editor_offers_submit_first_and_no_delete_as_primary(client):
    swedish = translated(finnish(), "sv")
    client.force_login(user("kaantaja"))
    html = client.get(
        reverse("wagtailadmin_pages:edit", args=[swedish.pk]), **HOST
    ).content.decode()
    footer = html.split('class="footer w-grid md:w-grid-flow-col translation-footer"')[1]
    primary = footer.split('class="w-dropdown__toggle')[0]
    assert "Lähetä hyväksyttäväksi" in primary
    assert "Poista" not in primary


def test_submitting_a_translation_notifies_the_publishers_and_approval_publishes_it(client):
    source, swedish = new_lead_synced_by_translator(client)
    edit = reverse("wagtailadmin_pages:edit", args=[swedish.pk])

    # Untranslated text: not submitted, and the translator is told which.
    response = client.post(edit, {"action": "submit"}, follow=True, **HOST)
    assert any("Ingressi (1)" in message for message in messages_of(response))
    assert not swedish.workflow_in_progress

    translate_string(client, source, "sv", NEW_LEAD, "Den nya ingressen.")
    mail.outbox.clear()
    response = client.post(edit, {"action": "submit"}, follow=True, **HOST)
    assert any("hyväksyttäväksi" in message for message in messages_of(response))
    swedish.refresh_from_db()
    assert swedish.workflow_in_progress
    assert any("julkaisija@example.org" in message.to for message in mail.outbox)

    # Meanwhile the Finnish page changes again and is synced: the newest Swedish
    # draft falls back to Finnish, but the approval publishes what was submitted.
    publish_finnish_edit(source, lead="Vielä uudempi ingressi.")
    client.post(sync_url(source), {}, **HOST)
    client.force_login(user("julkaisija"))
    task_state = swedish.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[swedish.pk, "approve", task_state.pk])
    client.post(url, {"comment": ""}, **HOST)
    html = public_html(client, swedish)
    assert "Den nya ingressen." in html and "Vielä uudempi ingressi." not in html
    assert state_of(source, "sv").status == OUTDATED


# --- status and re-sync -----------------------------------------------------------------


def test_outdated_status_names_the_changed_fields_and_clears_after_sync(
    client, publisher_translator
):
    source = finnish()
    assert [s.status for s in translation_states(source)] == [CURRENT, CURRENT]
    assert state_of(finnish(UNTRANSLATED_ARTICLE), "sv").status == MISSING

    source = publish_finnish_edit(source, date=datetime.date(2026, 2, 1))
    state = state_of(source, "sv")
    assert state.status == OUTDATED
    with translation.override("fi"):
        assert state.reasons == ["Muuttunut suomenkielisellä sivulla: Julkaisupäivä"]

    client.force_login(publisher_translator)
    client.post(sync_url(source), {"publish": "on"}, **HOST)
    assert [s.status for s in translation_states(source)] == [CURRENT, CURRENT]


def test_resync_keeps_manual_edits_where_the_source_did_not_change(client):
    source = finnish()
    swedish = translated(source, "sv")
    # A Swedish editor stops the sync, edits the title and the lead by hand, and
    # restarts it (wagtail-localize issue 876).
    client.force_login(user("kaantaja"))
    translation = Translation.objects.get(
        source__object_id=source.translation_key, target_locale=swedish.locale
    )
    client.post(reverse("wagtail_localize:stop_translation", args=[translation.pk]), **HOST)
    draft = swedish.get_latest_revision_as_object()
    draft.title = "Handredigerad rubrik"
    draft.lead = "Handredigerad ingress."
    draft.save_revision(user=user("kaantaja"))
    client.post(
        reverse("wagtailadmin_pages:edit", args=[swedish.pk]),
        {"localize-restart-translation": "1"},
        **HOST,
    )

    source = publish_finnish_edit(source, title="Uusi suomenkielinen otsikko")
    result = resync(source, user("kaantaja"))
    rebuilt = next(r for r in result.rebuilt if r.language == "sv")
    assert result.changed == ["Otsikko"]
    assert rebuilt.kept == ["Ingressi"]
    assert rebuilt.overwritten == ["Otsikko"]
    latest = translated(source, "sv").get_latest_revision_as_object()
    assert latest.lead == "Handredigerad ingress."
    assert latest.title == "Uusi suomenkielinen otsikko"  # untranslated: Finnish, in the draft

    # The sync view says the same to the person who syncs.
    publish_finnish_edit(source, title="Vielä uudempi otsikko")
    client.force_login(user("kaantaja"))
    response = client.post(sync_url(source), {}, follow=True, **HOST)
    text = " ".join(messages_of(response))
    assert "käsin tehdyt muutokset säilytettiin: Ingressi" in text


# --- publish together -----------------------------------------------------------------------


def _finnish_draft(page, **changes):
    draft = page.get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(draft, name, value)
    draft.save_revision(user=user("toimittaja"))
    return page


def _translate_draft(client, page, source_text, texts):
    """Sync the Finnish draft and translate its new text into each language."""
    client.force_login(user("kaantaja"))
    client.post(sync_url(page), {}, **HOST)
    for language, text in texts.items():
        translate_string(client, page, language, source_text, text)


def test_publish_together_publishes_the_finnish_page_and_translations_at_once(client):
    page = _finnish_draft(finnish(), lead=NEW_LEAD)
    _translate_draft(client, page, NEW_LEAD, {"sv": "Ny ingress.", "en": "New lead."})
    client.force_login(user("julkaisija"))
    url = reverse("editorial_publish_together", args=[page.pk])
    form = client.get(url, **HOST).content.decode()
    assert form.count('name="languages"') == 2 and "checked" in form
    response = client.post(url, {"languages": ["sv", "en"]}, **HOST)
    assert response.status_code == 302
    assert NEW_LEAD in public_html(client, finnish())
    assert "Ny ingress." in public_html(client, translated(page, "sv"))
    assert "New lead." in public_html(client, translated(page, "en"))
    assert [s.status for s in translation_states(finnish())] == [CURRENT, CURRENT]


def test_publish_together_is_all_or_none(client):
    page = _finnish_draft(finnish(), lead=NEW_LEAD)
    _translate_draft(client, page, NEW_LEAD, {"sv": "Ny ingress."})  # English left undone
    fi_live, sv_live = page.live_revision_id, translated(page, "sv").live_revision_id

    with pytest.raises(Exception, match="Ingressi"):
        publish_together(page, user("julkaisija"), ["sv", "en"])
    page.refresh_from_db()
    assert page.live_revision_id == fi_live and page.has_unpublished_changes
    assert translated(page, "sv").live_revision_id == sv_live

    # The same through the view: a form error, and still nothing published.
    client.force_login(user("julkaisija"))
    url = reverse("editorial_publish_together", args=[page.pk])
    response = client.post(url, {"languages": ["sv", "en"]}, **HOST)
    assert response.status_code == 200
    assert "Mitään ei julkaistu." in response.content.decode()
    assert NEW_LEAD not in public_html(client, finnish())
    assert "Ny ingress." not in public_html(client, translated(page, "sv"))


def test_publish_together_schedules_the_whole_set_for_one_time(client):
    page = _finnish_draft(finnish(), lead=NEW_LEAD)
    _translate_draft(client, page, NEW_LEAD, {"sv": "Ny ingress.", "en": "New lead."})
    when = timezone.localtime() + datetime.timedelta(days=1)
    client.force_login(user("julkaisija"))
    url = reverse("editorial_publish_together", args=[page.pk])
    response = client.post(
        url,
        {"languages": ["sv", "en"], "go_live_at": when.strftime("%Y-%m-%d %H:%M")},
        **HOST,
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    pages = [finnish(), translated(page, "sv"), translated(page, "en")]
    scheduled = [p.scheduled_revision for p in pages]
    assert all(revision is not None for revision in scheduled)
    assert {
        revision.approved_go_live_at.replace(second=0, microsecond=0) for revision in scheduled
    } == {when.replace(second=0, microsecond=0)}
    assert NEW_LEAD not in public_html(client, finnish())

    # The moment comes: publish_scheduled puts all three live in the same run.
    past = timezone.now() - datetime.timedelta(minutes=1)
    for revision in scheduled:
        revision.approved_go_live_at = past
        revision.content["go_live_at"] = past.isoformat()
        revision.save(update_fields=["approved_go_live_at", "content"])
    call_command("publish_scheduled")
    assert NEW_LEAD in public_html(client, finnish())
    assert "Ny ingress." in public_html(client, translated(page, "sv"))
    assert "New lead." in public_html(client, translated(page, "en"))


def test_editors_publish_together_is_one_submission_that_one_approval_publishes(client):
    page = _finnish_draft(finnish(), lead=NEW_LEAD)
    _translate_draft(client, page, NEW_LEAD, {"sv": "Ny ingress."})
    client.force_login(user("toimittaja"))
    url = reverse("editorial_publish_together", args=[page.pk])
    assert "Lähetä hyväksyttäväksi yhdessä" in client.get(url, **HOST).content.decode()
    assert client.post(url, {"languages": ["sv"]}, **HOST).status_code == 302

    page.refresh_from_db()
    swedish = translated(page, "sv")
    assert page.workflow_in_progress and not swedish.workflow_in_progress
    assert WorkflowState.objects.filter(requested_by=user("toimittaja")).count() == 1
    assert NEW_LEAD not in public_html(client, finnish())

    client.force_login(user("julkaisija"))
    task_state = page.current_workflow_task_state
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]
    )
    client.post(approve, {"comment": ""}, **HOST)
    assert NEW_LEAD in public_html(client, finnish())
    assert "Ny ingress." in public_html(client, translated(page, "sv"))
    assert PublishTogether.objects.get(source_page=page).status == PublishTogether.PUBLISHED
