"""Translating and publishing translations: the translator's path and "publish together".

- ``content``: compares two versions of a page field by field (what a translator cares about).
- ``state``: per translation, current / outdated (and why) / missing.
- ``sync``: brings a translation source up to the Finnish page and rebuilds the
  translated drafts, keeping manual edits to fields the source did not change.
- ``guard``: who may publish a translation, and never one with untranslated text.
- ``publishing``: publishing a translation, submitting it for approval, and
  publishing a Finnish page together with its translations (all or none).
- ``permissions``: read access to the Finnish tree for translators.
"""
