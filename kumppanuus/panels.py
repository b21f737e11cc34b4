"""Admin panels shared by the page types.

``SearchSocialPreviewPanel`` (on the "Nosto" tab of articles and events) shows
what a search engine and a link preview in social media or a chat will show:
the title (the SEO title, else the page title), the description (the search
description, else the lead) with their lengths against what search engines
show (about 60 and 160 characters), the address, and the share image (else
the main image) as cropped for sharing. It updates as the editor types.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

TITLE_LIMIT = 60
DESCRIPTION_LIMIT = 160
SHARE_RENDITION = "fill-1200x630"


def preview_texts(page):
    """(title, description) as search engines and link previews show them."""
    title = (getattr(page, "seo_title", "") or page.title or "").strip()
    description = (
        getattr(page, "search_description", "") or getattr(page, "lead", "") or ""
    ).strip()
    return title, description


class SearchSocialPreviewPanel(Panel):
    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Esikatselu: haku ja jakaminen"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "kumppanuus/admin/search_social_preview.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            title, description = preview_texts(page)
            image = getattr(page, "preview_image", None)
            rendition = None
            if image is not None:
                try:
                    rendition = image.get_rendition(SHARE_RENDITION)
                except Exception:  # noqa: BLE001 (a missing file must not break the editor)
                    rendition = None
            url = ""
            if page.pk:
                url = page.get_full_url(self.request) or ""
            context.update(
                {
                    "title": title,
                    "description": description,
                    "title_length": len(title),
                    "description_length": len(description),
                    "title_limit": TITLE_LIMIT,
                    "description_limit": DESCRIPTION_LIMIT,
                    "title_too_long": len(title) > TITLE_LIMIT,
                    "description_too_long": len(description) > DESCRIPTION_LIMIT,
                    "url": url,
                    "rendition": rendition,
                    "has_share_image": bool(getattr(page, "share_image_id", None)),
                }
            )
            return context
