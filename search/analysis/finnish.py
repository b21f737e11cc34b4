"""Finnish analysis with Voikko: base forms and compound parts.

Voikko's ``WORDBASES`` spells a word's morphemes with their base forms, e.g.
``+valtion(valtio)+avust(avustaa)+us(+us)+haku(haku)`` for "valtionavustushaun".
A morpheme whose base starts with "+" is a derivational suffix and belongs to
the part before it ("avust" + "us" = "avustus"); "+-" is the hyphen of a
hyphenated compound ("sote-keskus"). Each analysis Voikko returns becomes one
reading (a tuple of parts); all readings are kept, so an ambiguous word is
indexed under every interpretation.

Words Voikko does not know: a hyphenated one is analysed piece by piece
("hyte-neuvottelut" -> "hyte" + "neuvottelu"); any other is lemmatised with
simplemma's Finnish tables as a best effort.
"""

import re
import threading

from .fallback import SimplemmaAnalyzer

MORPHEME_RE = re.compile(r"\+([^+()]*)(?:\(([^)]*)\))?")
# Finnish case endings (and the possessive-free plural forms), longest first,
# for words Voikko does not know: names and acronyms inflect like other words.
CASE_ENDINGS = sorted(
    "n a ä ta tä ssa ssä sta stä lla llä lta ltä lle ksi na nä tta ttä "
    "ihin iin issa issä ista istä illa illä ilta iltä ille ina inä iksi ien jen t".split(),
    key=len,
    reverse=True,
)
MIN_STEM = 3


def strip_case_endings(word, limit=3):
    """Candidate stems of an unknown word without a Finnish case ending, longest
    ending first ("jellissä" -> "jell", "jelli"): one of them is usually right."""
    stems = []
    for ending in CASE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            stems.append(word[: -len(ending)])
    return stems[:limit]


def _morphemes(wordbases):
    """[surface, base, derivation root or ""] per compound part of one analysis."""
    parts = []
    for surface, base in MORPHEME_RE.findall(wordbases or ""):
        if surface == "-" and not base:
            continue
        if (base.startswith("+") or not base) and parts:
            # A derivational suffix ("+us(+us)", "+yden(+ys)") or a bare
            # morpheme ("+m"): it belongs to the part before it.
            root_surface, root_base, root = parts[-1]
            derived = root_surface + (base.lstrip("+") or surface)
            parts[-1] = [derived, derived, root or root_base]
        elif surface or base:
            parts.append([surface, (base or surface).replace("=", ""), ""])
    return parts


def parse_wordbases(wordbases):
    """Compound parts (base forms) of one Voikko analysis."""
    return tuple(base.casefold() for _, base, _ in _morphemes(wordbases) if base)


def derivation_roots(wordbases):
    """The word a simple derived word comes from: "rahoitus" -> "rahoittaa".
    Compounds are left out: their parts already relate them to other words."""
    parts = _morphemes(wordbases)
    if len(parts) == 1 and parts[0][2]:
        return {parts[0][2].casefold()}
    return set()


class VoikkoAnalyzer(SimplemmaAnalyzer):
    def __init__(self, voikko):
        super().__init__("fi")
        self.voikko = voikko
        self.lock = threading.Lock()  # a Voikko handle is not thread-safe
        self.description = "Voikko"

    def voikko_readings(self, word):
        with self.lock:
            analyses = self.voikko.analyze(word)
        readings, baseforms, related = [], [], set()
        for analysis in analyses:
            parts = parse_wordbases(analysis.get("WORDBASES"))
            if parts:
                readings.append(parts)
            related |= derivation_roots(analysis.get("WORDBASES"))
            if analysis.get("BASEFORM"):
                baseforms.append(analysis["BASEFORM"].casefold())
        return readings, baseforms, related

    def readings(self, word):
        readings, baseforms, related = self.voikko_readings(word)
        if readings:
            return readings, baseforms, related
        pieces = [p for p in word.split("-") if p]
        if len(pieces) > 1:
            joined = ()
            for piece in pieces:
                joined += self.readings(piece)[0][0]
            return [joined], baseforms, ()
        # Unknown to Voikko (a name, an acronym, a new word): simplemma's guess,
        # and the word without a case ending ("STEAn" -> "stea", "Jellissä" -> "jelli").
        guesses = [(word,), (self.lemma(word),)]
        guesses += [(stem,) for stem in strip_case_endings(word)]
        return guesses, baseforms, ()
