"""Links whose scheme runs code (``javascript:``, ``vbscript:``, ``data:``) never reach a reader.

The admin's URL fields and rich text editor refuse such links, but an import,
a data migration or the write API's raw ``db_html`` can store anything. So
every output neutralises them, whatever stored them: a URL field's value
becomes empty (templates then show the text without a link, the API an empty
string), and in rich text the offending ``href``/``src`` attribute is dropped
while the element and its text stay.

The scheme is read the way a browser reads it: HTML entities decoded (in
markup), tabs and newlines removed anywhere, leading spaces and control
characters ignored, case-insensitive (``" JaVa&#x09;Script:"`` is javascript).
"""

import html
import re

UNSAFE_SCHEMES = frozenset({"javascript", "vbscript", "data"})
URL_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "xlink:href", "poster", "background", "cite"}
)

_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
_IGNORED_ANYWHERE = re.compile(r"[\t\n\r]")
# An opening tag; quoted attribute values may contain ">".
_TAG = re.compile(r"<[a-zA-Z](?:\"[^\"]*\"|'[^']*'|[^'\">])*>")
# One attribute: browsers also accept none or "/" between attributes.
_ATTRIBUTE = re.compile(r"([\s/]*)([^\s\"'>/=]+)(?:(\s*=\s*)(\"[^\"]*\"|'[^']*'|[^\s>]+))?")


def scheme(url):
    """The scheme of ``url`` as a browser would see it, lower-cased ("" for none)."""
    text = _IGNORED_ANYWHERE.sub("", url or "").lstrip("".join(map(chr, range(0x21))))
    match = _SCHEME.match(text)
    return match.group(1).lower() if match else ""


def is_safe_url(url):
    return scheme(url) not in UNSAFE_SCHEMES


def safe_url(url):
    """``url`` itself, or "" when following it would run code."""
    return url if is_safe_url(url) else ""


def _attribute_value(raw):
    if raw[:1] in ("'", '"'):
        raw = raw[1:-1]
    return html.unescape(raw)


def _clean_attribute(match):
    name, value = match.group(2), match.group(4)
    if value is not None and name.lower() in URL_ATTRIBUTES:
        if not is_safe_url(_attribute_value(value)):
            return " "  # keep the next attribute apart from what came before
    return match.group(0)


def _clean_tag(match):
    tag = match.group(0)
    name_end = re.match(r"<[^\s/>]*", tag).end()
    return tag[:name_end] + _ATTRIBUTE.sub(_clean_attribute, tag[name_end:])


def neutralise_links(markup):
    """``markup`` with every URL attribute that would run code removed."""
    if not markup or "<" not in markup:
        return markup
    return _TAG.sub(_clean_tag, markup)
