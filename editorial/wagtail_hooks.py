"""Admin hooks of the editorial app.

The translation work (status report, translators' dashboard, translation
editor, publish together) registers its hooks in editorial/translations/hooks.py.
"""

from editorial import admin_ui  # noqa: F401,E402 (registers them)
from editorial.translations import hooks as translation_hooks  # noqa: F401 (registers them)
