"""English (and poor Finnish) in the Finnish admin (issue 11).

Two checks, used by every test that walks the admin as a role in Finnish:

- ``KNOWN_BAD``: text editors met (English, or Wagtail's poor Finnish); a page
  showing any of it fails the walk.
- ``english_on_screen``: English in general. Every text a person can see or hear
  (text nodes, and the ``aria-label``, ``title``, ``placeholder``, ``alt`` and
  similar attributes; not scripts or styles) is compared with the English msgids
  of the installed Wagtail, wagtail-localize, taggit and Django catalogues (their
  ``en`` ``.po`` files). A text that *is* such a msgid (placeholders match any
  text) while the Finnish catalogue translates it differently, or not at all,
  was shown untranslated. ``ALLOWED`` lists the few msgids that are the same word
  in Finnish (names, abbreviations).

The fixes live in editorial/wagtail_strings.py (the project's Finnish catalogue
for Wagtail's and wagtail-localize's strings) and the templates it overrides.
"""

import functools
import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import polib
import wagtail

# English Wagtail and wagtail-localize strings on the editors' paths.
KNOWN_ENGLISH = (
    "The page could not be created due to validation errors",
    "The page could not be saved due to validation errors",
    "Autosave is paused",
    "Publish in ",
    "Changes requested at",
    "Enter a valid date/time",
    "Enter a valid date.",
)

# Finnish in Wagtail's own catalogue that says the wrong thing.
POOR_FINNISH = (
    "Tarkastatettavana",
    "Maa-asetusto",  # also "Maa-asetustot" (languages)
    "Isäntä",  # parent page
    "tageista",  # keywords
    "Lähetä työnkulkuun",  # "Lähetä hyväksyttäväksi"
)

KNOWN_BAD = KNOWN_ENGLISH + POOR_FINNISH

#: msgids that are legitimately the same in Finnish: names, abbreviations, formats.
ALLOWED = frozenset(
    {
        "API",
        "CSV",
        "Draftail",
        "Embed",
        "HTML",
        "ID",
        "JSON",
        "OK",
        "PDF",
        "PNG",
        "RSS",
        "SVG",
        "URL",
        "Wagtail",
        "WebP",
        "XLSX",
        "JPEG",
        "GIF",
        "AVIF",
        "HEIC",
        "ICO",
        "TSV",
        "Markdown",
        "Favicon",
    }
)

#: Attributes whose value is read out or shown (tooltips, labels, placeholders).
SHOWN_ATTRIBUTES = frozenset(
    {
        "aria-label",
        "aria-description",
        "aria-placeholder",
        "aria-roledescription",
        "aria-valuetext",
        "title",
        "placeholder",
        "alt",
        "label",
        "data-w-tooltip-content-value",
        "data-w-clipboard-message-value",
        "data-w-messages-added-value",
        "data-w-progress-active-value",
        "data-w-swap-loading-text-value",
        "data-w-dialog-title-value",
        "data-w-confirm-message-value",
        "data-w-action-confirm-value",
        "data-w-tag-label-value",
        "data-w-upgrade-text-value",
        "data-w-count-label-value",
    }
)
SHOWN_INPUT_TYPES = frozenset({"submit", "button", "reset"})

SITE_PACKAGES = Path(wagtail.__file__).parent.parent

#: Packages whose English msgids are looked for on screen.
CATALOGUE_PACKAGES = ("wagtail", "wagtail_localize", "taggit", "modelsearch", "django/forms")


def bad_strings_in(text):
    """The known English or poor Finnish strings found in ``text`` (a page's visible text)."""
    return [string for string in KNOWN_BAD if string in text]


# --- the visible text of a page --------------------------------------------------------


class _Segments(HTMLParser):
    """Text nodes and shown attribute values, each a whitespace-normalised segment."""

    HIDDEN = frozenset({"script", "style"})
    #: JSON the admin's scripts show: the sidebar's labels, the bulk actions' texts.
    SHOWN_JSON = frozenset({"wagtail-config", "wagtail-sidebar-props"})

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.segments = []
        self._hidden = 0
        self._json = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if value and name in SHOWN_ATTRIBUTES:
                self._add(value)
        if tag == "input" and (attributes.get("type") or "").lower() in SHOWN_INPUT_TYPES:
            self._add(attributes.get("value") or "")
        if tag in self.HIDDEN:
            self._hidden += 1
            self._json = attributes.get("id") in self.SHOWN_JSON

    def handle_endtag(self, tag):
        if tag in self.HIDDEN and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self._add(data)
        elif self._json:
            for text in _shown_json(json.loads(data)):
                self._add(text)

    def _add(self, text):
        text = " ".join(html.unescape(text).split())
        if text:
            self.segments.append(text)


def _shown_json(value, shown=False):
    """The strings of the admin's JSON a person sees: labels and ``STRINGS``."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _shown_json(item, shown or key in ("STRINGS", "label", "footer_text"))
    elif isinstance(value, list):
        for item in value:
            yield from _shown_json(item, shown)
    elif isinstance(value, str) and shown:
        yield value


def visible_segments(markup):
    """The texts of ``markup`` a person can see or hear, in page order."""
    parser = _Segments()
    parser.feed(markup)
    parser.close()
    return parser.segments


# --- Wagtail's English msgids ----------------------------------------------------------

PLACEHOLDER = re.compile(r"%\(\w+\)[sdfr]|%[sdfr]|\{\w*\}")


def _po_msgids(path):
    """The msgids (and plural msgids) of a .po file."""
    return [
        msgid
        for entry in polib.pofile(str(path))
        for msgid in (entry.msgid, entry.msgid_plural)
        if msgid
    ]


@functools.cache
def english_msgids():
    """{msgid: normalised text} of the installed packages' English catalogues."""
    found = {}
    for package in CATALOGUE_PACKAGES:
        for path in sorted((SITE_PACKAGES / package).rglob("locale/en/LC_MESSAGES/*.po")):
            for msgid in _po_msgids(path):
                text = " ".join(re.sub(r"<[^>]+>", " ", html.unescape(msgid)).split())
                if text:
                    found.setdefault(msgid, text)
    return found


def _looks_english(text):
    """A msgid worth flagging: has a word of three letters or more, not a known name."""
    literal = PLACEHOLDER.sub(" ", text)
    return text not in ALLOWED and re.search(r"[A-Za-z]{3,}", literal) is not None


@functools.cache
def _matchers():
    """({text: msgid}, {key word: [(regex, msgid)]}, {first words: [(chunk, msgid)]})
    for the msgids worth flagging."""
    exact, patterns, chunks = {}, {}, {}
    for msgid, text in english_msgids().items():
        if not _looks_english(text):
            continue
        # A sentence split by a link or a placeholder: its longer pieces.
        for chunk in PLACEHOLDER.split(text):
            words = WORD.findall(chunk)
            if len(words) >= CHUNK_WORDS:
                key = tuple(w.lower() for w in words[:CHUNK_WORDS])
                chunks.setdefault(key, []).append((" ".join(chunk.split()), msgid))
        if PLACEHOLDER.search(text):
            words = re.findall(r"[A-Za-z]{3,}", PLACEHOLDER.sub(" ", text))
            regex = "".join(
                ".+?" if PLACEHOLDER.fullmatch(part) else re.escape(part)
                for part in re.split(f"({PLACEHOLDER.pattern})", text)
                if part
            )
            key = max(words, key=len).lower()
            patterns.setdefault(key, []).append((re.compile(regex), msgid))
        else:
            exact.setdefault(text, msgid)
            exact.setdefault(text.rstrip(".:…").strip(), msgid)
    return exact, patterns, chunks


def _finnish_differs(msgid):
    """True when Finnish has no translation of the msgid, or says something else."""
    from django.utils import translation
    from django.utils.translation import trans_real

    catalog = trans_real.translation("fi")._catalog
    if msgid not in catalog and (msgid, 0) not in catalog:
        return True
    with translation.override("fi"):
        return translation.gettext(msgid) != msgid


def english_on_screen(segments):
    """{segment: msgid} for the segments that are an English msgid shown untranslated."""
    exact, by_word, chunks = _matchers()
    found = {}
    for whole in dict.fromkeys(segments):
        for segment in dict.fromkeys([whole, *(p for p in SEPARATORS.split(whole) if p)]):
            msgid = _msgid_of(segment, exact, by_word)
            if msgid is not None and _finnish_differs(msgid):
                found[whole] = msgid
                break
    # Pieces of a sentence across several segments ("manage your <a>account</a> to ...").
    joined = " ".join(segments)
    words = [w.lower() for w in WORD.findall(joined)]
    for i in range(len(words) - CHUNK_WORDS + 1):
        for chunk, msgid in chunks.get(tuple(words[i : i + CHUNK_WORDS]), ()):
            if chunk in joined and msgid not in found.values() and _finnish_differs(msgid):
                found[chunk] = msgid
    return found


WORD = re.compile(r"[A-Za-z']+")
#: Words in a row that make a piece of a msgid worth looking for on its own.
CHUNK_WORDS = 4


#: A title is often composed ("Exploring: Root - Wagtail"), a notice of sentences.
SEPARATORS = re.compile(r"\s+[-–|·]\s+|:\s+|(?<=[.!?])\s+")


def _msgid_of(segment, exact, by_word):
    """The English msgid ``segment`` is, or None (the most specific one)."""
    msgid = exact.get(segment) or exact.get(segment.rstrip(".:…").strip())
    if msgid is None:
        words = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", segment)}
        matches = [
            candidate
            for word in words & by_word.keys()
            for regex, candidate in by_word[word]
            if regex.fullmatch(segment)
        ]
        # The msgid with the most literal text says best what was shown.
        msgid = max(matches, key=lambda m: len(PLACEHOLDER.sub("", m)), default=None)
    return msgid
