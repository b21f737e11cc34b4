"""Normalisation and tokenisation shared by every language.

NFC and NFD spellings of "ä" must be the same letter, case must not matter, and
hostile input (NUL bytes, control characters, 50,000-character strings) must
come out as a short list of harmless words.
"""

import re
import unicodedata

# A word: letters/digits, optionally joined by hyphens ("sote-keskus"), with an
# optional trailing hyphen marking a coordinated prefix ("sosiaali- ja ...").
HYPHENS = "-\u2010\u2011\u2012\u2013"
WORD_RE = re.compile(rf"[^\W_]+(?:[{HYPHENS}][^\W_]+)*(?:[{HYPHENS}](?=\s|$))?")
# "STEA:n", "EU:ssa": a colon-joined case ending on an abbreviation is dropped.
COLON_SUFFIX_RE = re.compile(r"(?<=[^\W_]):[^\W\d_]{1,5}\b")
HYPHEN_TRANSLATE = str.maketrans(dict.fromkeys(HYPHENS[1:], "-"))

MAX_WORD_LENGTH = 60


def normalize(text):
    """NFC, case-folded text without control characters."""
    text = unicodedata.normalize("NFC", text or "")
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    return text.casefold()


def tokenize(text):
    """Words of a normalised text, in order; hyphens unified to "-"."""
    text = COLON_SUFFIX_RE.sub("", text)
    words = []
    for match in WORD_RE.finditer(text):
        word = match.group().translate(HYPHEN_TRANSLATE)
        if len(word) <= MAX_WORD_LENGTH:
            words.append(word)
    return words


def tokenize_with_offsets(text):
    """(word, start, end) triples of the original text, for highlighting."""
    for match in WORD_RE.finditer(text):
        yield match.group(), match.start(), match.end()
