"""The editorial setup: locales, groups, page permissions and the approval workflow.

Communications staff write in Finnish, translators translate, and nothing goes
live before a publisher has approved it. Everything here is idempotent, so
``manage.py setup_editorial`` (also run by ``load_demo``) can be run after every
deployment and after new region pages or translations have been created:

- "Toimittajat" (editors): add and edit pages everywhere, submit for approval.
- "Julkaisijat" (publishers): also approve, publish, unpublish and delete.
- "Kääntäjät" (translators): create and edit translations under /sv/ and /en/,
  see (not edit) the Finnish tree, submit translations for approval; no publishing.
- "Aluetoimittajat – <alue>" (regional editors): add and edit under their own
  region's page only, add and change the people of their own region (drafts,
  submitted for approval like pages), submit for approval.

The workflow "Julkaisun hyväksyntä" covers the whole site (the root page), with
one task that the publishers' group approves. Publishing is a permission only
publishers hold, so no path (admin button, crafted POST, API token) lets an
editor publish directly.

The same workflow covers the people (``regions.Person``) whose names, phone
numbers and e-mail addresses public pages show: editors save a person as a
draft and submit it for approval; only publishers (``publish_person``) make a
change public.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

from regions.models import Person, RegionPage

EDITORS = "Toimittajat"
PUBLISHERS = "Julkaisijat"
TRANSLATORS = "Kääntäjät"
REGIONAL_EDITORS_PREFIX = "Aluetoimittajat – "
WORKFLOW_NAME = "Julkaisun hyväksyntä"
TASK_NAME = "Julkaisijan hyväksyntä"
CONTENT_LANGUAGES = ("fi", "sv", "en")

EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "lock_page")
PUBLISHER_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
TRANSLATOR_PAGE_PERMISSIONS = ("add_page", "change_page")
# Read-only: translators find the Finnish page they translate in the explorer and
# the admin's search (editorial/translations/permissions.py honours it).
TRANSLATOR_SOURCE_PERMISSIONS = ("view_page",)

# Model permissions (admin menus) besides the page tree.
ADMIN_ACCESS = ("wagtailadmin.access_admin",)
MEDIA_PERMISSIONS = (
    "wagtailimages.add_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.choose_document",
)
# Images and documents: Wagtail checks these per collection (GroupCollectionPermission),
# not as model permissions. Granted on the root collection, so they cover every
# collection. "add" also lets a user edit and delete what they uploaded themselves;
# "change" reaches everyone's files, and Wagtail counts deleting as changing, so
# only publishers hold it.
EDITOR_COLLECTION_PERMISSIONS = (
    "wagtailimages.add_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.choose_document",
)
PUBLISHER_COLLECTION_PERMISSIONS = EDITOR_COLLECTION_PERMISSIONS + (
    "wagtailimages.change_image",
    "wagtailimages.delete_image",
    "wagtaildocs.change_document",
    "wagtaildocs.delete_document",
)
REGIONAL_COLLECTION_PERMISSIONS = EDITOR_COLLECTION_PERMISSIONS
# Translators keep the images of the Finnish page; they may pick another one
# (a screenshot in Swedish) but not upload or change files.
TRANSLATOR_COLLECTION_PERMISSIONS = ("wagtailimages.choose_image", "wagtaildocs.choose_document")
# Wagtail's own migrations create these two groups (with collection permissions);
# this project's groups replace them, so they are removed while nobody is in them.
WAGTAIL_DEFAULT_GROUPS = ("Editors", "Moderators")

# People go through the approval workflow like pages: editors save drafts and
# submit them; publishing a person is a publisher's permission.
SNIPPET_PERMISSIONS = ("regions.add_person", "regions.change_person", "regions.lock_person")
PUBLISHER_SNIPPET_PERMISSIONS = (
    "regions.publish_person",
    "regions.unlock_person",
    "regions.delete_person",
)
# Snippet models under the approval workflow.
WORKFLOW_SNIPPETS = (Person,)
KEYWORD_PERMISSIONS = ("news.add_keyword", "news.change_keyword")
TRANSLATE_PERMISSION = "wagtail_localize.submit_translation"

GROUP_PERMISSIONS = {
    EDITORS: ADMIN_ACCESS + MEDIA_PERMISSIONS + SNIPPET_PERMISSIONS + KEYWORD_PERMISSIONS,
    PUBLISHERS: ADMIN_ACCESS
    + MEDIA_PERMISSIONS
    + SNIPPET_PERMISSIONS
    + KEYWORD_PERMISSIONS
    + PUBLISHER_SNIPPET_PERMISSIONS
    + ("news.delete_keyword",),
    TRANSLATORS: ADMIN_ACCESS + (TRANSLATE_PERMISSION, "news.change_keyword"),
}


def regional_group_name(region):
    return f"{REGIONAL_EDITORS_PREFIX}{region.name_fi}"


def _permissions(codenames):
    """Permission objects for "app_label.codename" strings (or page codenames)."""
    found = []
    for name in codenames:
        app_label, _dot, codename = name.rpartition(".")
        query = Permission.objects.filter(codename=codename)
        if app_label:
            query = query.filter(content_type__app_label=app_label)
        else:
            query = query.filter(content_type__app_label="wagtailcore", content_type__model="page")
        permission = query.first()
        if permission is None:
            raise LookupError(f"Permission {name} does not exist (are migrations applied?)")
        found.append(permission)
    return found


_PERMISSION_CACHE = {}


def _cached_permissions(codenames):
    key = tuple(codenames)
    if key not in _PERMISSION_CACHE:
        _PERMISSION_CACHE[key] = _permissions(codenames)
    return _PERMISSION_CACHE[key]


def _grant_pages(group, page, codenames):
    """Give ``group`` these page permissions on ``page`` (and so its subtree)."""
    permissions = _cached_permissions(codenames)
    existing = set(
        GroupPagePermission.objects.filter(group=group, page=page).values_list(
            "permission_id", flat=True
        )
    )
    GroupPagePermission.objects.bulk_create(
        GroupPagePermission(group=group, page=page, permission=permission)
        for permission in permissions
        if permission.pk not in existing
    )


def _grant_collection(group, collection, codenames):
    """Give ``group`` these image/document permissions on ``collection`` (and below)."""
    for permission in _cached_permissions(codenames):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission
        )


def remove_wagtail_default_groups():
    """Wagtail's unused "Editors" and "Moderators" (kept if someone was put in one)."""
    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS, user__isnull=True).delete()


def ensure_locales():
    """The three content locales (Finnish is created by Wagtail's own migration)."""
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in CONTENT_LANGUAGES}


class EditorialSetup:
    """Creates (or completes) the groups, their permissions and the workflow."""

    def __init__(self):
        self.created = []

    def group(self, name, model_permissions=()):
        group, created = Group.objects.get_or_create(name=name)
        if created:
            self.created.append(name)
        group.permissions.add(*_cached_permissions(model_permissions))
        return group

    @transaction.atomic
    def run(self):
        _PERMISSION_CACHE.clear()  # permission rows may have been recreated (test databases)
        locales = ensure_locales()
        root = Page.get_first_root_node()
        editors = self.group(EDITORS, GROUP_PERMISSIONS[EDITORS])
        publishers = self.group(PUBLISHERS, GROUP_PERMISSIONS[PUBLISHERS])
        translators = self.group(TRANSLATORS, GROUP_PERMISSIONS[TRANSLATORS])

        _grant_pages(editors, root, EDITOR_PAGE_PERMISSIONS)
        _grant_pages(publishers, root, PUBLISHER_PAGE_PERMISSIONS)
        media_root = Collection.get_first_root_node()
        _grant_collection(editors, media_root, EDITOR_COLLECTION_PERMISSIONS)
        _grant_collection(publishers, media_root, PUBLISHER_COLLECTION_PERMISSIONS)
        _grant_collection(translators, media_root, TRANSLATOR_COLLECTION_PERMISSIONS)
        remove_wagtail_default_groups()
        # Translators work in the translated trees only: the Swedish and English
        # home pages (where they exist) and everything under them.
        for home in root.get_children().exclude(locale=locales["fi"]):
            _grant_pages(translators, home, TRANSLATOR_PAGE_PERMISSIONS)
        for home in root.get_children().filter(locale=locales["fi"]):
            _grant_pages(translators, home, TRANSLATOR_SOURCE_PERMISSIONS)

        self.setup_regional_editors()
        self.setup_workflow(root, publishers)
        return self

    def setup_regional_editors(self):
        """One group per region page, scoped to that page (in every language)."""
        fi_pages = RegionPage.objects.filter(locale__language_code="fi").select_related("region")
        media_root = Collection.get_first_root_node()
        for region_page in fi_pages:
            # People: only those of their own region (regions/scope.py narrows
            # the model permissions to them).
            group = self.group(
                regional_group_name(region_page.region),
                ADMIN_ACCESS + MEDIA_PERMISSIONS + KEYWORD_PERMISSIONS + SNIPPET_PERMISSIONS,
            )
            for page in region_page.get_translations(inclusive=True).filter(alias_of__isnull=True):
                _grant_pages(group, page, EDITOR_PAGE_PERMISSIONS)
            _grant_collection(group, media_root, REGIONAL_COLLECTION_PERMISSIONS)

    def setup_workflow(self, root, publishers):
        workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
        if created:
            self.created.append(WORKFLOW_NAME)
        if not workflow.active:
            workflow.active = True
            workflow.save(update_fields=["active"])
        task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
        if task is None:
            task = GroupApprovalTask.objects.create(name=TASK_NAME)
        task.groups.add(publishers)
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
        # The root page's workflow applies to every page of every language.
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
        for model in WORKFLOW_SNIPPETS:
            WorkflowContentType.objects.update_or_create(
                content_type=ContentType.objects.get_for_model(model),
                defaults={"workflow": workflow},
            )
        return workflow


def setup_editorial():
    return EditorialSetup().run()


def can_translate(user, page):
    """wagtail-localize's own rule for the "Translate this page" action."""
    return bool(user.is_active and not page.is_root() and user.has_perm(TRANSLATE_PERMISSION))
