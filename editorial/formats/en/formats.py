"""en: the shared admin input formats first, then Django's own (editorial/formats/__init__.py)."""

from django.conf.locale.en import formats as django_formats

from editorial.formats import extended

DATE_INPUT_FORMATS = extended("DATE_INPUT_FORMATS", django_formats)
DATETIME_INPUT_FORMATS = extended("DATETIME_INPUT_FORMATS", django_formats)
TIME_INPUT_FORMATS = extended("TIME_INPUT_FORMATS", django_formats)
