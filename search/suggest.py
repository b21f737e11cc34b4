"""Help for a search that found nothing: close spellings from the site's own
titles and keywords ("Did you mean …?"), in the visitor's language.

The vocabulary comes only from what an anonymous visitor may see in that
language (``kumppanuus.visibility``): a suggestion is a word the visitor could
find, and never a word of a draft, a scheduled, expired or restricted page.
"""

import difflib

from news.models import Keyword

from .analysis.text import normalize, tokenize
from .query import visible_pages

MAX_VOCABULARY_ENTRIES = 2_000


def vocabulary(language):
    words = set()
    titles = (
        visible_pages(None, language)
        .filter(depth__gt=1)
        .order_by("-first_published_at")
        .values_list("title", flat=True)
    )
    for title in titles[:MAX_VOCABULARY_ENTRIES]:
        words.update(w for w in tokenize(normalize(title)) if len(w) > 3)
    label = f"label_{language}"
    for keyword in Keyword.objects.visible_in(language):
        names = (keyword.name, getattr(keyword, label, ""))
        words.update(normalize(name) for name in names if name)
    return words


def suggestions(query, language, limit=3):
    """Alternative queries: each unknown word replaced by its closest known spelling."""
    words = tokenize(normalize(query))[:8]
    if not words:
        return []
    known = vocabulary(language)
    if not known:
        return []
    known_list = sorted(known)
    options = []
    for index, word in enumerate(words):
        for match in difflib.get_close_matches(word, known_list, n=limit, cutoff=0.72):
            if match != word:
                options.append(" ".join([*words[:index], match, *words[index + 1 :]]))
    seen, result = set(), []
    for option in options:
        if option not in seen:
            seen.add(option)
            result.append(option)
    return result[:limit]
