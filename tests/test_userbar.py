"""The Wagtail userbar on public pages (issue 11): staff get edit links and the
Checks panel (axe-core and the content metrics); visitors get nothing of it."""

import re

import pytest
from django.contrib.auth import get_user_model

from news.models import NewsArticlePage

pytestmark = pytest.mark.django_db

HOST = {"HTTP_HOST": "127.0.0.1"}


@pytest.fixture
def article():
    return NewsArticlePage.objects.live().filter(locale__language_code="fi").first()


@pytest.mark.parametrize("username", ["toimittaja", "julkaisija", "kaantaja", "aluetoimittaja"])
def test_staff_see_the_userbar_with_the_checks_panel(client, article, username):
    client.force_login(get_user_model().objects.get(username=username))
    text = client.get(article.url, **HOST).content.decode()
    assert "wagtail-userbar" in text
    assert "checker-axe-configuration" in text  # the Checks panel runs axe-core
    # No inline script: only external files and JSON data blocks (CSP script-src 'self').
    for attrs in re.findall(r"<script([^>]*)>(?!</script>)", text):
        assert "src=" in attrs or "application/json" in attrs or "application/ld+json" in attrs, (
            attrs
        )


def test_visitors_do_not_get_the_userbar(client, article):
    text = client.get(article.url, **HOST).content.decode()
    assert "wagtail-userbar" not in text
