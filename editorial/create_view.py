"""The page create view, safe against Wagtail 8's autosave racing the editor's submit.

Wagtail 8 autosaves the create form (WAGTAIL_AUTOSAVE_INTERVAL) with a JSON POST to the
create URL and only switches the form to the edit URL when that answer arrives. An editor who
clicks "Lähetä hyväksyttäväksi" (or double-clicks "Tallenna luonnos") while the autosave is in
flight sends a second POST to the create URL for the same new page: Wagtail answered with a
500 (both passed validation, the loser's add_child raised "slug already in use") or with a
slug error on the form, and the editor's action was lost.

Here every create form carries a create-session token (a hidden field). POSTs to the create
URL are serialised per parent page (a PostgreSQL transaction advisory lock), and a POST whose
token already created a page is handed to the edit view of that page, so the second request
edits (saves, submits, publishes) the page the first one created. A clash with a different
page stays what it should be: an error on the slug field, never a 500.
"""

import uuid
import zlib

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.urls import display_custom_404
from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.views.pages.edit import EditView
from wagtail.models import Page
from wagtail.utils.urlpatterns import decorate_urlpatterns

SESSION_FIELD = "editorial_create_session"
SESSION_SECONDS = 24 * 60 * 60


def _token_key(user, token):
    return f"editorial:create-session:{user.pk}:{token}"


def _valid_token(value):
    try:
        return uuid.UUID(value).hex
    except (TypeError, ValueError, AttributeError):
        return None


class EditorialCreateView(CreateView):
    template_name = "editorial/pages/create.html"

    def dispatch(self, request, content_type_app_name, content_type_model_name, parent_page_id):
        if request.method != "POST":
            return super().dispatch(
                request, content_type_app_name, content_type_model_name, parent_page_id
            )
        token = _valid_token(request.POST.get(SESSION_FIELD))
        with transaction.atomic():
            if connection.vendor == "postgresql":
                # Serialise creates under one parent: the slug check then sees the page
                # a concurrent request just created, instead of both passing it. (SQLite,
                # the embedded default, has one writer at a time and no advisory locks.)
                key = zlib.crc32(f"editorial-create:{parent_page_id}".encode())
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])
            if token and request.user.is_authenticated:
                page_id = cache.get(_token_key(request.user, token))
                if page_id and Page.objects.filter(pk=page_id, owner=request.user).exists():
                    return EditView.as_view()(request, page_id=page_id)
            response = super().dispatch(
                request, content_type_app_name, content_type_model_name, parent_page_id
            )
            page = getattr(self, "page", None)
            if token and page is not None and page.pk:
                # Set inside the transaction: a request waiting for the lock reads it only
                # after this commits; after a rollback the page check above fails.
                cache.set(_token_key(request.user, token), page.pk, SESSION_SECONDS)
            return response

    def form_valid(self, form):
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except ValidationError as error:
            # A page saved by other means (copy, move) since the form was checked.
            if hasattr(error, "error_dict"):
                for field, errors in error.error_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, error)
            return self.form_invalid(form)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        token = (
            _valid_token(self.request.POST.get(SESSION_FIELD))
            if self.request.method == "POST"
            else None
        )
        context["editorial_create_session"] = token or uuid.uuid4().hex
        return context


# Included by config/urls.py under "admin/" before Wagtail's admin URLs, so it answers the
# "wagtailadmin_pages:add" address; decorated like Wagtail decorates its own admin views.
urlpatterns = decorate_urlpatterns(
    [
        path(
            "pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/"
            "<int:parent_page_id>/",
            EditorialCreateView.as_view(),
            name="editorial_page_add",
        )
    ],
    require_admin_access,
)
urlpatterns = decorate_urlpatterns(urlpatterns, display_custom_404)
urlpatterns = decorate_urlpatterns(urlpatterns, never_cache)
