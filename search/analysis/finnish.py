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


def parse_wordbases(wordbases):
    """Compound parts (base forms) of one Voikko analysis."""
    parts = []
    for surface, base in MORPHEME_RE.findall(wordbases or ""):
        if surface == "-" and not base:
            continue
        if base.startswith("+") and parts:
            root_surface, _ = parts[-1]
            # A derivational suffix: glue it to its root ("terve" + "ys").
            derived = root_surface + base.lstrip("+")
            parts[-1] = (derived, derived)
        elif surface or base:
            parts.append((surface, (base or surface).replace("=", "")))
    return tuple(base.casefold() for _, base in parts if base)


class VoikkoAnalyzer(SimplemmaAnalyzer):
    def __init__(self, voikko):
        super().__init__("fi")
        self.voikko = voikko
        self.lock = threading.Lock()  # a Voikko handle is not thread-safe
        self.description = "Voikko"

    def voikko_readings(self, word):
        with self.lock:
            analyses = self.voikko.analyze(word)
        readings, baseforms = [], []
        for analysis in analyses:
            parts = parse_wordbases(analysis.get("WORDBASES"))
            if parts:
                readings.append(parts)
            if analysis.get("BASEFORM"):
                baseforms.append(analysis["BASEFORM"].casefold())
        return readings, baseforms

    def readings(self, word):
        readings, baseforms = self.voikko_readings(word)
        if readings:
            return readings, baseforms
        pieces = [p for p in word.split("-") if p]
        if len(pieces) > 1:
            joined = ()
            for piece in pieces:
                piece_readings, _ = self.readings(piece)
                joined += piece_readings[0]
            return [joined], baseforms
        # Unknown to Voikko (a name, an acronym, a new word): simplemma's guess.
        return [(word,), (self.lemma(word),)], baseforms
