"""Date and time input formats for the admin (``FORMAT_MODULE_PATH = ["editorial.formats"]``).

The admin shows dates as 20.1.2027 and times as 12.00 (``WAGTAIL_DATE_FORMAT``,
``WAGTAIL_DATETIME_FORMAT``, ``WAGTAIL_TIME_FORMAT``) whatever the editor's admin
language, so each language's input formats accept the Finnish forms first, with
"12:00" and "klo 12.00" as people type them. Only the ``*_INPUT_FORMATS`` are
defined: display formats fall through to Django's own locale files. ISO
("2027-01-20 12:00") is still accepted, as Django adds it to every language.
"""

DATE_INPUT_FORMATS = [
    "%d.%m.%Y",  # 20.1.2027
    "%d.%m.%y",  # 20.1.27
]
_TIMES = ["%H.%M", "%H:%M", "%H.%M.%S", "%H:%M:%S"]
TIME_INPUT_FORMATS = list(_TIMES)
DATETIME_INPUT_FORMATS = [
    f"{date}{separator}{time}"
    for date in DATE_INPUT_FORMATS
    for separator in (" ", " klo ", " kl. ", ", ")
    for time in _TIMES
]


def extended(name, django_formats):
    """These formats, then the ones Django's locale module adds (no duplicates)."""
    ours = globals()[name]
    theirs = getattr(django_formats, name, [])
    return ours + [fmt for fmt in theirs if fmt not in ours]
