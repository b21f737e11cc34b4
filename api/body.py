"""StreamField bodies for API consumers: blocks, rich text with absolute and routable links.

Rich text is display HTML. A link to another page keeps what a frontend
needs to route it on the client: ``data-page-id``, ``data-page-type`` and
``data-api-url`` (the target's typed endpoint) beside an absolute ``href``,
for targets the public may see, in the language of the page the text is on.
Every other root-relative ``href``/``src`` is made absolute for consumers on
other hosts.
"""

import re
from functools import partial

from django.utils.html import escape
from wagtail.models import Page
from wagtail.rich_text import features
from wagtail.rich_text.rewriters import EmbedRewriter, LinkRewriter, MultiRuleRewriter

from kumppanuus.safe_links import neutralise_links
from kumppanuus.visibility import visible

from .images import serialize_image

_RELATIVE_LINK = re.compile(r'(\s(?:href|src)=")(/[^/"][^"]*|/)"')


def absolutize_html(ctx, html):
    """Make every root-relative ``href``/``src`` absolute."""
    root = ctx.base_url
    return _RELATIVE_LINK.sub(lambda m: f'{m.group(1)}{root}{m.group(2)}"', html)


def _page_links(ctx, locale_id, attrs_list):
    """Opening ``<a>`` tags for page links, resolved in one query per kind of lookup."""
    ids = {str(attrs.get("id")) for attrs in attrs_list if str(attrs.get("id", "")).isdigit()}
    targets = {str(page.pk): page for page in Page.objects.filter(pk__in=ids)}
    # The target in the text's own language where it is translated (as the HTML site shows).
    keys = {page.translation_key for page in targets.values()}
    localized = {
        page.translation_key: page
        for page in visible(Page.objects.filter(translation_key__in=keys, locale_id=locale_id))
    }
    public = {page.pk: page for page in visible(Page.objects.filter(pk__in=ids))}
    tags = []
    for attrs in attrs_list:
        target = targets.get(str(attrs.get("id")))
        if target is None:
            tags.append("<a>")
            continue
        shown = localized.get(target.translation_key) or public.get(target.pk)
        if shown is None:
            # Not visible: a plain link, as on the HTML page, without routing data.
            tags.append(f'<a href="{escape(ctx.absolute(target.get_url(ctx.request)) or "")}">')
            continue
        tags.append(
            f'<a href="{escape(ctx.page_url(shown) or "")}" data-page-id="{shown.pk}" '
            f'data-page-type="{escape(shown.specific_class._meta.label)}" '
            f'data-api-url="{escape(ctx.detail_url(shown))}">'
        )
    return tags


def expand_rich_text(ctx, source, locale_id):
    links = {
        kind: handler.expand_db_attributes_many
        for kind, handler in features.get_link_types().items()
    }
    links["page"] = partial(_page_links, ctx, locale_id)
    embeds = {
        kind: handler.expand_db_attributes_many
        for kind, handler in features.get_embed_types().items()
    }
    rewriter = MultiRuleRewriter([LinkRewriter(bulk_rules=links), EmbedRewriter(bulk_rules=embeds)])
    # Code-running links (javascript:, data:, vbscript:) stored by an import are
    # neutralised here, whatever stored them (kumppanuus.safe_links).
    return absolutize_html(ctx, neutralise_links(rewriter(source)))


def _block_value(ctx, child, locale_id):
    if child.block_type == "paragraph":
        return expand_rich_text(ctx, child.value.source, locale_id)
    if child.block_type == "image":
        alt = child.value.get("alt_text", "")
        return {
            "image": serialize_image(child.value.get("image"), ctx.renditions, alt=alt or None),
            "caption": child.value.get("caption", ""),
            "alt_text": alt,
        }
    value = child.block.get_api_representation(child.value, {"request": ctx.request})
    if child.block_type == "attachment":
        document = child.value.get("document")
        value["document"] = ctx.absolute(document.url) if document else None
    return value


def serialize_body(ctx, stream, locale_id):
    """The StreamField as a list of ``{"type", "id", "value"}`` blocks."""
    return [
        {"type": child.block_type, "id": child.id, "value": _block_value(ctx, child, locale_id)}
        for child in stream
    ]
