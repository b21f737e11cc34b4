"""Admin hooks of the editorial app.

The translation work (status report, translators' dashboard, translation
editor, publish together) registers its hooks in editorial/translations/hooks.py;
the review feedback (change requests, comparisons) in editorial/review/hooks.py.
"""

from editorial.review import hooks as review_hooks  # noqa: F401 (registers them)
from editorial.translations import hooks as translation_hooks  # noqa: F401 (registers them)
