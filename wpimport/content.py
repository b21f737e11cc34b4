"""WordPress content (classic HTML with shortcodes, Gutenberg blocks) → our body blocks.

The result is the raw StreamField data of ``kumppanuus.blocks.BodyBlock``
(``[{"type": ..., "value": ...}]``). What has no block of ours keeps its text as
a paragraph and is reported (``Report.unmapped``): nothing is dropped silently.
Media and links are looked up through a *resolver* (``wpimport.importer``),
which knows the export, the uploads folder and what has been imported.
"""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser

# Gutenberg's block delimiters: <!-- wp:name {"json"} --> … <!-- /wp:name -->, or self-closing.
BLOCK_COMMENT = re.compile(
    r"<!--\s+(?P<close>/)?wp:(?P<name>[a-z][a-z0-9_-]*(?:/[a-z][a-z0-9_-]*)?)"
    r"(?:\s+(?P<attrs>\{.*?\}))?\s+(?P<void>/)?-->",
    re.S,
)
# WordPress's get_shortcode_regex(), for any tag name.
SHORTCODE = re.compile(
    r"\[(?P<escape>\[?)(?P<name>[A-Za-z][\w-]*)(?![\w-])(?P<attrs>[^\]/]*(?:/(?!\])[^\]/]*)*?)"
    r"(?:(?P<selfclose>/)\]|\](?:(?P<content>[^\[]*(?:\[(?!/(?P=name)\])[^\[]*)*)\[/(?P=name)\])?)"
    r"(?P<escape_end>\]?)"
)
SHORTCODE_ATTR = re.compile(
    r'([\w-]+)\s*=\s*"([^"]*)"|([\w-]+)\s*=\s*\'([^\']*)\'|([\w-]+)\s*=\s*([^\s\'"]+)'
)
TOP_LEVEL = re.compile(
    r"<(?P<tag>h[1-6]|blockquote|ul|ol|figure|table|pre)\b[^>]*>.*?</(?P=tag)>"
    r"|<img\b[^>]*>|<hr\b[^>]*>",
    re.S | re.I,
)
IMG = re.compile(r"<img\b[^>]*>", re.I)
ATTR = re.compile(r'([\w-]+)\s*=\s*(?:"([^"]*)"|\'([^\']*)\')')
VIDEO_HOSTS = ("youtube.com", "youtu.be", "vimeo.com", "video", ".mp4", ".webm", "twitch.tv")

MAPPED_BLOCKS = {
    "paragraph",
    "heading",
    "quote",
    "pullquote",
    "image",
    "gallery",
    "video",
    "file",
    "embed",
    "list",
    "list-item",
    "html",
    "freeform",
    "shortcode",
}
OMITTED_BLOCKS = {"separator", "spacer", "more", "nextpage"}  # layout only: nothing to keep
CONTAINER_BLOCKS = {"group", "columns", "column", "cover", "media-text", "buttons", "button"}
MAPPED_SHORTCODES = {"caption", "wp_caption", "embed", "gallery", "video", "file", "pdf"}


def attrs_of(tag):
    return {
        m.group(1).lower(): html.unescape(m.group(2) or m.group(3) or "")
        for m in ATTR.finditer(tag)
    }


def shortcode_attrs(text):
    found = {}
    for m in SHORTCODE_ATTR.finditer(text or ""):
        key = m.group(1) or m.group(3) or m.group(5)
        found[key.lower()] = html.unescape(m.group(2) or m.group(4) or m.group(6) or "")
    return found


def plain(text):
    """Text of an HTML fragment (tags removed, entities decoded, spaces collapsed)."""
    text = re.sub(r"<br\s*/?>", " ", text or "", flags=re.I)
    text = re.sub(r"<[^>]+>", " ", text)
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


class RichTextCleaner(HTMLParser):
    """Keeps what our paragraph block allows (bold, italic, links, lists, line breaks)
    and the text of everything else; links go through the resolver."""

    KEEP = {"b": "b", "strong": "b", "i": "i", "em": "i", "ul": "ul", "ol": "ol", "li": "li"}

    def __init__(self, resolver, post_id):
        super().__init__(convert_charrefs=True)
        self.resolver = resolver
        self.post_id = post_id
        self.out = []
        self.images = []
        self.open_links = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in self.KEEP:
            self.out.append(f"<{self.KEEP[tag]}>")
        elif tag == "br":
            self.out.append("<br/>")
        elif tag == "a":
            href = attrs.get("href") or ""
            target = self.resolver.link(href, self.post_id) if href else None
            if target is None:
                self.out.append("<a>")
            elif target[0] == "page":
                self.out.append(f'<a linktype="page" id="{target[1]}">')
            else:
                self.out.append(f'<a href="{html.escape(target[1], quote=True)}">')
        elif tag == "img":
            self.images.append(attrs)
        elif tag in ("p", "div") and self.out and not self.out[-1].endswith("</p><p>"):
            self.out.append(" ")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag in self.KEEP:
            self.out.append(f"</{self.KEEP[tag]}>")
        elif tag == "a":
            self.out.append("</a>")

    def handle_data(self, data):
        self.out.append(html.escape(data, quote=False))

    def result(self):
        text = "".join(self.out).strip()
        return re.sub(r"<a>(.*?)</a>", r"\1", text, flags=re.S)


class Converter:
    """Converts one item's content; findings go to ``report`` keyed by the post id."""

    def __init__(self, resolver, report):
        self.resolver = resolver
        self.report = report

    # -- entry point ---------------------------------------------------------------
    def convert(self, content, post_id):
        self.post_id = post_id
        self.blocks = []
        if BLOCK_COMMENT.search(content or ""):
            for node in parse_blocks(content):
                self.gutenberg(node)
        else:
            self.classic(content or "")
        return self.blocks

    # -- output ----------------------------------------------------------------------
    def paragraph(self, fragment):
        cleaner = RichTextCleaner(self.resolver, self.post_id)
        cleaner.feed(fragment)
        cleaner.close()
        text = cleaner.result()
        if plain(text):
            if not text.startswith(("<ul>", "<ol>")):
                text = "<p>" + text.replace("\n\n", "</p><p>").replace("\n", "<br/>") + "</p>"
            self.blocks.append({"type": "paragraph", "value": text})
        for img in cleaner.images:
            self.image(src=img.get("src", ""), alt=img.get("alt", ""))

    def text_paragraph(self, text):
        if text.strip():
            self.blocks.append(
                {"type": "paragraph", "value": f"<p>{html.escape(text.strip())}</p>"}
            )

    def heading(self, text, level=2):
        level = min(max(int(level or 2), 2), 4)
        if plain(text):
            self.blocks.append(
                {"type": "heading", "value": {"text": plain(text)[:200], "level": f"h{level}"}}
            )

    def quote(self, fragment):
        cite = re.search(r"<cite[^>]*>(.*?)</cite>", fragment, re.S | re.I)
        body = re.sub(r"<cite[^>]*>.*?</cite>", "", fragment, flags=re.S | re.I)
        body = re.sub(r"</p>\s*<p[^>]*>", "\n", body)
        text = "\n".join(plain(line) for line in body.split("\n") if plain(line))
        if text:
            attribution = plain(cite.group(1))[:300] if cite else ""
            self.blocks.append(
                {"type": "quote", "value": {"text": text, "attribution": attribution}}
            )

    def image(self, *, attachment_id=None, src="", alt="", caption=""):
        found = self.resolver.image(attachment_id, src, self.post_id)
        if found is None:  # missing: reported by the resolver; keep the caption text
            self.text_paragraph(caption)
            return
        image_id, stored_alt = found
        self.blocks.append(
            {
                "type": "image",
                "value": {
                    "image": image_id,
                    "caption": plain(caption)[:300],
                    "alt_text": (alt or stored_alt)[:300],
                },
            }
        )

    def video(self, url, title=""):
        url = (url or "").strip()
        if not url.lower().startswith(("http://", "https://")):
            self.text_paragraph(title or url)
            return
        self.blocks.append(
            {
                "type": "video",
                "value": {"title": (title or "Video")[:200], "url": url, "available_until": None},
            }
        )

    def link(self, url, title=""):
        if not url.lower().startswith(("http://", "https://")):
            self.text_paragraph(title or url)
            return
        self.blocks.append(
            {
                "type": "read_more",
                "value": {"heading": "", "links": [{"title": (title or url)[:300], "url": url}]},
            }
        )

    def attachment(self, *, attachment_id=None, url="", title=""):
        document = self.resolver.document(attachment_id, url, self.post_id)
        if document is None and not url.lower().startswith(("http://", "https://")):
            self.text_paragraph(title)
            return
        document_id, document_title = document if document else (None, "")
        self.blocks.append(
            {
                "type": "attachment",
                "value": {
                    "title": (plain(title) or document_title or url)[:300],
                    "document": document_id,
                    "url": "" if document_id else url,
                    "description": "",
                    "available_until": None,
                },
            }
        )

    def embed(self, url, title=""):
        url = (url or "").strip()
        if any(host in url.lower() for host in VIDEO_HOSTS):
            self.video(url, title)
        elif url:
            self.link(url, title)

    # -- classic content ---------------------------------------------------------------
    def classic(self, content):
        position = 0
        for match in SHORTCODE.finditer(content):
            if match.group("escape") and match.group("escape_end"):
                continue  # [[escaped]] is literal text
            self.html(content[position : match.start()])
            self.shortcode(match)
            position = match.end()
        self.html(content[position:])

    def html(self, fragment):
        for chunk in re.split(r"\n\s*\n", fragment):
            position = 0
            for match in TOP_LEVEL.finditer(chunk):
                self.paragraph(chunk[position : match.start()])
                self.element(match.group(0), (match.group("tag") or match.group(0)[1:4]).lower())
                position = match.end()
            self.paragraph(chunk[position:])

    def element(self, fragment, tag):
        if tag.startswith("h") and tag[1:2].isdigit():
            self.heading(fragment, int(tag[1]))
        elif tag == "blockquote":
            self.quote(fragment)
        elif tag in ("ul", "ol"):
            self.paragraph(fragment)
        elif tag.startswith("img"):
            attrs = attrs_of(fragment)
            self.image(src=attrs.get("src", ""), alt=attrs.get("alt", ""))
        elif tag.startswith("hr"):
            self.report.omitted("<hr>", self.post_id)
        elif tag == "figure":
            img = IMG.search(fragment)
            caption = re.search(r"<figcaption[^>]*>(.*?)</figcaption>", fragment, re.S | re.I)
            if img:
                attrs = attrs_of(img.group(0))
                self.image(
                    src=attrs.get("src", ""),
                    alt=attrs.get("alt", ""),
                    caption=caption.group(1) if caption else "",
                )
            else:
                self.paragraph(fragment)
        else:  # table, pre: no block of ours; the text stays
            self.report.unmapped("html", f"<{tag}>", self.post_id)
            self.text_paragraph(plain(fragment))

    def shortcode(self, match):
        name = match.group("name").lower()
        attrs = shortcode_attrs(match.group("attrs"))
        inner = match.group("content") or ""
        if name not in MAPPED_SHORTCODES:
            self.report.unmapped("shortcode", name, self.post_id)
            self.text_paragraph(plain(match.group(0)))
            return
        self.report.mapped("shortcode", name)
        if name in ("caption", "wp_caption"):
            img = IMG.search(inner)
            caption = attrs.get("caption") or plain(IMG.sub("", re.sub(r"</?a\b[^>]*>", "", inner)))
            if img:
                img_attrs = attrs_of(img.group(0))
                attachment_id = _int(attrs.get("id", "").removeprefix("attachment_"))
                self.image(
                    attachment_id=attachment_id,
                    src=img_attrs.get("src", ""),
                    alt=img_attrs.get("alt", ""),
                    caption=caption,
                )
            else:
                self.text_paragraph(caption)
        elif name == "embed":
            self.embed(plain(inner) or attrs.get("src", ""))
        elif name == "gallery":
            for value in re.split(r"[,\s]+", attrs.get("ids", attrs.get("include", ""))):
                if _int(value):
                    self.image(attachment_id=_int(value))
        elif name == "video":
            url = next(
                (attrs[k] for k in ("src", "mp4", "webm", "m4v", "ogv", "url") if attrs.get(k)), ""
            )
            self.video(url or plain(inner), attrs.get("title", ""))
        else:  # file, pdf
            url = attrs.get("href") or attrs.get("url") or attrs.get("src") or plain(inner)
            self.attachment(
                attachment_id=_int(attrs.get("id")),
                url=url,
                title=plain(inner) or attrs.get("title", ""),
            )

    # -- Gutenberg ---------------------------------------------------------------------
    def gutenberg(self, node):
        name, attrs, inner = node["name"], node["attrs"], node["html"]
        if name is None:  # HTML between blocks: classic content
            self.classic(inner)
            return
        short = name.removeprefix("core/")
        if short in OMITTED_BLOCKS:
            self.report.omitted(f"wp:{short}", self.post_id)
            return
        if short in CONTAINER_BLOCKS:
            self.report.mapped("block", f"wp:{short} (contents kept)")
            for child in node["children"]:
                self.gutenberg(child)
            return
        if short.startswith("core-embed/") or short == "embed":
            self.report.mapped("block", "wp:embed")
            self.embed(attrs.get("url") or plain(inner), attrs.get("providerNameSlug", ""))
            return
        if short not in MAPPED_BLOCKS:
            self.report.unmapped("block", f"wp:{short}", self.post_id)
            self.text_paragraph(plain(strip_comments(inner)))
            return
        self.report.mapped("block", f"wp:{short}")
        body = strip_comments(inner)
        if short == "paragraph":
            self.paragraph(re.sub(r"^\s*<p[^>]*>|</p>\s*$", "", body.strip()))
        elif short == "heading":
            found = re.search(r"<h([1-6])", body)
            level = attrs.get("level") or (int(found.group(1)) if found else 2)
            self.heading(body, level)
        elif short in ("quote", "pullquote"):
            self.quote(body)
        elif short in ("list", "list-item"):
            self.paragraph(body)
        elif short == "image":
            img = IMG.search(body)
            img_attrs = attrs_of(img.group(0)) if img else {}
            caption = re.search(r"<figcaption[^>]*>(.*?)</figcaption>", body, re.S | re.I)
            self.image(
                attachment_id=_int(attrs.get("id")),
                src=img_attrs.get("src", attrs.get("url", "")),
                alt=img_attrs.get("alt", attrs.get("alt", "")),
                caption=caption.group(1) if caption else "",
            )
        elif short == "gallery":
            if node["children"]:
                for child in node["children"]:
                    self.gutenberg(child)
            else:
                for value in attrs.get("ids", []):
                    self.image(attachment_id=_int(value))
        elif short == "video":
            src = re.search(r"<video[^>]*\ssrc=\"([^\"]+)\"", body)
            caption = re.search(r"<figcaption[^>]*>(.*?)</figcaption>", body, re.S | re.I)
            self.video(
                src.group(1) if src else attrs.get("src", ""),
                plain(caption.group(1)) if caption else "",
            )
        elif short == "file":
            link = re.search(r"<a[^>]*href=\"([^\"]+)\"[^>]*>(.*?)</a>", body, re.S)
            self.attachment(
                attachment_id=_int(attrs.get("id")),
                url=attrs.get("href") or (link.group(1) if link else ""),
                title=plain(link.group(2)) if link else "",
            )
        else:  # html, freeform, shortcode
            self.classic(body)


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def strip_comments(text):
    return BLOCK_COMMENT.sub("", text or "")


def parse_blocks(content):
    """Gutenberg's serialised blocks as a tree: ``{"name", "attrs", "html", "children"}``;
    HTML outside any block comes as nodes named None."""
    root = {"name": "root", "attrs": {}, "html": "", "children": [], "start": 0}
    stack = [root]
    position = 0
    for match in BLOCK_COMMENT.finditer(content):
        parent = stack[-1]
        between = content[position : match.start()]
        if len(stack) == 1 and between.strip():
            parent["children"].append({"name": None, "attrs": {}, "html": between, "children": []})
        name = match.group("name")
        name = name if "/" in name else f"core/{name}"
        if match.group("close"):
            if len(stack) > 1 and stack[-1]["name"] == name:
                node = stack.pop()
                node["html"] = content[node["start"] : match.start()]
        else:
            try:
                attrs = json.loads(match.group("attrs") or "{}")
            except ValueError:
                attrs = {}
            node = {
                "name": name,
                "attrs": attrs if isinstance(attrs, dict) else {},
                "html": "",
                "children": [],
            }
            parent["children"].append(node)
            if not match.group("void"):
                node["start"] = match.end()
                stack.append(node)
        position = match.end()
    rest = content[position:]
    if len(stack) > 1:  # unclosed block: its content to the end
        stack[1]["html"] = content[stack[1]["start"] :]
    elif rest.strip():
        root["children"].append({"name": None, "attrs": {}, "html": rest, "children": []})
    return root["children"]
