"""Publishing translations: one translation, a set with its Finnish page, and approval.

- ``publish_translation``: a publisher publishes one translation (translation
  editor, "Synkronoi käännökset" with "Julkaise välittömästi").
- ``submit_translation``: "Lähetä hyväksyttäväksi" from the translation editor;
  the approval workflow notifies the publishers.
- ``publish_together``: a publisher publishes (or schedules) the Finnish page and
  the chosen translations in one transaction: all or none.
- ``submit_together``: an editor's "publish together" becomes one submission of
  the Finnish page; its approval publishes the whole set (``finish_workflow``).

Translated drafts are always rebuilt from the current translations first
(``sync.rebuild_draft``), so what goes live is exactly what was translated.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, WorkflowState
from wagtail.workflows import publish_workflow_state

from .guard import UntranslatedText, check_can_publish, synced_translation
from .models import PublishTogether, PublishTogetherItem
from .sync import rebuild_draft, sync_source


def _rebuilt_complete(page, user, go_live_at=None):
    """Rebuild a synced translation's draft; refuse it if any text is untranslated."""
    translation = synced_translation(page)
    if translation is None:
        raise ValidationError(
            _("Sivu %(title)s ei ole synkronoitu käännös.")
            % {"title": page.get_admin_display_title()}
        )
    rebuilt = rebuild_draft(translation, user, go_live_at=go_live_at)
    if rebuilt.untranslated:
        raise UntranslatedText(rebuilt.page, rebuilt.untranslated)
    return rebuilt


def _approvable_task_state(page, user):
    """The page's task awaiting this user's approval, if any."""
    state = page.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_IN_PROGRESS:
        return None
    task_state = state.current_task_state
    actions = [name for name, *_rest in task_state.task.specific.get_actions(page, user)]
    return task_state if "approve" in actions else None


def publish_revision(page, revision, user):
    """Publish ``revision``; approve the page's pending task first when the user may."""
    task_state = _approvable_task_state(page, user)
    if task_state is not None:
        if task_state.revision_id != revision.pk:
            task_state.revision = revision
            task_state.save(update_fields=["revision"])
        task_state.task.specific.on_action(task_state, user, "approve")
        return
    revision.publish(user=user)


@transaction.atomic
def publish_translation(page, user):
    """A publisher publishes one translation, rebuilt from its current translations."""
    page = page.specific
    check_can_publish(page, user)
    rebuilt = _rebuilt_complete(page, user)
    publish_revision(rebuilt.page, rebuilt.revision, user)
    return rebuilt


@transaction.atomic
def submit_translation(page, user):
    """ "Lähetä hyväksyttäväksi": the translation goes to the approval workflow."""
    page = page.specific
    if not page.permissions_for_user(user).can_submit_for_moderation():
        raise PermissionDenied(_("Sinulla ei ole oikeutta lähettää tätä sivua hyväksyttäväksi."))
    rebuilt = _rebuilt_complete(page, user)
    _start_or_update_workflow(rebuilt.page, rebuilt.revision, user)
    return rebuilt


def _start_or_update_workflow(page, revision, user):
    state = page.current_workflow_state
    if state is None:
        return page.get_workflow().start(page, user)
    if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user=user)
    else:  # already awaiting approval: the reviewer now reviews this version
        task_state = state.current_task_state
        task_state.revision = revision
        task_state.save(update_fields=["revision"])
    return state


def translated_page(page, language):
    locale = Locale.objects.get(language_code=language)
    return (
        Page.objects.filter(
            translation_key=page.translation_key, locale=locale, alias_of__isnull=True
        )
        .specific()
        .get()
    )


def _with_go_live(page, user, go_live_at):
    """The Finnish page's latest revision, re-saved with ``go_live_at`` when scheduling."""
    revision = page.get_latest_revision()
    if go_live_at is None:
        return revision
    draft = revision.as_object()
    draft.go_live_at = go_live_at
    return draft.save_revision(user=user, log_action=True)


def _check_is_finnish(page):
    if page.locale.language_code != settings.LANGUAGE_CODE:
        raise ValidationError(_("Yhdessä julkaistaan suomenkielinen sivu ja sen käännökset."))


def _void_pending_sets(page):
    PublishTogether.objects.filter(source_page=page, status=PublishTogether.PENDING).update(
        status=PublishTogether.VOID
    )


@transaction.atomic
def publish_together(page, user, languages, go_live_at=None):
    """Publish the Finnish page and its translations in ``languages`` together.

    One transaction: if any translation cannot be published (untranslated text, a
    validation error, no permission), nothing is published. With ``go_live_at``
    every page is scheduled for that moment instead.
    """
    page = page.specific
    _check_is_finnish(page)
    check_can_publish(page, user)
    _void_pending_sets(page)
    sync_source(page)
    if go_live_at is not None or not page.live or page.has_unpublished_changes:
        publish_revision(page, _with_go_live(page, user, go_live_at), user)
    published = []
    for language in languages:
        translated = translated_page(page, language)
        check_can_publish(translated, user)
        rebuilt = _rebuilt_complete(translated, user, go_live_at)
        publish_revision(rebuilt.page, rebuilt.revision, user)
        published.append(rebuilt)
    return published


@transaction.atomic
def submit_together(page, user, languages, go_live_at=None):
    """An editor submits the Finnish page and its translations as one set for approval."""
    page = page.specific
    _check_is_finnish(page)
    if not page.permissions_for_user(user).can_submit_for_moderation():
        raise PermissionDenied(_("Sinulla ei ole oikeutta lähettää tätä sivua hyväksyttäväksi."))
    sync_source(page)
    source_revision = _with_go_live(page, user, go_live_at)
    items = [
        _rebuilt_complete(translated_page(page, language), user, go_live_at)
        for language in languages
    ]
    state = _start_or_update_workflow(page, source_revision, user)
    _void_pending_sets(page)
    batch = PublishTogether.objects.create(
        source_page=page,
        source_revision=source_revision,
        workflow_state=state,
        requested_by=user,
        go_live_at=go_live_at,
    )
    PublishTogetherItem.objects.bulk_create(
        PublishTogetherItem(batch=batch, page=item.page, revision=item.revision) for item in items
    )
    return batch


def _publish_set(batch, user):
    changed = batch.source_page.get_latest_revision().pk != batch.source_revision_id
    publish_workflow_state(batch.workflow_state, user)
    if changed:
        # Edited after submission: the translations were made for another text.
        batch.status = PublishTogether.VOID
    else:
        for item in batch.items.select_related("revision"):
            item.revision.publish(user=user)
        batch.status = PublishTogether.PUBLISHED
    batch.save(update_fields=["status"])


def finish_workflow(workflow_state, user=None):
    """What an approval publishes (``WAGTAIL_FINISH_WORKFLOW_ACTION``).

    - a submitted set: the Finnish page and its translations together;
    - a synced translation: the version submitted for approval, which was
      complete when submitted (a later sync may have added untranslated text to
      its newest draft);
    - anything else: Wagtail's default, the latest version.
    """
    batch = PublishTogether.objects.filter(
        workflow_state=workflow_state, status=PublishTogether.PENDING
    ).first()
    if batch is not None:
        return _publish_set(batch, user)
    obj = workflow_state.content_object
    if isinstance(obj, Page) and synced_translation(obj) is not None:
        return workflow_state.current_task_state.revision.publish(user=user)
    return publish_workflow_state(workflow_state, user)
