"""Article images reach API consumers as rendition URLs in a few sizes."""

import pytest
import wagtail_factories
from django.core.files.storage import default_storage

from news.models import NewsIndexPage

from .factories import NewsArticlePageFactory, publish

pytestmark = pytest.mark.django_db


def test_news_detail_has_image_renditions(client, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    image = wagtail_factories.ImageFactory(
        title="Työpaja Joensuussa", file__width=2000, file__height=1000
    )
    index = NewsIndexPage.objects.get(slug="uutiset", depth=3, locale__language_code="fi")
    article = NewsArticlePageFactory(parent=index, title="Kuvallinen uutinen", image=image)
    publish(article)

    detail = client.get(f"/api/v3/news/{article.pk}/").json()

    assert detail["image"]["title"] == "Työpaja Joensuussa"
    renditions = detail["image"]["renditions"]
    assert set(renditions) == {"thumbnail", "medium", "large"}
    assert (renditions["thumbnail"]["width"], renditions["thumbnail"]["height"]) == (400, 300)
    assert (renditions["medium"]["width"], renditions["medium"]["height"]) == (800, 400)
    assert (renditions["large"]["width"], renditions["large"]["height"]) == (1600, 800)
    for rendition in renditions.values():
        assert rendition["url"].startswith("http://")
        # the URL points at a file that was really written
        path = rendition["url"].split("/media/", 1)[1]
        assert default_storage.exists(path)
