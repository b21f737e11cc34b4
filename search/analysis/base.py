"""The language-neutral part of analysis: words to terms, hyphen coordination.

A language analyzer only has to say how one word decomposes: into one or more
*readings*, each a tuple of compound parts in base form (a simple word is a
one-part reading). From the readings this module derives the terms a word is
indexed and queried under:

- ``full``: the word as written, its base forms and its whole compound joined
  ("järjestöavustukset" -> "järjestöavustus");
- ``parts``: runs of compound parts shorter than the whole
  ("valtionavustushaun" -> "valtio", "avustus", "haku", "valtioavustus",
  "avustushaku"), so that a query word finds the compounds it is part of;
- ``singles``: the single parts, which a multi-part query word is scored on.
"""

from dataclasses import dataclass, field
from functools import lru_cache

from .text import normalize, tokenize

MAX_QUERY_WORDS = 32


@dataclass(frozen=True)
class WordTerms:
    word: str
    full: frozenset
    parts: frozenset = field(default_factory=frozenset)
    singles: frozenset = field(default_factory=frozenset)
    # Words it is derived from ("rahoitus" <- "rahoittaa"): a weak match.
    related: frozenset = field(default_factory=frozenset)

    @property
    def all_terms(self):
        return self.full | self.parts | self.singles | self.related


def _clean(term):
    return term.replace("-", "").replace("=", "")


def terms_from_readings(word, readings, baseforms=(), related=()):
    """Build a :class:`WordTerms` from a word's readings (tuples of base-form parts)."""
    full = {_clean(word)} | {_clean(b) for b in baseforms if b}
    parts, singles = set(), set()
    for reading in readings:
        reading = tuple(_clean(p) for p in reading if _clean(p))
        if not reading:
            continue
        full.add("".join(reading))
        n = len(reading)
        if n > 1:
            singles.update(reading)
            for start in range(n):
                for end in range(start + 1, n + 1):
                    if end - start < n:
                        parts.add("".join(reading[start:end]))
    full.discard("")
    parts -= full
    related = {_clean(r) for r in related} - full - parts - {""}
    return WordTerms(
        word, frozenset(full), frozenset(parts), frozenset(singles - full), frozenset(related)
    )


class Analyzer:
    """Base class: subclasses implement :meth:`readings`."""

    language = ""
    stopwords = frozenset()
    # Words that join hyphen-coordinated prefixes to their compound
    # ("sosiaali- ja terveysministeriö", "social- och hälsovårdsministeriet").
    conjunctions = frozenset()
    description = ""

    def readings(self, word):
        """(readings, baseforms, related words) of one normalised word; override per language."""
        return [(word,)], (), ()

    # Analysis is a pure function of the word (the analyzers live for the process
    # and their dictionaries do not change), so each distinct word, and each
    # hyphen coordination ("sosiaali- ja terveysala"), is analysed once per process:
    # a rebuild of 100,000 pages meets the same few ten thousand words again and again.

    @lru_cache(maxsize=100_000)  # noqa: B019 - analyzers live for the process
    def cached_readings(self, word):
        readings, baseforms, related = self.readings(word)
        return tuple(readings), tuple(baseforms), frozenset(related)

    @lru_cache(maxsize=100_000)  # noqa: B019 - analyzers live for the process
    def word_terms(self, word):
        return terms_from_readings(word, *self.cached_readings(word))

    @lru_cache(maxsize=50_000)  # noqa: B019 - analyzers live for the process
    def coordinated_terms(self, prefix, head_word):
        """Terms of "prefix-" completed by the head of the compound that ends the
        coordination: "sosiaali-" + "terveysministeriö" -> "sosiaaliministeriö"."""
        prefix_readings = self.cached_readings(prefix)[0]
        head_readings = self.cached_readings(head_word)[0]
        heads = {tuple(r[1:]) for r in head_readings if len(r) > 1}
        readings = [tuple(p) + h for p in prefix_readings for h in heads] or prefix_readings
        own = self.word_terms(prefix)
        coordinated = terms_from_readings(prefix, readings)
        return WordTerms(
            prefix,
            coordinated.full | own.full,
            (coordinated.parts | own.parts) - own.full,
            coordinated.singles | own.singles,
            own.related,
        )

    def analyze(self, text, *, limit=None):
        """The :class:`WordTerms` of each word of ``text``, stop words left out."""
        words = tokenize(normalize(text))
        if limit is not None:
            words = words[:limit]
        result = []
        for index, word in enumerate(words):
            if word.endswith("-"):
                prefix = word.rstrip("-")
                head = self._coordination_head(words, index + 1)
                if prefix and head:
                    result.append(self.coordinated_terms(prefix, head))
                elif prefix:
                    result.append(self.word_terms(prefix))
                continue
            if word in self.stopwords:
                continue
            result.append(self.word_terms(word))
        return result

    def _coordination_head(self, words, start):
        for word in words[start : start + 6]:
            if word.endswith("-") or word in self.conjunctions:
                continue
            return word
        return None

    def analyze_query(self, text):
        """Query words (distinct, at most MAX_QUERY_WORDS) as WordTerms."""
        seen, groups = set(), []
        for terms in self.analyze(text, limit=MAX_QUERY_WORDS * 4):
            if terms.full not in seen:
                seen.add(terms.full)
                groups.append(terms)
        return groups[:MAX_QUERY_WORDS]
