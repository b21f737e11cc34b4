"""Help for a search that found nothing: close spellings from the site's own
titles and keywords ("Did you mean …?"), in the visitor's language."""

import difflib

from news.models import Keyword

from .analysis.text import normalize, tokenize
from .models import SearchEntry

MAX_VOCABULARY_ENTRIES = 2_000


def vocabulary(language):
    words = set()
    titles = SearchEntry.objects.filter(language=language).values_list("title_key", flat=True)
    for title in titles[:MAX_VOCABULARY_ENTRIES]:
        words.update(w for w in tokenize(title) if len(w) > 3)
    words.update(normalize(name) for name in Keyword.objects.values_list("name", flat=True))
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
