"""Admin-side title autocomplete: /admin/search-titles/?q=… (JSON).

Editors look for pages in every state, so this one includes drafts; it is only
reachable by users with admin access (Wagtail wraps hook URLs with that check),
and lists only the pages the user may edit or see in the page explorer
(Wagtail's page permission policy): a regional editor finds their own region's
pages, a translator the Swedish and English trees, never another region's drafts.
"""

from django.http import JsonResponse
from django.urls import path, reverse
from wagtail import hooks
from wagtail.permission_policies.pages import PagePermissionPolicy

from .analysis.text import normalize
from .views import AUTOCOMPLETE_MIN_CHARS, clean_query

ADMIN_LIMIT = 10


def admin_title_autocomplete(request):
    key = normalize(clean_query(request.GET.get("q")))[:100].strip()
    if len(key) < AUTOCOMPLETE_MIN_CHARS:
        return JsonResponse({"results": []})
    pages = (
        PagePermissionPolicy()
        .explorable_instances(request.user)
        .filter(depth__gt=1, title__icontains=key)
        .select_related("locale")
        .order_by("-latest_revision_created_at")[:ADMIN_LIMIT]
    )
    return JsonResponse(
        {
            "results": [
                {
                    "id": page.pk,
                    "title": page.title,
                    "language": page.locale.language_code,
                    "live": page.live,
                    "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
                }
                for page in pages
            ]
        }
    )


@hooks.register("register_admin_urls")
def register_search_admin_urls():
    return [path("search-titles/", admin_title_autocomplete, name="search_admin_titles")]
