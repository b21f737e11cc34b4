"""One analyzer per language, created on first use.

Finnish uses Voikko when ``libvoikko`` and the Finnish dictionary load; when
they do not, a warning is logged once and simplemma takes over (the system
check ``search.W001`` reports the same in ``manage.py check``).
"""

import logging
import threading

from .fallback import SimplemmaAnalyzer
from .finnish import VoikkoAnalyzer

logger = logging.getLogger("search.analysis")

_lock = threading.Lock()
_analyzers = {}
_finnish_status = {}


def _load_voikko():
    # Imported here, not at the top: libvoikko is an optional system library, and
    # its ImportError must fall back to simplemma (below) rather than break the app.
    import libvoikko

    return libvoikko.Voikko("fi")


def _finnish():
    try:
        analyzer = VoikkoAnalyzer(_load_voikko())
        _finnish_status.update(ok=True, error="")
        return analyzer
    except Exception as exc:  # OSError, ImportError, VoikkoException ...
        _finnish_status.update(ok=False, error=str(exc) or exc.__class__.__name__)
        logger.warning(
            "Voikko could not be loaded (%s); Finnish search falls back to simplemma "
            "(no compound parts). Install libvoikko1 and voikko-fi.",
            _finnish_status["error"],
        )
        return SimplemmaAnalyzer("fi")


def analyzer_for(language):
    """The analyzer of a language code ("fi", "sv", "en", "fi-FI" ...)."""
    language = (language or "fi")[:2].lower()
    analyzer = _analyzers.get(language)
    if analyzer is None:
        with _lock:
            analyzer = _analyzers.get(language)
            if analyzer is None:
                analyzer = _finnish() if language == "fi" else SimplemmaAnalyzer(language)
                _analyzers[language] = analyzer
    return analyzer


def finnish_backend_status():
    """{"ok": bool, "error": str}: whether Finnish analysis runs on Voikko."""
    analyzer_for("fi")
    return dict(_finnish_status)


def reset():
    """Forget the analyzers (tests switch Voikko off and on)."""
    with _lock:
        _analyzers.clear()
        _finnish_status.clear()
