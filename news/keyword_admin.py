"""The "Asiasanat" admin: keywords with their Swedish and English labels, how many
pages use each, search, rename and merge (README: Editorial workflow → Asiasanat).

Keywords are case-insensitive (``TAGGIT_CASE_INSENSITIVE``): a keyword typed on a
page as "SOTE-muutos" where "sote-muutos" exists is the existing one. Renaming
keeps the keyword's address (its slug) and cannot create a second keyword that
differs only in case; duplicates are merged instead.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, F
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Revision

from .models import ArticleKeyword, EventKeyword, Keyword

THROUGH_MODELS = (ArticleKeyword, EventKeyword)
MERGE_PERMISSION = "news.delete_keyword"


def usage_counts(queryset):
    """``usage``: the pages (every language) that carry the keyword."""
    return queryset.annotate(
        article_count=Count("article_items", distinct=True),
        event_count=Count("event_items", distinct=True),
    ).annotate(usage=F("article_count") + F("event_count"))


def _rewrite_revisions(old_ids, target):
    """Drafts, scheduled and in-review revisions keep their keywords: the merged
    keywords' ids in a revision become the target's (a revision restored or
    published later would otherwise point at a keyword that no longer exists)."""
    revisions = Revision.objects.filter(
        object_id__in=[
            str(pk)
            for model in THROUGH_MODELS
            for pk in model.objects.filter(tag=target).values_list("content_object_id", flat=True)
        ]
    )
    for revision in revisions.iterator():
        items = revision.content.get("keyword_items")
        if not items or not any(item.get("tag") in old_ids for item in items):
            continue
        seen, kept = set(), []
        for item in items:
            if item.get("tag") in old_ids:
                item["tag"] = target.pk
            if item["tag"] not in seen:
                seen.add(item["tag"])
                kept.append(item)
        revision.content["keyword_items"] = kept
        revision.save(update_fields=["content"])


@transaction.atomic
def merge_keywords(target, others):
    """Merge ``others`` into ``target``: every page keeps its keyword (now ``target``),
    ``target`` takes a Swedish or English label it lacks from the merged ones, and
    the merged keywords are deleted. Returns the number of pages moved over."""
    others = [keyword for keyword in others if keyword.pk != target.pk]
    old_ids = {keyword.pk for keyword in others}
    if not others:
        return 0
    moved = 0
    for model in THROUGH_MODELS:
        already = set(model.objects.filter(tag=target).values_list("content_object_id", flat=True))
        for item in model.objects.filter(tag__in=others).order_by("pk"):
            if item.content_object_id in already:
                item.delete()
            else:
                item.tag = target
                item.save(update_fields=["tag"])
                already.add(item.content_object_id)
                moved += 1
    for field in ("label_sv", "label_en"):
        if not getattr(target, field):
            setattr(
                target, field, next((getattr(k, field) for k in others if getattr(k, field)), "")
            )
    _rewrite_revisions(old_ids, target)
    Keyword.objects.filter(pk__in=old_ids).delete()
    target.save()  # reindexes its pages and refreshes the public caches (signals)
    return moved


class KeywordForm(WagtailAdminModelForm):
    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        same = Keyword.objects.filter(name__iexact=name).exclude(pk=self.instance.pk).first()
        if same:
            raise forms.ValidationError(
                _(
                    "Asiasana ”%(name)s” on jo olemassa. "
                    "Yhdistä asiasanat: avaa ”%(name)s” ja valitse Yhdistä."
                ),
                params={"name": same.name},
            )
        return name


class MergeForm(forms.Form):
    others = forms.ModelMultipleChoiceField(
        queryset=Keyword.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label=_("Yhdistettävät asiasanat"),
        help_text=_(
            "Valitut asiasanat poistetaan ja niiden sivuille tulee tämä asiasana. "
            "Mikään sivu ei menetä asiasanaa."
        ),
    )

    def __init__(self, *args, target, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["others"].queryset = usage_counts(Keyword.objects.exclude(pk=target.pk))
        self.fields["others"].label_from_instance = lambda k: (
            _("%(name)s (%(count)s sivua)")
            % {
                "name": k.name,
                "count": k.usage,
            }
        )


def merge_view(request, pk):
    if not request.user.has_perm(MERGE_PERMISSION):
        raise PermissionDenied
    target = get_object_or_404(Keyword, pk=pk)
    form = MergeForm(request.POST or None, target=target)
    if request.method == "POST" and form.is_valid():
        others = list(form.cleaned_data["others"])
        moved = merge_keywords(target, others)
        messages.success(
            request,
            _("%(count)s asiasanaa yhdistettiin asiasanaan ”%(name)s” (%(pages)s sivua siirtyi).")
            % {"count": len(others), "name": target.name, "pages": moved},
        )
        return redirect("keywords:index")
    return TemplateResponse(
        request, "news/admin/keyword_merge.html", {"keyword": target, "form": form}
    )


class UsageColumn(Column):
    def get_value(self, instance):
        return instance.usage


class MergeColumn(Column):
    def get_value(self, instance):
        return format_html(
            '<a class="button button-small button-secondary" href="{}">{}</a>',
            reverse("keyword_merge", args=(instance.pk,)),
            _("Yhdistä…"),
        )

    def render_cell_html(self, instance, parent_context):
        request = parent_context.get("request")
        if request is None or not request.user.has_perm(MERGE_PERMISSION):
            return format_html("<td></td>")
        return super().render_cell_html(instance, parent_context)


class KeywordIndexView(IndexView):
    def get_base_queryset(self):
        return usage_counts(super().get_base_queryset())


class KeywordViewSet(ModelViewSet):
    model = Keyword
    url_prefix = "keywords"
    url_namespace = "keywords"
    icon = "tag"
    menu_label = _("Asiasanat")
    menu_order = 250
    add_to_admin_menu = True
    index_view_class = KeywordIndexView
    search_fields = ["name", "label_sv", "label_en"]
    ordering = ["name"]
    copy_view_enabled = False
    inspect_view_enabled = False

    @property
    def list_display(self):
        return [
            "name",
            "label_sv",
            "label_en",
            UsageColumn("usage", label=_("Sivuja"), sort_key="usage"),
            MergeColumn("merge", label=""),
        ]

    edit_handler = ObjectList(
        [
            FieldPanel(
                "name",
                help_text=_(
                    "Asiasana suomeksi, perusmuodossa ja pienellä alkukirjaimella "
                    "(esimerkiksi ”sote-muutos”), paitsi erisnimet. "
                    "Näkyy suomenkielisillä sivuilla."
                ),
            ),
            FieldPanel(
                "label_sv",
                help_text=_(
                    "Näkyy ruotsinkielisillä sivuilla. Jos tyhjä, näytetään suomenkielinen."
                ),
            ),
            FieldPanel(
                "label_en",
                help_text=_(
                    "Näkyy englanninkielisillä sivuilla. Jos tyhjä, näytetään suomenkielinen."
                ),
            ),
        ],
        base_form_class=KeywordForm,
    )
