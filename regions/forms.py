"""Admin forms that narrow what a regional editor may set to their own region."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm

from .scope import person_in_scope, region_scope, scoped_regions


class PersonForm(WagtailAdminModelForm):
    """A regional editor chooses only among their own regions (and at least one);
    the regions outside their scope that a person already serves are kept."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope = region_scope(self.for_user) if self.for_user is not None else None
        field = self.fields.get("regions")
        if self.scope is None or field is None:
            return
        field.queryset = scoped_regions(self.for_user)
        field.required = True
        field.error_messages["required"] = _("Valitse alue, jolla henkilö toimii.")
        field.help_text = _("Voit lisätä ja muokata vain oman alueesi henkilöitä.")
        if not self.instance.pk and not self.is_bound:
            self.initial["regions"] = list(self.scope)

    def clean_regions(self):
        chosen = self.cleaned_data["regions"]
        if self.scope is None or not self.instance.pk:
            return chosen
        kept = [region.pk for region in self.instance.regions.all() if region.pk not in self.scope]
        if not kept:
            return chosen
        model = chosen.model
        return model.objects.filter(pk__in=[*kept, *(region.pk for region in chosen)])


OUTSIDE_SCOPE_MESSAGE = _("Voit valita vain oman alueesi henkilöitä.")


def reject_people_outside_scope(form, user, fields):
    """Adds a form error to each of ``fields`` (person fields of ``form``) whose
    posted person is outside ``user``'s regions. A person left unchanged is kept:
    an editor may have linked them before. Nothing happens for unlimited users."""
    if user is None or region_scope(user) is None:
        return
    for name in fields:
        if name not in form.fields or name in form.errors:
            continue
        person = form.cleaned_data.get(name)
        if person is None:
            continue
        initial = form.initial.get(name)
        if person.pk == getattr(initial, "pk", initial):
            continue
        if not person_in_scope(user, person):
            form.add_error(name, OUTSIDE_SCOPE_MESSAGE)


class ScopedPeopleFormMixin:
    """For admin forms with person fields (``scoped_person_fields``): a regional
    editor may only link people of their own region, even with a crafted post."""

    scoped_person_fields = ()

    def clean(self):
        cleaned_data = super().clean()
        reject_people_outside_scope(self, self.for_user, self.scoped_person_fields)
        return cleaned_data


class RegionPageForm(WagtailAdminPageForm):
    """A region page's region is fixed for regional editors: they see it, only
    an editor or a publisher can change it. Their contacts are people of their
    own region: the chooser offers only those, and a posted person outside the
    region is a form error (a row left unchanged keeps its person)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("region")
        if field is not None and self.for_user is not None and region_scope(self.for_user):
            field.disabled = True
            field.help_text = _("Vain toimittaja tai julkaisija voi vaihtaa aluesivun alueen.")

    def clean(self):
        cleaned_data = super().clean()
        if self.for_user is None or region_scope(self.for_user) is None:
            return cleaned_data
        formset = self.formsets.get("contacts")
        for form in formset.forms if formset is not None else ():
            if form.errors:
                continue
            if formset.can_delete and formset._should_delete_form(form):
                continue
            reject_people_outside_scope(form, self.for_user, ("person",))
        return cleaned_data
