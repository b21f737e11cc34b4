"""Admin views: translation status report, sync, publish together, one-click translate."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.admin.widgets import AdminDateTimeInput
from wagtail.models import Page
from wagtail_localize.models import TranslationSource
from wagtail_localize.views.convert import convert_to_alias
from wagtail_localize.views.update_translations import UpdateTranslationsView

from editorial.setup import TRANSLATE_PERMISSION
from kumppanuus.formatting import format_datetime

from .guard import UntranslatedText, check_can_publish
from .publishing import publish_revision, publish_together, submit_together
from .state import (
    MISSING,
    finnish_pages_with_translations,
    states_for_pages,
    target_locales,
    translate_label,
    translation_states,
)
from .sync import rebuild_draft, resync
from .todo import pages_to_translate


def _finnish_page(page_id):
    page = get_object_or_404(Page, pk=page_id, locale__language_code=settings.LANGUAGE_CODE)
    return page.specific


class AdminPageMixin:
    """Header context for wagtailadmin/generic/base.html."""

    header_icon = "wagtail-localize-language"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_title"] = context["header_title"] = self.get_title()
        context["header_icon"] = self.header_icon
        return context


class TranslationStatusView(AdminPageMixin, TemplateView):
    """Every translation of every translated Finnish page: current, outdated (why) or missing."""

    template_name = "editorial/translations/status_report.html"

    def get_title(self):
        return _("Käännösten tila")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        locales = target_locales()
        context["locales"] = locales
        pages = list(finnish_pages_with_translations())
        states = states_for_pages(pages)
        context["rows"] = [
            {
                "page": page,
                "states": states[page.pk],
                "source": next(
                    (s.translation.source_id for s in states[page.pk] if s.synced), None
                ),
                "can_edit": page.permissions_for_user(user).can_edit(),
            }
            for page in pages
        ]
        to_translate = pages_to_translate(limit=100)
        context["can_translate"] = user.has_perm(TRANSLATE_PERMISSION)
        context["untranslated"] = [
            {
                "locale": locale,
                "label": translate_label(locale),
                "pages": [item.page for item in to_translate if locale in item.locales],
            }
            for locale in locales
        ]
        return context


class SyncForm(forms.Form):
    publish = forms.BooleanField(
        label=gettext_lazy("Julkaise välittömästi"),
        required=False,
        help_text=gettext_lazy(
            "Julkaisee päivitetyt käännökset, joissa ei ole kääntämätöntä tekstiä. Käännökset, "
            "joissa lähteen muutokset odottavat kääntämistä, jäävät luonnoksiksi."
        ),
    )

    def __init__(self, *args, can_publish=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_publish:
            del self.fields["publish"]


class SyncView(AdminPageMixin, TemplateView):
    """ "Synkronoi käännökset" in place of wagtail-localize's view (same URL).

    Differences: the source is the Finnish page's latest version; translated
    drafts are rebuilt as revisions, keeping manual edits the source did not
    touch and naming those it overwrote; only a user who may publish every
    translation sees "Julkaise välittömästi", and it never publishes a
    translation that still holds untranslated text.
    """

    template_name = "editorial/translations/sync.html"

    def get_title(self):
        return _("Synkronoi käännökset")

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(TRANSLATE_PERMISSION):
            raise PermissionDenied
        self.source = get_object_or_404(TranslationSource, pk=kwargs["translation_source_id"])
        if not issubclass(self.source.specific_content_type.model_class(), Page):
            # Snippets keep wagtail-localize's own view.
            return UpdateTranslationsView.as_view()(request, *args, **kwargs)
        self.page = get_object_or_404(
            Page, translation_key=self.source.object_id, locale_id=self.source.locale_id
        ).specific
        self.states = [state for state in translation_states(self.page) if state.synced]
        return super().dispatch(request, *args, **kwargs)

    def can_publish(self):
        return all(
            state.page.permissions_for_user(self.request.user).can_publish()
            for state in self.states
        )

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            page=self.page,
            states=self.states,
            last_synced=self.source.last_updated_at,
            form=form or SyncForm(can_publish=self.can_publish()),
            next_url=get_valid_next_url_from_request(self.request),
        )
        return context

    def post(self, request, *args, **kwargs):
        # "publish_translations" is wagtail-localize's name for the same request.
        wants_publish = request.POST.get("publish") or request.POST.get("publish_translations")
        if wants_publish and not self.can_publish():
            raise PermissionDenied(_("Vain julkaisija voi julkaista käännöksiä."))
        form = SyncForm(request.POST, can_publish=self.can_publish())
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        result = resync(self.page, request.user)
        self._report(result)
        if form.cleaned_data.get("publish"):
            self._publish(result)
        next_url = get_valid_next_url_from_request(request)
        return redirect(
            next_url or reverse("wagtailadmin_explore", args=[self.page.get_parent().pk])
        )

    def _report(self, result):
        if not result.changed:
            messages.info(
                self.request,
                _("Suomenkielinen sivu ei ole muuttunut edellisen synkronoinnin jälkeen."),
            )
            return
        messages.success(
            self.request,
            _("Käännökset synkronoitiin. Muuttuneet kentät: %(fields)s.")
            % {"fields": ", ".join(dict.fromkeys(result.changed))},
        )
        for rebuilt in result.rebuilt:
            language = rebuilt.translation.target_locale.get_display_name()
            if rebuilt.kept:
                messages.info(
                    self.request,
                    _("%(language)s: käsin tehdyt muutokset säilytettiin: %(fields)s.")
                    % {"language": language, "fields": ", ".join(rebuilt.kept)},
                )
            if rebuilt.overwritten:
                messages.warning(
                    self.request,
                    _(
                        "%(language)s: lähteen muutokset korvasivat käsin tehdyt muutokset: "
                        "%(fields)s."
                    )
                    % {"language": language, "fields": ", ".join(rebuilt.overwritten)},
                )

    def _publish(self, result):
        """Publish each translation that holds no untranslated text; leave the rest as drafts."""
        user = self.request.user
        rebuilt_by_page = {rebuilt.page.pk: rebuilt for rebuilt in result.rebuilt}
        for state in self.states:
            rebuilt = rebuilt_by_page.get(state.page.pk) or rebuild_draft(state.translation, user)
            if rebuilt.untranslated:
                error = UntranslatedText(rebuilt.page, rebuilt.untranslated)
                messages.warning(self.request, error.messages[0])
                continue
            check_can_publish(rebuilt.page, user)
            publish_revision(rebuilt.page, rebuilt.revision, user)
            messages.success(
                self.request,
                _("%(language)s: julkaistu.") % {"language": state.locale.get_display_name()},
            )


class PublishTogetherForm(forms.Form):
    languages = forms.MultipleChoiceField(
        label=gettext_lazy("Julkaistavat käännökset"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    go_live_at = forms.DateTimeField(
        label=gettext_lazy("Julkaisuaika"),
        required=False,
        widget=AdminDateTimeInput,
        help_text=gettext_lazy(
            "Tyhjä: julkaistaan heti. Muuten kaikki julkaistaan yhdessä tähän aikaan "
            "(Suomen aikaa)."
        ),
    )

    def __init__(self, *args, states=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["languages"].choices = [
            (state.language, state.locale.get_display_name())
            for state in states
            if state.status != MISSING and state.synced
        ]
        self.fields["languages"].initial = [state.language for state in states if state.ready]

    def clean_go_live_at(self):
        go_live_at = self.cleaned_data["go_live_at"]
        if go_live_at is not None and go_live_at <= timezone.now():
            raise ValidationError(_("Julkaisuajan pitää olla tulevaisuudessa."))
        return go_live_at


class PublishTogetherView(AdminPageMixin, TemplateView):
    """Publish a Finnish page and chosen translations in one action (publishers), or
    submit them for approval as one set (editors)."""

    template_name = "editorial/translations/publish_together.html"

    def get_title(self):
        return _("Julkaise yhdessä käännösten kanssa")

    def dispatch(self, request, *args, **kwargs):
        self.page = _finnish_page(kwargs["page_id"])
        perms = self.page.permissions_for_user(request.user)
        if not perms.can_edit():
            raise PermissionDenied
        self.can_publish = perms.can_publish()
        self.states = translation_states(self.page)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            page=self.page,
            states=self.states,
            can_publish=self.can_publish,
            in_moderation=self.page.workflow_in_progress,
            form=form or PublishTogetherForm(states=self.states),
            next_url=get_valid_next_url_from_request(self.request),
        )
        return context

    def post(self, request, *args, **kwargs):
        form = PublishTogetherForm(request.POST, states=self.states)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        languages = form.cleaned_data["languages"]
        go_live_at = form.cleaned_data["go_live_at"]
        action = publish_together if self.can_publish else submit_together
        try:
            action(self.page, request.user, languages, go_live_at=go_live_at)
        except ValidationError as error:
            form.add_error(None, _("Mitään ei julkaistu.") + " " + " ".join(error.messages))
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(request, self._success_message(languages, go_live_at))
        next_url = get_valid_next_url_from_request(request)
        return redirect(
            next_url or reverse("wagtailadmin_explore", args=[self.page.get_parent().pk])
        )

    def _success_message(self, languages, go_live_at):
        names = ", ".join(
            str(state.locale.get_display_name())
            for state in self.states
            if state.language in languages
        )
        values = {"title": self.page.get_admin_display_title(), "languages": names or "–"}
        if not self.can_publish:
            return (
                _(
                    "Sivu %(title)s ja käännökset (%(languages)s) lähetettiin "
                    "hyväksyttäväksi yhdessä."
                )
                % values
            )
        if go_live_at is not None:
            values["time"] = format_datetime(go_live_at)
            return (
                _("Sivu %(title)s ja käännökset (%(languages)s) julkaistaan yhdessä %(time)s.")
                % values
            )
        return _("Sivu %(title)s ja käännökset (%(languages)s) julkaistiin yhdessä.") % values


class TranslateView(View):
    """One click from the dashboard: sync the source if it changed, then open the editor."""

    def post(self, request, page_id, language):
        if not request.user.has_perm(TRANSLATE_PERMISSION):
            raise PermissionDenied
        page = _finnish_page(page_id)
        state = next((s for s in translation_states(page) if s.language == language), None)
        if state is None or state.page is None:
            raise Http404
        if state.source_changes:
            resync(page, request.user)
        return redirect("wagtailadmin_pages:edit", state.page.pk)


def convert_to_alias_for_publishers(request, page_id):
    """wagtail-localize's "Convert to alias page" makes the Finnish page live under
    /sv/ or /en/ at once: only for users who may publish that page."""
    page = get_object_or_404(Page, pk=page_id)
    check_can_publish(page.specific, request.user)
    return convert_to_alias(request, page_id)
