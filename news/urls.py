"""Public URLs of the news app that are not pages (mounted inside i18n_patterns)."""

from django.urls import path

from . import views

app_name = "news"
urlpatterns = [
    path("asiasanat/<str:slug>/", views.keyword, name="keyword"),
]
