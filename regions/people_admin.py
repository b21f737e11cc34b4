"""The admin of people (Snippets → Henkilöt), scoped for regional editors.

A regional editor may add people and change those who serve their region
(``regions.scope``): the listing, the person chooser (its list, search and the
answer for a chosen id) and every view of one
person (edit, copy, history, revisions, workflow, lock, delete; also the
bulk delete, through the permission policy) are narrowed to them, and the
person form offers only their own region. Editors and publishers are not limited.
"""

from django.core.exceptions import PermissionDenied
from wagtail.admin.panels import ObjectList
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views import chooser as snippet_chooser
from wagtail.snippets.views import snippets as snippet_views

from .forms import PersonForm
from .models import Person
from .scope import person_in_scope, scoped_people


class PersonPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed per person to the user's regions."""

    def user_has_permission_for_instance(self, user, action, instance):
        return super().user_has_permission_for_instance(user, action, instance) and person_in_scope(
            user, instance
        )

    def instances_user_has_any_permission_for(self, user, actions):
        return scoped_people(user, super().instances_user_has_any_permission_for(user, actions))


class InScopeMixin:
    """Refuses a person outside the user's regions (403)."""

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        if not person_in_scope(self.request.user, instance):
            raise PermissionDenied
        return instance


def _scoped(view_class):
    return type(view_class.__name__, (InScopeMixin, view_class), {})


class ScopedChooseMixin:
    def get_object_list(self):
        return scoped_people(self.request.user, super().get_object_list())


class PersonChooseView(ScopedChooseMixin, snippet_chooser.ChooseView):
    pass


class PersonChooseResultsView(ScopedChooseMixin, snippet_chooser.ChooseResultsView):
    pass


class PersonChosenView(snippet_chooser.SnippetChosenView):
    """The chooser's answer for one id (its name and edit link): a person outside the
    user's regions is not found (404), as in the list the chooser offers. Otherwise
    any id typed into the address would name anyone, drafts included."""

    def get_object(self, pk):
        return scoped_people(self.request.user, Person.objects.all()).get(pk=pk)


class PersonChosenMultipleView(snippet_chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return scoped_people(self.request.user, super().get_objects(pks))


class PersonChooserViewSet(snippet_chooser.SnippetChooserViewSet):
    choose_view_class = PersonChooseView
    choose_results_view_class = PersonChooseResultsView
    chosen_view_class = PersonChosenView
    chosen_multiple_view_class = PersonChosenMultipleView


class PersonViewSet(snippet_views.SnippetViewSet):
    model = Person
    chooser_viewset_class = PersonChooserViewSet
    edit_handler = ObjectList(Person.panels, base_form_class=PersonForm)

    edit_view_class = _scoped(snippet_views.EditView)
    delete_view_class = _scoped(snippet_views.DeleteView)
    history_view_class = _scoped(snippet_views.HistoryView)
    usage_view_class = _scoped(snippet_views.UsageView)
    inspect_view_class = _scoped(snippet_views.InspectView)
    unpublish_view_class = _scoped(snippet_views.UnpublishView)
    lock_view_class = _scoped(snippet_views.LockView)
    unlock_view_class = _scoped(snippet_views.UnlockView)
    workflow_action_view_class = _scoped(snippet_views.WorkflowActionView)
    collect_workflow_action_data_view_class = _scoped(snippet_views.CollectWorkflowActionDataView)
    preview_on_edit_view_class = _scoped(snippet_views.PreviewOnEditView)
    copy_view_class = _scoped(snippet_views.CopyView)
    revisions_view_class = _scoped(snippet_views.PreviewRevisionView)
    revisions_compare_view_class = _scoped(snippet_views.RevisionsCompareView)
    revisions_unschedule_view_class = _scoped(snippet_views.RevisionsUnscheduleView)
    confirm_workflow_cancellation_view_class = _scoped(
        snippet_views.ConfirmWorkflowCancellationView
    )
    workflow_preview_view_class = _scoped(snippet_views.WorkflowPreviewView)
    workflow_history_view_class = _scoped(snippet_views.WorkflowHistoryView)
    workflow_history_detail_view_class = _scoped(snippet_views.WorkflowHistoryDetailView)

    def get_queryset(self, request):
        return scoped_people(request.user, Person.objects.all())


register_permission_policy(Person, PersonPermissionPolicy(Person))
