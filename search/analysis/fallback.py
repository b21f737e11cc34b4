"""Pure-Python analysis with simplemma (dictionary lemmatisation, no compounds).

Swedish and English are always analysed this way, each with its own language's
lemma tables. Finnish uses it only when Voikko cannot be loaded: search then
finds inflected forms but not compound parts (it degrades, it never breaks).
"""

import simplemma

from .base import Analyzer

STOPWORDS = {
    "sv": frozenset(
        "och i att det som en på är av för med till den har de inte om ett men var jag "
        "så från vi kan eller ska vid också där".split()
    ),
    "en": frozenset(
        "a an and are as at be by for from has have in is it its of on or that the this "
        "to was were will with".split()
    ),
    "fi": frozenset(
        "ja on ovat oli olivat ei se ne että kuin mutta myös tai sekä jo nyt niin kun "
        "jos vain tämä nämä joka jotka sen sitä".split()
    ),
}
CONJUNCTIONS = {
    "sv": frozenset({"och", "eller", "samt"}),
    "en": frozenset({"and", "or"}),
    "fi": frozenset({"ja", "tai", "sekä", "eli", "taikka", "tahi"}),
}


class SimplemmaAnalyzer(Analyzer):
    """Lemmas from simplemma's tables for one language; hyphenated words by piece."""

    def __init__(self, language):
        self.language = language
        self.stopwords = STOPWORDS.get(language, frozenset())
        self.conjunctions = CONJUNCTIONS.get(language, frozenset())
        self.description = f"simplemma ({language})"

    def lemma(self, word):
        try:
            return simplemma.lemmatize(word, lang=self.language).casefold()
        except (ValueError, KeyError):  # unknown language table: the word itself
            return word

    def readings(self, word):
        pieces = [p for p in word.split("-") if p]
        if len(pieces) > 1:
            return [tuple(self.lemma(p) for p in pieces)], (self.lemma(word),), ()
        return [(self.lemma(word),)], (), ()
