"""wagtail-localize's translation editor with our footer: submit for approval, publish if allowed.

The React editor builds its footer from its props; its last action becomes the
primary button, so a translator (who may delete the page they created) got
"Poista" as the primary action and had no way to submit a translation for
approval. Its template is extended (editorial/templates/wagtail_localize/admin/
edit_translation.html) to hide that footer and render ``footer_context`` instead.
The footer posts back to the edit URL; ``handle_translation_post`` answers those
posts through the ``before_edit_page`` hook, which runs before wagtail-localize's
own (editorial comes first in INSTALLED_APPS), so wagtail-localize's unguarded
"Publish in …" post is answered here too.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .guard import synced_translation
from .publishing import publish_translation, submit_translation

SUBMIT = "submit"
PUBLISH = "publish"


def _report_rebuild(request, rebuilt):
    if rebuilt.kept:
        messages.info(
            request,
            _("Käsin tehdyt muutokset säilytettiin: %(fields)s.")
            % {"fields": ", ".join(rebuilt.kept)},
        )
    if rebuilt.overwritten:
        messages.warning(
            request,
            _("Lähteen muutokset korvasivat käsin tehdyt muutokset: %(fields)s.")
            % {"fields": ", ".join(rebuilt.overwritten)},
        )


def handle_translation_post(request, page):
    """Answer the footer's "submit" and "publish" posts for a synced translation."""
    if request.method != "POST" or request.POST.get("action") not in (SUBMIT, PUBLISH):
        return None
    page = page.specific
    if synced_translation(page) is None:
        return None
    language = page.locale.get_display_name()
    try:
        if request.POST["action"] == SUBMIT:
            rebuilt = submit_translation(page, request.user)
            messages.success(
                request,
                _(
                    "Käännös (%(language)s) lähetettiin hyväksyttäväksi. "
                    "Julkaisijat saavat ilmoituksen."
                )
                % {"language": language},
            )
        else:
            rebuilt = publish_translation(page, request.user)
            messages.success(
                request, _("Käännös (%(language)s) julkaistiin.") % {"language": language}
            )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        _report_rebuild(request, rebuilt)
    return redirect(request.path)


def footer_context(request, translation, page):
    """What the footer of the translation editor offers this user."""
    page = page.specific
    perms = page.permissions_for_user(request.user)
    state = page.current_workflow_state
    source_page = translation.source.get_source_instance()
    return {
        "page": page,
        "language": translation.target_locale.get_display_name(),
        "can_publish": perms.can_publish(),
        "can_submit": perms.can_submit_for_moderation(),
        "in_moderation": state is not None and state.status == state.STATUS_IN_PROGRESS,
        "needs_changes": state is not None and state.status == state.STATUS_NEEDS_CHANGES,
        "delete_url": reverse("wagtailadmin_pages:delete", args=[page.pk])
        if perms.can_delete()
        else None,
        "stop_url": reverse("wagtail_localize:stop_translation", args=[translation.pk]),
        "preview_url": reverse("wagtail_localize:preview_translation", args=[translation.pk]),
        "publish_together_url": reverse("editorial_publish_together", args=[source_page.pk])
        if source_page.permissions_for_user(request.user).can_edit()
        else None,
        "next_url": request.path,
        "submit_action": SUBMIT,
        "publish_action": PUBLISH,
    }
