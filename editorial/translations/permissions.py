"""Read access to a page tree: Wagtail's ``view_page`` permission, honoured by the explorer.

Wagtail lets a user explore and search only the pages they may add, edit,
publish or lock. Translators work in /sv/ and /en/ but must find the Finnish
page they translate, without being able to edit it. ``setup_editorial`` gives
the translators' group Django's ``view_page`` permission on the Finnish home
page; this policy adds the pages under such a grant to what the explorer, the
admin's page search and the page chooser list. Editing stays governed by the
other permissions, so those pages open read-only (their edit view refuses).
"""

from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

VIEW_CODENAME = "view_page"


class ViewablePagePermissionPolicy(PagePermissionPolicy):
    def viewable_roots(self, user):
        if not user.is_active or user.is_superuser:
            return []
        return [
            permission.page
            for permission in self.get_cached_permissions_for_user(user)
            if permission.permission.codename == VIEW_CODENAME
        ]

    def explorable_instances(self, user):
        pages = super().explorable_instances(user)
        for root in self.viewable_roots(user):
            pages |= Page.objects.descendant_of(root, inclusive=True)
        return pages
