"""Result snippets: a window of the page's text around the first matching word,
with matching words marked. Every piece of page text is escaped; only our own
``<mark>`` tags are markup.
"""

import unicodedata

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .analysis.text import WORD_RE, normalize

SNIPPET_CHARS = 260
SCAN_CHARS = 20_000


def query_terms(query_words):
    terms = set()
    for word in query_words:
        terms |= word.full | word.parts
    return terms


def _matches(token, analyzer, terms):
    normal = normalize(token).rstrip("-")
    if not normal:
        return False
    return bool(analyzer.word_terms(normal).all_terms & terms)


def snippet(text, query_words, analyzer, width=SNIPPET_CHARS):
    """Safe HTML: an excerpt of ``text`` with query matches in <mark>."""
    text = unicodedata.normalize("NFC", text or "")
    text = " ".join(text.split())
    if not text:
        return ""
    terms = query_terms(query_words)
    matches = [
        (m.start(), m.end())
        for m in WORD_RE.finditer(text[:SCAN_CHARS])
        if terms and _matches(m.group(), analyzer, terms)
    ]
    start = 0
    if matches:
        first = matches[0][0]
        if first > width // 3:
            start = text.rfind(" ", 0, first - width // 4) + 1
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    parts = ["…" if start else ""]
    cursor = start
    for m_start, m_end in matches:
        if m_start < start or m_end > end:
            continue
        parts.append(escape(text[cursor:m_start]))
        parts.append(f"<mark>{escape(text[m_start:m_end])}</mark>")
        cursor = m_end
    parts.append(escape(text[cursor:end]))
    if end < len(text):
        parts.append("…")
    return mark_safe("".join(parts))  # noqa: S308 - every text piece is escaped above
