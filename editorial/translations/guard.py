"""Who may publish a translation, and never one that still holds Finnish text.

Every path that publishes a translated page in this project checks here:
the translation editor's "Julkaise", "Synkronoi käännökset" with "Julkaise
välittömästi", publish together, the approval workflow (``publishing``), the
admin's bulk publish (``hooks``) and the API's write endpoints (the action
classes below, registered through Wagtail's ``register_actions`` hook).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from wagtail.actions.edit_page import EditPageAction
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail_localize.models import Translation

from .state import untranslated_by_field


class UntranslatedText(ValidationError):
    """A translation still falls back to Finnish for some of its texts."""

    def __init__(self, page, untranslated):
        self.page = page
        self.untranslated = untranslated
        fields = ", ".join(f"{label} ({count})" for label, count in untranslated.items())
        super().__init__(
            _(
                "Käännöksessä %(title)s (%(language)s) on vielä %(count)d kääntämätöntä "
                "tekstiä: %(fields)s. Sitä ei julkaista ennen kuin ne on käännetty."
            )
            % {
                "title": page.get_admin_display_title(),
                "language": page.locale.get_display_name(),
                "count": sum(untranslated.values()),
                "fields": fields,
            }
        )


def synced_translation(page):
    """The enabled wagtail-localize translation whose target is ``page``, or None."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .exclude(source__locale_id=page.locale_id)
        .select_related("source", "target_locale")
        .first()
    )


def untranslated_texts(page):
    """{field: count} of untranslated texts of a synced translation ({} otherwise)."""
    translation = synced_translation(page)
    if translation is None:
        return {}
    return untranslated_by_field(translation.source, translation.target_locale)


def check_complete(page):
    untranslated = untranslated_texts(page)
    if untranslated:
        raise UntranslatedText(page, untranslated)


def check_can_publish(page, user):
    if not page.permissions_for_user(user).can_publish():
        raise PermissionDenied(
            _("Vain julkaisija voi julkaista sivun %(title)s.")
            % {"title": page.get_admin_display_title()}
        )


class GuardedPublishPageRevisionAction(PublishPageRevisionAction):
    """The API's "publish" action: also refuses a translation with untranslated text (422)."""

    def check(self, skip_permission_checks=False):
        super().check(skip_permission_checks=skip_permission_checks)
        check_complete(self.object)


class GuardedEditPageAction(EditPageAction):
    """The API's edit with ``"action": "publish"``: the same rule."""

    def check(self, skip_permission_checks=False):
        super().check(skip_permission_checks=skip_permission_checks)
        if self.publish:
            check_complete(self.instance)
