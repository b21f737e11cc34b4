"""The news app's admin: the "Asiasanat" keyword admin (news/keyword_admin.py)."""

from django.urls import path
from wagtail import hooks

from .keyword_admin import KeywordViewSet, merge_view


@hooks.register("register_admin_viewset")
def register_keywords():
    return KeywordViewSet()


@hooks.register("register_admin_urls")
def register_keyword_merge():
    return [path("keywords/<int:pk>/merge/", merge_view, name="keyword_merge")]
